package org.medoc.planner.timeline;

import org.medoc.planner.period.ConstraintEffect;

import org.medoc.planner.timeline.TimelineModel.ActiveStudySet;
import org.medoc.planner.timeline.TimelineModel.Constraint;
import org.medoc.planner.timeline.TimelineModel.Limits;
import org.medoc.planner.timeline.TimelineModel.Period;
import org.medoc.planner.timeline.TimelineModel.PlannedRun;
import org.medoc.planner.timeline.TimelineModel.SoopWindow;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline rules of PLANNING.md §10.3 and the on-board rule B3, checked together on one STP:
 * <ul>
 *   <li>T1 no two SPICE runs overlap (ends include the set-up overhead) - ERROR;</li>
 *   <li>T2 runs inside their STP - ERROR, WARNING when flagged as spanning into the next;</li>
 *   <li>T3 no run in ROLL (no integration), forbidden-observation or safe-instrument windows - ERROR;</li>
 *   <li>T4 outside remote-sensing windows (RSW/RSCW) only low-rate studies unless approved - WARNING;</li>
 *   <li>T5 estimated volume within the telemetry allocation - ERROR above 100 %, WARNING above the warning fraction;</li>
 *   <li>T6 SOOP-tagged runs inside their SOOP instance, with a compatible pointing - WARNING;</li>
 *   <li>T8 runs changed after the STP's IOR deadline - ERROR (only VSTP-class changes are then possible);</li>
 *   <li>T10 a period with science runs has at least one calibration run - WARNING (cadence per STP is ours);</li>
 *   <li>T11 runs in superior-conjunction windows keep their data on board - WARNING;</li>
 *   <li>B3 every run's study belongs to the study set active on board - ERROR.</li>
 * </ul>
 * T7 (pointing change times), T9 (MIB version of the IOR) and T12 (locked entries under automatic re-planning) concern
 * IOR generation and re-planning, which this module does not do yet; T12 is enforced by refusing to move locked entries.
 */
public final class TimelineRules {

    private final Limits limits;

    public TimelineRules(Limits limits) {
        this.limits = limits;
    }

    public TimelineCheck check(Period period, List<PlannedRun> runs, List<Constraint> constraints, List<SoopWindow> soops,
                               ActiveStudySet activeSet, Long allocatedBits) {
        Map<Long, List<Finding>> byEntry = new HashMap<>();
        List<Finding> periodFindings = new ArrayList<>();
        for (PlannedRun run : runs) {
            byEntry.put(run.id(), new ArrayList<>());
        }
        overlaps(runs, byEntry);
        for (PlannedRun run : runs) {
            List<Finding> findings = byEntry.get(run.id());
            insidePeriod(period, run, findings);
            constraintWindows(run, constraints, findings);
            lowRateOutsideRsw(run, constraints, findings);
            soop(run, soops, findings);
            deadline(period, run, findings);
            studySet(period, run, activeSet, findings);
        }
        if (activeSet == null && !runs.isEmpty()) {
            periodFindings.add(Finding.error("B3", null, "no study set is active on board in STP" + period.number()
                    + ": upload one effective from this STP or earlier"));
        }
        long used = runs.stream().mapToLong(PlannedRun::volumeBits).sum();
        TelemetryBudget budget = new TelemetryBudget(used, allocatedBits);
        budget(period, budget, periodFindings);
        calibrationCadence(period, runs, periodFindings);
        return new TimelineCheck(byEntry, periodFindings, budget);
    }

    /** T1: sort by start and compare each run with the latest-ending run before it. */
    static void overlaps(List<PlannedRun> runs, Map<Long, List<Finding>> byEntry) {
        List<PlannedRun> sorted = runs.stream().sorted(Comparator.comparing(PlannedRun::start).thenComparing(PlannedRun::id)).toList();
        PlannedRun latest = null;
        for (PlannedRun run : sorted) {
            if (latest != null && run.start().isBefore(latest.end())) {
                String overlap = seconds(run.start(), latest.end().isBefore(run.end()) ? latest.end() : run.end());
                byEntry.get(run.id()).add(Finding.error("T1", "startUtc", "overlaps " + latest.studyName() + " (entry "
                        + latest.id() + ", until " + latest.end() + ") by " + overlap + ": SPICE runs one study at a time"));
                byEntry.get(latest.id()).add(Finding.error("T1", "startUtc", "overlaps " + run.studyName() + " (entry "
                        + run.id() + ", from " + run.start() + ") by " + overlap + ": SPICE runs one study at a time"));
            }
            if (latest == null || run.end().isAfter(latest.end())) {
                latest = run;
            }
        }
    }

    static void insidePeriod(Period period, PlannedRun run, List<Finding> findings) {
        if (run.start().isBefore(period.start()) || !run.start().isBefore(period.end())) {
            findings.add(Finding.error("T2", "startUtc", "starts at " + run.start() + ", outside STP" + period.number()
                    + " (" + period.start() + " to " + period.end() + ")"));
        } else if (run.end().isAfter(period.end())) {
            if (run.spansNextStp()) {
                findings.add(Finding.warning("T2", "spansNextStp", "runs " + seconds(period.end(), run.end())
                        + " into the next STP (flagged as spanning)"));
            } else {
                findings.add(Finding.error("T2", "startUtc", "ends at " + run.end() + ", after STP" + period.number()
                        + " ends (" + period.end() + "); move it or flag it as spanning into the next STP"));
            }
        }
    }

    static void constraintWindows(PlannedRun run, List<Constraint> constraints, List<Finding> findings) {
        for (Constraint window : constraints) {
            if (!window.overlaps(run.start(), run.end())) {
                continue;
            }
            String when = window.type() + " window " + window.start() + " to " + window.end();
            switch (window.effect()) {
                case FORBID_INTEGRATION -> findings.add(Finding.error("T3", "startUtc", "integrates during the " + when
                        + ": no integration is allowed"));
                case FORBID_OBS -> findings.add(Finding.error("T3", "startUtc", "observes during the " + when
                        + ": no observation is allowed"));
                case SAFE_INSTRUMENT -> findings.add(Finding.error("T3", "startUtc", "observes during the " + when
                        + ": the instrument must be safe"));
                case WARN -> {
                    if ("SUPERIOR_CONJUNCTION".equals(window.type())) {
                        findings.add(Finding.warning("T11", "startUtc", "runs in the " + when
                                + ": no downlink, the data stay on board; check the SSMM fill"));
                    } else {
                        findings.add(Finding.info("T3", "startUtc", "overlaps the " + when + " (advisory)"));
                    }
                }
                case INFO -> {
                    // remote-sensing windows enable modes; T4 reads them
                }
            }
        }
    }

    void lowRateOutsideRsw(PlannedRun run, List<Constraint> constraints, List<Finding> findings) {
        if (run.rateBitsPerSecond() <= limits.lowRateMaxBitsPerSecond() || run.highRateApproved()) {
            return;
        }
        boolean insideRsw = constraints.stream()
                .filter(c -> c.type().equals("RSW") || c.type().equals("RSCW"))
                .anyMatch(c -> c.contains(run.start(), run.end()));
        if (!insideRsw) {
            findings.add(Finding.warning("T4", "highRateApproved", String.format(Locale.ROOT,
                    "%.2f kbit/s outside a remote-sensing window, above the low-rate limit of %.2f kbit/s: "
                            + "move it into an RSW or record an explicit approval",
                    run.rateBitsPerSecond() / 1000, limits.lowRateMaxBitsPerSecond() / 1000)));
        }
    }

    static void soop(PlannedRun run, List<SoopWindow> soops, List<Finding> findings) {
        if (run.soopInstanceId() == null) {
            return;
        }
        SoopWindow soop = soops.stream().filter(s -> s.id() == run.soopInstanceId()).findFirst().orElse(null);
        if (soop == null) {
            findings.add(Finding.warning("T6", "soopInstanceId", "names SOOP instance " + run.soopInstanceId() + ", which is unknown"));
            return;
        }
        if (run.start().isBefore(soop.start()) || run.end().isAfter(soop.end())) {
            findings.add(Finding.warning("T6", "soopInstanceId", "is tagged " + soop.name() + " but lies outside its instance ("
                    + soop.start() + " to " + soop.end() + ")"));
        }
        String required = soop.pointingRequirement();
        if (required != null && !required.equals("ANY") && run.pointingKind() != null && !run.pointingKind().equals("ANY")
                && !run.pointingKind().equals(required)) {
            findings.add(Finding.warning("T6", "pointingKind", "pointing " + run.pointingKind() + " does not match "
                    + soop.name() + ", which requires " + required));
        }
    }

    static void deadline(Period period, PlannedRun run, List<Finding> findings) {
        if (period.iorDeadline() != null && run.updatedAt() != null && run.updatedAt().isAfter(period.iorDeadline())) {
            findings.add(Finding.error("T8", null, "changed at " + run.updatedAt() + ", after the IOR deadline of STP"
                    + period.number() + " (" + period.iorDeadline() + "): only VSTP-class changes are possible"));
        }
    }

    static void studySet(Period period, PlannedRun run, ActiveStudySet activeSet, List<Finding> findings) {
        if (activeSet != null && !activeSet.studyIds().contains(run.studyId())) {
            findings.add(Finding.error("B3", "studyId", run.studyName() + " is not in study set version "
                    + activeSet.setVersion() + ", active on board in STP" + period.number()));
        }
    }

    void budget(Period period, TelemetryBudget budget, List<Finding> findings) {
        if (budget.allocatedBits() == null) {
            findings.add(Finding.info("T5", null, "no telemetry allocation recorded for STP" + period.number()
                    + String.format(Locale.ROOT, "; planned %.1f Mbit", budget.usedBits() / 1e6)));
            return;
        }
        double fraction = budget.usedFraction();
        String figures = String.format(Locale.ROOT, "%.1f Mbit of %.1f Mbit (%.1f %%), margin %.1f Mbit",
                budget.usedBits() / 1e6, budget.allocatedBits() / 1e6, fraction * 100, budget.remainingBits() / 1e6);
        if (fraction > 1.0) {
            findings.add(Finding.error("T5", null, "telemetry over the allocation: " + figures));
        } else if (fraction > limits.budgetWarningFraction()) {
            findings.add(Finding.warning("T5", null, String.format(Locale.ROOT, "telemetry above %.0f %% of the allocation: ",
                    limits.budgetWarningFraction() * 100) + figures));
        } else {
            findings.add(Finding.info("T5", null, "telemetry " + figures));
        }
    }

    static void calibrationCadence(Period period, List<PlannedRun> runs, List<Finding> findings) {
        boolean science = runs.stream().anyMatch(r -> !r.calibration());
        boolean calibration = runs.stream().anyMatch(PlannedRun::calibration);
        if (science && !calibration) {
            findings.add(Finding.warning("T10", null, "STP" + period.number()
                    + " has science runs but no calibration (dark or full spectrum)"));
        }
    }

    private static String seconds(Instant from, Instant to) {
        return from.until(to, ChronoUnit.SECONDS) + " s";
    }
}
