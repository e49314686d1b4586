package org.medoc.planner.timeline;

import org.medoc.planner.period.ConstraintEffect;

import org.junit.jupiter.api.Test;
import org.medoc.planner.timeline.TimelineModel.ActiveStudySet;
import org.medoc.planner.timeline.TimelineModel.Constraint;
import org.medoc.planner.timeline.TimelineModel.Limits;
import org.medoc.planner.timeline.TimelineModel.Period;
import org.medoc.planner.timeline.TimelineModel.PlannedRun;
import org.medoc.planner.timeline.TimelineModel.SoopWindow;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline rules of PLANNING.md §10.3 and B3, each triggered and not triggered. */
class TimelineRulesTests {

    private static final Instant START = Instant.parse("2025-03-10T00:00:00Z");
    private final Period stp = new Period(1, 344, START, START.plus(Duration.ofDays(7)), START.minus(Duration.ofDays(12)));
    private final TimelineRules rules = new TimelineRules(new Limits(5000, 0.9));
    private final ActiveStudySet set = new ActiveStudySet(1, 26, Set.of(10L, 11L));

    private static PlannedRun run(long id, long studyId, String start, long seconds) {
        Instant from = Instant.parse(start);
        return new PlannedRun(id, studyId, "STUDY" + studyId, studyId == 11, from, from.plusSeconds(seconds), 1_000_000, 400,
                false, false, null, null, START.minus(Duration.ofDays(20)));
    }

    private List<Finding> of(TimelineCheck check, long entry, String rule) {
        return check.findingsFor(entry).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private TimelineCheck check(List<PlannedRun> runs) {
        return rules.check(stp, runs, List.of(), List.of(), set, null);
    }

    @Test
    void t1OverlappingRunsAreBothErrors() {
        TimelineCheck check = check(List.of(run(1, 10, "2025-03-10T10:00:00Z", 3600), run(2, 10, "2025-03-10T10:30:00Z", 3600)));
        assertThat(of(check, 1, "T1")).singleElement().satisfies(f -> assertThat(f.message()).contains("entry 2").contains("1800 s"));
        assertThat(of(check, 2, "T1")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void t1RunsEndToStartDoNotOverlap() {
        TimelineCheck check = check(List.of(run(1, 10, "2025-03-10T10:00:00Z", 3600), run(2, 10, "2025-03-10T11:00:00Z", 3600)));
        assertThat(of(check, 1, "T1")).isEmpty();
        assertThat(of(check, 2, "T1")).isEmpty();
    }

    @Test
    void t1ALongRunOverlapsEveryRunInsideIt() {
        TimelineCheck check = check(List.of(run(1, 10, "2025-03-10T10:00:00Z", 36000), run(2, 10, "2025-03-10T11:00:00Z", 60),
                run(3, 10, "2025-03-10T12:00:00Z", 60)));
        assertThat(of(check, 3, "T1")).hasSize(1);
        assertThat(of(check, 1, "T1")).hasSize(2);
    }

    @Test
    void t2RunOutsideTheStpIsAnErrorAndSpanningFlaggedIsAWarning() {
        PlannedRun before = run(1, 10, "2025-03-09T23:00:00Z", 60);
        PlannedRun overEnd = run(2, 10, "2025-03-16T23:30:00Z", 3600);
        PlannedRun flagged = new PlannedRun(3, 10, "S", false, Instant.parse("2025-03-16T23:50:00Z"),
                Instant.parse("2025-03-17T00:30:00Z"), 0, 0, true, false, null, null, null);
        TimelineCheck check = check(List.of(before, overEnd, flagged));
        assertThat(of(check, 1, "T2")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(of(check, 2, "T2")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(of(check, 3, "T2")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(of(check(List.of(run(4, 10, "2025-03-12T00:00:00Z", 60))), 4, "T2")).isEmpty();
    }

    @Test
    void t3RollAndForbiddenWindowsAreErrors() {
        List<Constraint> windows = List.of(
                new Constraint(1, "ROLL", ConstraintEffect.FORBID_INTEGRATION, Instant.parse("2025-03-11T00:00:00Z"), Instant.parse("2025-03-11T02:00:00Z")),
                new Constraint(2, "THRUSTER_FIRING", ConstraintEffect.SAFE_INSTRUMENT, Instant.parse("2025-03-12T00:00:00Z"), Instant.parse("2025-03-12T01:00:00Z")),
                new Constraint(3, "EMC_QUIET_MANDATORY", ConstraintEffect.WARN, Instant.parse("2025-03-13T00:00:00Z"), Instant.parse("2025-03-13T01:00:00Z")));
        TimelineCheck check = rules.check(stp, List.of(run(1, 10, "2025-03-11T01:00:00Z", 60), run(2, 10, "2025-03-11T23:30:00Z", 3600),
                run(3, 10, "2025-03-13T00:10:00Z", 60), run(4, 10, "2025-03-11T02:00:00Z", 60)), windows, List.of(), set, null);
        assertThat(of(check, 1, "T3")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(of(check, 2, "T3")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(of(check, 3, "T3")).extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(of(check, 4, "T3")).isEmpty();
    }

    @Test
    void t4HighRateOutsideRemoteSensingWindowsWarnsUnlessApproved() {
        Constraint rsw = new Constraint(1, "RSW", ConstraintEffect.INFO, Instant.parse("2025-03-12T00:00:00Z"), Instant.parse("2025-03-14T00:00:00Z"));
        Instant at = Instant.parse("2025-03-10T10:00:00Z");
        Instant inRsw = Instant.parse("2025-03-12T10:00:00Z");
        PlannedRun highOutside = new PlannedRun(1, 10, "S", false, at, at.plusSeconds(60), 0, 17_790, false, false, null, null, null);
        PlannedRun highApproved = new PlannedRun(2, 10, "S", false, at.plusSeconds(100), at.plusSeconds(160), 0, 17_790, false, true, null, null, null);
        PlannedRun highInside = new PlannedRun(3, 10, "S", false, inRsw, inRsw.plusSeconds(60), 0, 17_790, false, false, null, null, null);
        PlannedRun low = new PlannedRun(4, 10, "S", false, at.plusSeconds(200), at.plusSeconds(260), 0, 420, false, false, null, null, null);
        TimelineCheck check = rules.check(stp, List.of(highOutside, highApproved, highInside, low), List.of(rsw), List.of(), set, null);
        assertThat(of(check, 1, "T4")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(of(check, 2, "T4")).isEmpty();
        assertThat(of(check, 3, "T4")).isEmpty();
        assertThat(of(check, 4, "T4")).isEmpty();
    }

    @Test
    void t5BudgetOver100PercentIsAnErrorOver90AWarning() {
        List<PlannedRun> runs = List.of(run(1, 10, "2025-03-10T10:00:00Z", 60), run(2, 11, "2025-03-10T11:00:00Z", 60));
        TimelineCheck over = rules.check(stp, runs, List.of(), List.of(), set, 1_900_000L);
        assertThat(over.periodFindings()).filteredOn(f -> f.rule().equals("T5")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(over.budget().remainingBits()).isEqualTo(-100_000);
        TimelineCheck near = rules.check(stp, runs, List.of(), List.of(), set, 2_100_000L);
        assertThat(near.periodFindings()).filteredOn(f -> f.rule().equals("T5")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(near.budget().usedFraction()).isCloseTo(0.952, org.assertj.core.api.Assertions.within(0.001));
        TimelineCheck comfortable = rules.check(stp, runs, List.of(), List.of(), set, 4_000_000L);
        assertThat(comfortable.periodFindings()).filteredOn(f -> f.rule().equals("T5")).extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void t6SoopTaggedRunOutsideItsInstanceOrWithAnotherPointingWarns() {
        SoopWindow soop = new SoopWindow(5, "R_SMALL_HRES_HCAD_Flare", "OFFPOINT", Instant.parse("2025-03-11T00:00:00Z"), Instant.parse("2025-03-12T00:00:00Z"));
        Instant inside = Instant.parse("2025-03-11T10:00:00Z");
        PlannedRun outside = new PlannedRun(1, 10, "S", false, Instant.parse("2025-03-10T10:00:00Z"), Instant.parse("2025-03-10T11:00:00Z"), 0, 0, false, false, 5L, null, null);
        PlannedRun wrongPointing = new PlannedRun(2, 10, "S", false, inside, inside.plusSeconds(60), 0, 0, false, false, 5L, "DISK_CENTRE", null);
        PlannedRun good = new PlannedRun(3, 10, "S", false, inside.plusSeconds(100), inside.plusSeconds(160), 0, 0, false, false, 5L, "OFFPOINT", null);
        TimelineCheck check = rules.check(stp, List.of(outside, wrongPointing, good), List.of(), List.of(soop), set, null);
        assertThat(of(check, 1, "T6")).extracting(Finding::field).containsExactly("soopInstanceId");
        assertThat(of(check, 2, "T6")).extracting(Finding::field).containsExactly("pointingKind");
        assertThat(of(check, 3, "T6")).isEmpty();
    }

    @Test
    void t8RunChangedAfterTheIorDeadlineIsAnError() {
        Instant at = Instant.parse("2025-03-10T10:00:00Z");
        PlannedRun late = new PlannedRun(1, 10, "S", false, at, at.plusSeconds(60), 0, 0, false, false, null, null, stp.iorDeadline().plusSeconds(1));
        PlannedRun onTime = new PlannedRun(2, 10, "S", false, at.plusSeconds(100), at.plusSeconds(160), 0, 0, false, false, null, null, stp.iorDeadline());
        TimelineCheck check = check(List.of(late, onTime));
        assertThat(of(check, 1, "T8")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(of(check, 2, "T8")).isEmpty();
    }

    @Test
    void t10ScienceWithoutCalibrationWarns() {
        TimelineCheck scienceOnly = check(List.of(run(1, 10, "2025-03-10T10:00:00Z", 60)));
        assertThat(scienceOnly.periodFindings()).extracting(Finding::rule).contains("T10");
        TimelineCheck withDark = check(List.of(run(1, 10, "2025-03-10T10:00:00Z", 60), run(2, 11, "2025-03-10T11:00:00Z", 60)));
        assertThat(withDark.periodFindings()).extracting(Finding::rule).doesNotContain("T10");
    }

    @Test
    void t11SuperiorConjunctionWarnsThatDataStayOnBoard() {
        Constraint conjunction = new Constraint(1, "SUPERIOR_CONJUNCTION", ConstraintEffect.WARN, START, START.plus(Duration.ofDays(3)));
        TimelineCheck check = rules.check(stp, List.of(run(1, 10, "2025-03-10T10:00:00Z", 60), run(2, 10, "2025-03-14T10:00:00Z", 60)),
                List.of(conjunction), List.of(), set, null);
        assertThat(of(check, 1, "T11")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(of(check, 2, "T11")).isEmpty();
    }

    @Test
    void b3StudyOutsideTheActiveSetIsAnError() {
        TimelineCheck check = check(List.of(run(1, 10, "2025-03-10T10:00:00Z", 60), run(2, 99, "2025-03-10T11:00:00Z", 60)));
        assertThat(of(check, 1, "B3")).isEmpty();
        assertThat(of(check, 2, "B3")).singleElement().satisfies(f -> assertThat(f.message()).contains("study set version 26"));
        TimelineCheck noSet = rules.check(stp, List.of(run(1, 10, "2025-03-10T10:00:00Z", 60)), List.of(), List.of(), null, null);
        assertThat(noSet.periodFindings()).filteredOn(f -> f.rule().equals("B3")).hasSize(1);
        assertThat(noSet.hasErrors()).isTrue();
    }
}
