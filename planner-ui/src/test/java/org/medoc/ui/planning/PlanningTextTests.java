package org.medoc.ui.planning;

import org.junit.jupiter.api.Test;
import org.medoc.planner.executed.ExecutionMatcher;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wording of the planning screens: BOP offsets, UTC pickers, completeness. */
class PlanningTextTests {

    @Test
    void offsetsAreWrittenAsSignedHoursMinutesSeconds() {
        assertThat(PlanningText.offset(0)).isEqualTo("+00:00:00");
        assertThat(PlanningText.offset(120)).isEqualTo("+00:02:00");
        assertThat(PlanningText.offset(3723.5)).isEqualTo("+01:02:03.5");
        assertThat(PlanningText.offset(-90)).isEqualTo("-00:01:30");
        assertThat(PlanningText.offset(90_000)).isEqualTo("+25:00:00");
    }

    @Test
    void pickerValuesAreUtc() {
        Instant instant = Instant.parse("2026-12-15T06:30:00Z");
        assertThat(PlanningText.toPicker(instant)).isEqualTo(LocalDateTime.parse("2026-12-15T06:30:00"));
        assertThat(PlanningText.fromPicker(LocalDateTime.parse("2026-12-15T06:30:00"))).isEqualTo(instant);
        assertThat(PlanningText.fromPicker(null)).isNull();
    }

    @Test
    void timesAreShownInUtcToTheSecond() {
        assertThat(PlanningText.utc(Instant.parse("2026-11-24T23:09:53.355792Z"))).isEqualTo("2026-11-24 23:09:53Z");
        assertThat(PlanningText.utc(null)).isEmpty();
    }

    @Test
    void completenessCountsOnlyTheEntriesDue() {
        var report = new ExecutionMatcher.Report(List.of(), List.of(), 5, 3, 1, 1);
        assertThat(PlanningText.completeness(report))
                .isEqualTo("Completeness: 75.0 % (3 executed, 1 missing, 1 pending of 5 planned; 0 unplanned execution(s))");
        var nothingDue = new ExecutionMatcher.Report(List.of(), List.of(), 2, 0, 0, 2);
        assertThat(PlanningText.completeness(nothingDue)).startsWith("Completeness: nothing due yet");
    }

    @Test
    void volumesAreInMegabits() {
        assertThat(PlanningText.megabits(12_345_678L)).isEqualTo("12.3 Mbit");
        assertThat(PlanningText.megabits(null)).isEmpty();
        assertThat(PlanningText.number(1024.0)).isEqualTo("1024");
        assertThat(PlanningText.number(0.001)).isEqualTo("0.001");
    }
}
