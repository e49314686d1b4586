package org.medoc.ops.golf.anomaly;

import java.time.Duration;
import java.time.Instant;

/** A stretch without any housekeeping sample, longer than the threshold, and what explains it (rule G3). */
public record DataGap(long id, Instant start, Instant end, Long logEntryId, Long anomalyId) {

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean explained() {
        return logEntryId != null || anomalyId != null;
    }
}
