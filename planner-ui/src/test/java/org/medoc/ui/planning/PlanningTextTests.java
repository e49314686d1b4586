package org.medoc.ui.planning;

import org.junit.jupiter.api.Test;
import org.medoc.planner.executed.ExecutionMatcher;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wording of the planning screens: UTC pickers, completeness. */
class PlanningTextTests {

    @Test
    void pickerValuesAreUtc() {
        Instant instant = Instant.parse("2026-12-15T06:30:00Z");
        assertThat(PlanningText.toPicker(instant)).isEqualTo(LocalDateTime.parse("2026-12-15T06:30:00"));
        assertThat(PlanningText.fromPicker(LocalDateTime.parse("2026-12-15T06:30:00"))).isEqualTo(instant);
        assertThat(PlanningText.fromPicker(null)).isNull();
    }

    @Test
    void completenessCountsOnlyTheEntriesDue() {
        var report = new ExecutionMatcher.Report(List.of(), List.of(), 5, 3, 1, 1);
        assertThat(PlanningText.completeness(report))
                .isEqualTo("Completeness: 75.0 % (3 executed, 1 missing, 1 pending of 5 planned; 0 unplanned execution(s))");
        var nothingDue = new ExecutionMatcher.Report(List.of(), List.of(), 2, 0, 0, 2);
        assertThat(PlanningText.completeness(nothingDue)).startsWith("Completeness: nothing due yet");
    }
}
