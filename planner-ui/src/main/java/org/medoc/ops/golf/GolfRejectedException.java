package org.medoc.ops.golf;

import java.util.List;

/**
 * A request that breaks a GOLF operations rule (PLANNING.md §10.5: G1-G4) or a workflow step: answered as HTTP 422
 * with the findings, or 409 when the item is in a state where the step is not allowed.
 */
public class GolfRejectedException extends RuntimeException {

    private final transient List<String> findings;
    private final boolean stateConflict;

    public GolfRejectedException(String message) {
        this(message, List.of(), false);
    }

    public GolfRejectedException(String message, List<String> findings) {
        this(message, findings, false);
    }

    private GolfRejectedException(String message, List<String> findings, boolean stateConflict) {
        super(message);
        this.findings = List.copyOf(findings);
        this.stateConflict = stateConflict;
    }

    /** The step is not allowed in the item's state (acknowledging twice, closing an anomaly already closed...). */
    public static GolfRejectedException wrongState(String message) {
        return new GolfRejectedException(message, List.of(), true);
    }

    public List<String> findings() {
        return findings;
    }

    public boolean stateConflict() {
        return stateConflict;
    }
}
