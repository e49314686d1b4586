package org.medoc.planner.timeline;

import org.medoc.planner.period.Period;
import org.medoc.planner.period.StpCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What part of the plan a timeline shows: which STP opens first (the one running now, else the next one planned, else
 * the last one there is) and the stretch of it drawn (the whole week or one of its days).
 */
public final class TimelineScope {

    private TimelineScope() {
    }

    /** A stretch of time drawn, start inclusive, end exclusive. */
    public record Window(Instant from, Instant to) {
    }

    /** The STP running at {@code now} or the first planned after it; the last one when all are past; none without STPs. */
    public static Optional<Period> defaultStp(List<Period> stps, Instant now) {
        int current = StpCalendar.stpAt(now);
        return stps.stream().filter(p -> p.number() >= current).findFirst().or(() -> stps.stream().reduce((first, second) -> second));
    }

    /**
     * The STP whose execution can be looked at first: the latest one that has started by {@code now}, else the first
     * one there is; none without STPs. Unlike {@link #defaultStp} (planning looks ahead), a review looks back.
     */
    public static Optional<Period> latestStartedStp(List<Period> stps, Instant now) {
        int current = StpCalendar.stpAt(now);
        return stps.stream().filter(p -> p.number() <= current).reduce((first, second) -> second).or(() -> stps.stream().findFirst());
    }

    /** The whole STP. */
    public static Window week(Period stp) {
        return new Window(stp.start(), stp.end());
    }

    /** Day {@code day} (1 to 7) of the STP, 24 hours from its start. */
    public static Window day(Period stp, int day) {
        if (day < 1 || day > StpCalendar.STP_LENGTH.toDays()) {
            throw new IllegalArgumentException("an STP has days 1 to " + StpCalendar.STP_LENGTH.toDays() + ", not " + day);
        }
        Instant from = stp.start().plus(Duration.ofDays(day - 1));
        return new Window(from, from.plus(Duration.ofDays(1)));
    }
}
