package org.medoc.ops.golf.alarm;

/**
 * How far a housekeeping value lies outside its limits, in increasing order (Yamcs' watch/warning/critical levels;
 * PLANNING.md G1's yellow is WARNING, red is CRITICAL).
 */
public enum AlarmSeverity {
    NORMAL, WATCH, WARNING, CRITICAL;

    public AlarmSeverity max(AlarmSeverity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
