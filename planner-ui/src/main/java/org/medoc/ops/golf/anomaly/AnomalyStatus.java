package org.medoc.ops.golf.anomaly;

/** The anomaly workflow: open → analysing → actions planned → closed, one step at a time. */
public enum AnomalyStatus {
    OPEN, ANALYSING, ACTIONS_PLANNED, CLOSED;

    /** The one status that may follow this one, or null for CLOSED. */
    public AnomalyStatus next() {
        return this == CLOSED ? null : values()[ordinal() + 1];
    }
}
