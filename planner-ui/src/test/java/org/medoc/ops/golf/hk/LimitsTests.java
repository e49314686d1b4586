package org.medoc.ops.golf.hk;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.alarm.AlarmSeverity;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LimitsTests {

    private static final Limits CELL = new Limits(20.0, 30.0, 15.0, 35.0, 10.0, 40.0);

    @Test
    void eachBandGivesItsSeverityAndABoundItselfIsInside() {
        assertThat(CELL.judge(25)).isEqualTo(AlarmSeverity.NORMAL);
        assertThat(CELL.judge(30)).isEqualTo(AlarmSeverity.NORMAL);
        assertThat(CELL.judge(31)).isEqualTo(AlarmSeverity.WATCH);
        assertThat(CELL.judge(14)).isEqualTo(AlarmSeverity.WARNING);
        assertThat(CELL.judge(40.5)).isEqualTo(AlarmSeverity.CRITICAL);
        assertThat(Limits.NONE.judge(1e9)).isEqualTo(AlarmSeverity.NORMAL);
    }

    @Test
    void limitsThatDoNotNestAreReported() {
        Limits inverted = new Limits(20.0, 30.0, 25.0, 35.0, null, null);

        assertThat(inverted.problems()).containsExactly("the warning low limit 25.0 must not be above the watch low limit 20.0");
        assertThat(CELL.problems()).isEmpty();
    }

    @Test
    void theLimitsInForceAreThoseOfTheLatestVersionStartedAtOrBeforeTheTime() {
        Instant change = Instant.parse("2026-03-01T00:00:00Z");
        LimitTimeline timeline = new LimitTimeline(List.of(
                new LimitVersion(2, change, new Limits(null, null, null, 50.0, null, null), "op", change, "new heater"),
                new LimitVersion(1, Instant.parse("2026-01-01T00:00:00Z"), new Limits(null, null, null, 35.0, null, null), "op", change, "initial")));

        assertThat(timeline.judge(change.minusSeconds(1), 40)).isEqualTo(AlarmSeverity.WARNING);
        assertThat(timeline.judge(change, 40)).isEqualTo(AlarmSeverity.NORMAL);
        assertThat(timeline.at(Instant.parse("2025-12-31T00:00:00Z"))).isEqualTo(Limits.NONE);
    }
}
