package org.medoc.ops.golf.alarm;

import java.time.Instant;

/**
 * One alarm: a violation episode of a parameter, from the first sample out of limits until the values came back.
 * {@code severity} is the worst reached, {@code currentSeverity} that of the latest sample (NORMAL once back).
 */
public record Alarm(long id, String mnemonic, AlarmSeverity severity, AlarmSeverity currentSeverity, Instant raised,
                    double triggerValue, Instant lastViolation, long violationCount, Instant normalSince,
                    String acknowledgedBy, Instant acknowledgedAt, String acknowledgeComment,
                    String shelvedBy, Instant shelvedUntil, String shelveComment, State state) {

    /** Where the alarm stands for operators at a given moment. */
    public enum State {
        /** Needs an operator's attention. */
        UNACKNOWLEDGED,
        /** Seen by an operator, values still out of limits. */
        ACKNOWLEDGED,
        /** Hidden from the summary until the shelving expires. */
        SHELVED,
        /** Acknowledged and back to normal: history only. */
        CLOSED
    }

    static State state(AlarmSeverity current, Instant acknowledgedAt, Instant shelvedUntil, Instant now) {
        if (acknowledgedAt != null && current == AlarmSeverity.NORMAL) {
            return State.CLOSED;
        }
        if (shelvedUntil != null && shelvedUntil.isAfter(now)) {
            return State.SHELVED;
        }
        return acknowledgedAt == null ? State.UNACKNOWLEDGED : State.ACKNOWLEDGED;
    }
}
