package org.medoc.ops.golf.alarm;

import java.time.Instant;

/**
 * Consecutive new samples of one parameter with the same severity, from {@code start} to {@code end}, with the value
 * that tripped the alarm when the severity is not NORMAL.
 */
public record SeverityRun(long parameterId, AlarmSeverity severity, Instant start, Instant end, long samples, double triggerValue) {
}
