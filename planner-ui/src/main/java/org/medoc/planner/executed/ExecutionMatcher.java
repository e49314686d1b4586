package org.medoc.planner.executed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plan versus executed (PLANNING.md §12, reconciliation 🔶): matches archived SPICE observations to timeline entries.
 * Files sharing a {@code SPIOBSID} are one execution. An execution matches an entry when it starts within the
 * tolerance of the entry's window [start − tolerance, end + tolerance] and, by decreasing strength, its
 * {@code MISOSTUD} equals the study's ground ID, its {@code STUDY} equals the study name, its {@code STUDY_ID} equals
 * the study's on-board slot, or (commissioning files, whose planning keywords are "MISSING") nothing contradicts it:
 * time only. Each execution and each entry is used once, strongest and closest pairs first. Entries whose end has passed
 * without a match are MISSING; later ones PENDING; executions without an entry are UNPLANNED.
 */
public final class ExecutionMatcher {

    private ExecutionMatcher() {
    }

    /** How an execution was tied to an entry, strongest first. */
    public enum MatchBasis {
        MISOSTUD, STUDY_NAME, STUDY_SLOT, TIME_ONLY
    }

    public enum Outcome {
        EXECUTED, MISSING, PENDING
    }

    public record Planned(long entryId, Integer misoId, String studyName, Integer onboardSlot, Instant start, Instant end) {
    }

    /** One archived file's planning keywords (nulls where the header had none or a sentinel). */
    public record ExecutedFile(long observationId, Long spiobsid, Long misostud, String study, Long studySlot, Instant start,
                               Instant end) {
    }

    /** An execution: the files of one SPIOBSID. */
    public record Execution(Long spiobsid, List<Long> observationIds, Long misostud, String study, Long studySlot, Instant start,
                            Instant end) {
    }

    public record EntryResult(Planned entry, Outcome outcome, Execution execution, MatchBasis basis, Long startOffsetSeconds) {
    }

    public record Report(List<EntryResult> entries, List<Execution> unplanned, int planned, int executed, int missing, int pending) {

        /** Executed share of the entries that should have run by now; null when none should have. */
        public Double completeness() {
            int due = executed + missing;
            return due == 0 ? null : (double) executed / due;
        }
    }

    public static List<Execution> executions(List<ExecutedFile> files) {
        Map<Object, List<ExecutedFile>> groups = new LinkedHashMap<>();
        for (ExecutedFile file : files.stream().sorted(Comparator.comparing(ExecutedFile::start)).toList()) {
            Object key = file.spiobsid() != null ? file.spiobsid() : "file-" + file.observationId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
        }
        List<Execution> executions = new ArrayList<>();
        for (List<ExecutedFile> group : groups.values()) {
            ExecutedFile first = group.getFirst();
            Instant end = group.stream().map(ExecutedFile::end).max(Comparator.naturalOrder()).orElse(first.end());
            executions.add(new Execution(first.spiobsid(), group.stream().map(ExecutedFile::observationId).toList(),
                    group.stream().map(ExecutedFile::misostud).filter(Objects::nonNull).findFirst().orElse(null),
                    group.stream().map(ExecutedFile::study).filter(Objects::nonNull).findFirst().orElse(null),
                    group.stream().map(ExecutedFile::studySlot).filter(Objects::nonNull).findFirst().orElse(null), first.start(), end));
        }
        return executions;
    }

    public static Report match(List<Planned> entries, List<ExecutedFile> files, Duration tolerance, Instant now) {
        List<Execution> executions = executions(files);
        record Candidate(Planned entry, Execution execution, MatchBasis basis, long distance) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Planned entry : entries) {
            for (Execution execution : executions) {
                if (execution.start().isBefore(entry.start().minus(tolerance)) || execution.start().isAfter(entry.end().plus(tolerance))) {
                    continue;
                }
                MatchBasis basis = basis(entry, execution);
                if (basis != null) {
                    candidates.add(new Candidate(entry, execution, basis,
                            Math.abs(Duration.between(entry.start(), execution.start()).getSeconds())));
                }
            }
        }
        candidates.sort(Comparator.comparing(Candidate::basis).thenComparingLong(Candidate::distance));
        Map<Long, Candidate> byEntry = new LinkedHashMap<>();
        Set<Execution> used = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (!byEntry.containsKey(candidate.entry().entryId()) && !used.contains(candidate.execution())) {
                byEntry.put(candidate.entry().entryId(), candidate);
                used.add(candidate.execution());
            }
        }
        List<EntryResult> results = new ArrayList<>();
        int executed = 0;
        int missing = 0;
        int pending = 0;
        for (Planned entry : entries.stream().sorted(Comparator.comparing(Planned::start)).toList()) {
            Candidate match = byEntry.get(entry.entryId());
            if (match != null) {
                executed++;
                results.add(new EntryResult(entry, Outcome.EXECUTED, match.execution(), match.basis(),
                        Duration.between(entry.start(), match.execution().start()).getSeconds()));
            } else if (entry.end().plus(tolerance).isBefore(now)) {
                missing++;
                results.add(new EntryResult(entry, Outcome.MISSING, null, null, null));
            } else {
                pending++;
                results.add(new EntryResult(entry, Outcome.PENDING, null, null, null));
            }
        }
        List<Execution> unplanned = executions.stream().filter(e -> !used.contains(e)).toList();
        return new Report(results, unplanned, entries.size(), executed, missing, pending);
    }

    /** The strongest identity evidence, or null when the execution contradicts the entry. */
    static MatchBasis basis(Planned entry, Execution execution) {
        if (execution.misostud() != null && entry.misoId() != null) {
            return execution.misostud().longValue() == entry.misoId() ? MatchBasis.MISOSTUD : null;
        }
        if (execution.study() != null) {
            return execution.study().equalsIgnoreCase(entry.studyName()) ? MatchBasis.STUDY_NAME : null;
        }
        if (execution.studySlot() != null && entry.onboardSlot() != null) {
            return execution.studySlot().longValue() == entry.onboardSlot() ? MatchBasis.STUDY_SLOT : null;
        }
        return MatchBasis.TIME_ONLY;
    }
}
