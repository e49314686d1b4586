package org.medoc.planner.executed;

import org.junit.jupiter.api.Test;
import org.medoc.planner.executed.ExecutionMatcher.ExecutedFile;
import org.medoc.planner.executed.ExecutionMatcher.MatchBasis;
import org.medoc.planner.executed.ExecutionMatcher.Outcome;
import org.medoc.planner.executed.ExecutionMatcher.Planned;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching archived executions to planned entries. */
class ExecutionMatcherTests {

    private static final Instant T = Instant.parse("2025-03-10T06:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static Planned entry(long id, Integer miso, String name, Integer slot, Instant start) {
        return new Planned(id, miso, name, slot, start, start.plusSeconds(3600));
    }

    private static ExecutedFile file(long id, Long spiobsid, Long miso, String study, Long slot, Instant start) {
        return new ExecutedFile(id, spiobsid, miso, study, slot, start, start.plusSeconds(1800));
    }

    @Test
    void filesOfOneSpiobsidAreOneExecution() {
        List<ExecutionMatcher.Execution> executions = ExecutionMatcher.executions(List.of(
                file(1, 77L, 3001L, "A", 3L, T), file(2, 77L, 3001L, "A", 3L, T.plusSeconds(60)), file(3, 78L, 3001L, "A", 3L, T.plusSeconds(7200))));
        assertThat(executions).hasSize(2);
        assertThat(executions.getFirst().observationIds()).containsExactly(1L, 2L);
        assertThat(executions.getFirst().end()).isEqualTo(T.plusSeconds(1860));
    }

    @Test
    void misostudBeatsTimeAndTheClosestExecutionWins() {
        ExecutionMatcher.Report report = ExecutionMatcher.match(List.of(entry(10, 3001, "A", 3, T)),
                List.of(file(1, 77L, 3001L, "A", 3L, T.plusSeconds(600)), file(2, 78L, 3001L, "A", 3L, T.plusSeconds(120))), HOUR, T.plus(Duration.ofDays(1)));
        assertThat(report.entries().getFirst().outcome()).isEqualTo(Outcome.EXECUTED);
        assertThat(report.entries().getFirst().basis()).isEqualTo(MatchBasis.MISOSTUD);
        assertThat(report.entries().getFirst().execution().spiobsid()).isEqualTo(78L);
        assertThat(report.entries().getFirst().startOffsetSeconds()).isEqualTo(120);
        assertThat(report.unplanned()).extracting(ExecutionMatcher.Execution::spiobsid).containsExactly(77L);
    }

    @Test
    void aContradictingStudyIsNotAMatch() {
        ExecutionMatcher.Report report = ExecutionMatcher.match(List.of(entry(10, 3001, "A", 3, T)),
                List.of(file(1, 77L, 4000L, "B", 3L, T)), HOUR, T.plus(Duration.ofDays(1)));
        assertThat(report.entries().getFirst().outcome()).isEqualTo(Outcome.MISSING);
        assertThat(report.unplanned()).hasSize(1);
        assertThat(report.completeness()).isEqualTo(0.0);
    }

    @Test
    void commissioningFilesWithoutPlanningKeywordsMatchOnTimeOnly() {
        ExecutionMatcher.Report report = ExecutionMatcher.match(List.of(entry(10, 3001, "A", null, T)),
                List.of(file(1, 12583760L, null, null, 33L, T.plusSeconds(300))), HOUR, T.plus(Duration.ofDays(1)));
        assertThat(report.entries().getFirst().basis()).isEqualTo(MatchBasis.TIME_ONLY);
    }

    @Test
    void executionsOutsideTheToleranceAreUnplannedAndFutureEntriesPending() {
        ExecutionMatcher.Report report = ExecutionMatcher.match(List.of(entry(10, 3001, "A", 3, T), entry(11, 3001, "A", 3, T.plus(Duration.ofDays(3)))),
                List.of(file(1, 77L, 3001L, "A", 3L, T.minus(Duration.ofHours(2)))), HOUR, T.plus(Duration.ofDays(1)));
        assertThat(report.entries()).extracting(ExecutionMatcher.EntryResult::outcome).containsExactly(Outcome.MISSING, Outcome.PENDING);
        assertThat(report.unplanned()).hasSize(1);
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.pending()).isEqualTo(1);
    }
}
