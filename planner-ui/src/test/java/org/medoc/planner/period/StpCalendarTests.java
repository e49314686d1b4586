package org.medoc.planner.period;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The STP/LTP numbering rule against every published anchor (PLANNING.md §5.2). */
class StpCalendarTests {

    @Test
    void stp122IsTheAnchorWeek() {
        assertThat(StpCalendar.stpStart(122)).isEqualTo(Instant.parse("2020-11-16T00:00:00Z"));
        assertThat(StpCalendar.stpEnd(122)).isEqualTo(Instant.parse("2020-11-23T00:00:00Z"));
    }

    @Test
    void everyStpStartsOnAMonday() {
        for (int stp = 100; stp < 400; stp += 37) {
            assertThat(StpCalendar.stpStart(stp).atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        }
    }

    @Test
    void ltp05MatchesTheSocWiki() {
        assertThat(StpCalendar.ltpFirstStp(5)).isEqualTo(167);
        assertThat(StpCalendar.ltpStart(5)).isEqualTo(Instant.parse("2021-09-27T00:00:00Z"));
        assertThat(StpCalendar.ltpEnd(5)).isEqualTo(Instant.parse("2021-12-27T00:00:00Z"));
    }

    @Test
    void stp180StartsLtp06AndTheNominalMission() {
        assertThat(StpCalendar.ltpFirstStp(6)).isEqualTo(180);
        assertThat(StpCalendar.stpStart(180)).isEqualTo(Instant.parse("2021-12-27T00:00:00Z"));
    }

    @Test
    void ltp12MatchesTheSocWiki() {
        assertThat(StpCalendar.ltpFirstStp(12)).isEqualTo(258);
        assertThat(StpCalendar.ltpLastStp(12)).isEqualTo(270);
        assertThat(StpCalendar.ltpStart(12)).isEqualTo(Instant.parse("2023-06-26T00:00:00Z"));
        assertThat(StpCalendar.ltpEnd(12)).isEqualTo(Instant.parse("2023-09-25T00:00:00Z"));
    }

    @Test
    void theRealHeaderPairLtp18Stp346IsConsistent() {
        assertThat(StpCalendar.ltpOf(346)).isEqualTo(18);
        assertThat(StpCalendar.ltpStart(18)).isEqualTo(Instant.parse("2024-12-23T00:00:00Z"));
        assertThat(StpCalendar.ltpEnd(18)).isEqualTo(Instant.parse("2025-03-24T00:00:00Z"));
    }

    @Test
    void mapsInstantsToStpsWithStartInclusiveAndEndExclusive() {
        assertThat(StpCalendar.stpAt(Instant.parse("2020-11-16T00:00:00Z"))).isEqualTo(122);
        assertThat(StpCalendar.stpAt(Instant.parse("2020-11-22T23:59:59Z"))).isEqualTo(122);
        assertThat(StpCalendar.stpAt(Instant.parse("2020-11-23T00:00:00Z"))).isEqualTo(123);
        assertThat(StpCalendar.stpAt(Instant.parse("2020-11-15T23:59:59Z"))).isEqualTo(121);
    }

    @Test
    void ltpRuleRefusesThe6MonthEra() {
        assertThatThrownBy(() -> StpCalendar.ltpOf(150)).hasMessageContaining("before LTP05");
    }

    @Test
    void defaultIorDeadlineIsAWednesdayNoonBeforeTheStp() {
        Instant deadline = StpCalendar.defaultIorDeadline(346);
        assertThat(deadline.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(deadline.atZone(ZoneOffset.UTC).getHour()).isEqualTo(12);
        assertThat(deadline).isBefore(StpCalendar.stpStart(346));
    }
}
