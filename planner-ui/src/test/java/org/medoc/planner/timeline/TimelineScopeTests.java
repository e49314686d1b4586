package org.medoc.planner.timeline;

import org.junit.jupiter.api.Test;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.StpCalendar;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which STP the timeline opens on and which stretch of it is drawn. */
class TimelineScopeTests {

    private static Period stp(int number) {
        return new Period(number, PeriodKind.STP, number, StpCalendar.stpStart(number), StpCalendar.stpEnd(number), null, null, null,
                null, null, null, "PLANNED", null, 0);
    }

    @Test
    void theTimelineOpensOnTheStpRunningNow() {
        Instant now = StpCalendar.stpStart(400).plusSeconds(3600);
        assertThat(TimelineScope.defaultStp(List.of(stp(398), stp(400), stp(401)), now)).hasValueSatisfying(p -> assertThat(p.number()).isEqualTo(400));
    }

    @Test
    void withoutTheCurrentStpTheNextPlannedOneOpensAndWhenAllArePastTheLast() {
        Instant now = StpCalendar.stpStart(400);
        assertThat(TimelineScope.defaultStp(List.of(stp(390), stp(405)), now)).hasValueSatisfying(p -> assertThat(p.number()).isEqualTo(405));
        assertThat(TimelineScope.defaultStp(List.of(stp(390), stp(395)), now)).hasValueSatisfying(p -> assertThat(p.number()).isEqualTo(395));
        assertThat(TimelineScope.defaultStp(List.of(), now)).isEmpty();
    }

    @Test
    void aReviewOpensOnTheLatestStpThatHasStartedNotOnTheNextOne() {
        Instant now = StpCalendar.stpStart(400).plusSeconds(3600);
        assertThat(TimelineScope.latestStartedStp(List.of(stp(398), stp(400), stp(401)), now))
                .hasValueSatisfying(p -> assertThat(p.number()).isEqualTo(400));
        assertThat(TimelineScope.latestStartedStp(List.of(stp(390), stp(405)), now)).hasValueSatisfying(p -> assertThat(p.number()).isEqualTo(390));
    }

    @Test
    void whenNoStpHasStartedTheReviewOpensOnTheFirst() {
        Instant now = StpCalendar.stpStart(400);
        assertThat(TimelineScope.latestStartedStp(List.of(stp(405), stp(406)), now)).hasValueSatisfying(p -> assertThat(p.number()).isEqualTo(405));
        assertThat(TimelineScope.latestStartedStp(List.of(), now)).isEmpty();
    }

    @Test
    void dayThreeIsTheThirdTwentyFourHoursOfTheStp() {
        Period stp = stp(400);
        TimelineScope.Window day = TimelineScope.day(stp, 3);
        assertThat(day.from()).isEqualTo(stp.start().plusSeconds(2 * 86_400));
        assertThat(day.to()).isEqualTo(stp.start().plusSeconds(3 * 86_400));
        assertThat(TimelineScope.week(stp)).isEqualTo(new TimelineScope.Window(stp.start(), stp.end()));
        assertThatThrownBy(() -> TimelineScope.day(stp, 8)).hasMessage("an STP has days 1 to 7, not 8");
    }
}
