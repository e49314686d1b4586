package org.medoc.ops.golf.alarm;

/** Counts of the alarms that are not closed, for the operators' header; {@code worst} among the unacknowledged. */
public record AlarmSummary(int unacknowledged, int acknowledged, int shelved, AlarmSeverity worstUnacknowledged) {
}
