package org.medoc.ops.golf.mode;

import java.time.Instant;

/** A stretch of time GOLF spent in one mode; {@code end} null for the current mode. */
public record ModePeriod(long id, String mode, Integer cycleSeconds, Instant start, Instant end, String source, String note) {

    public boolean contains(Instant time) {
        return !time.isBefore(start) && (end == null || time.isBefore(end));
    }
}
