package org.medoc.planner.validation;

import java.util.List;

/**
 * A request that breaks a planning rule or a workflow step (editing an approved study, approving one's own ICN,
 * saving a BOP instance with errors...). Carries the findings at fault, if any; answered as HTTP 422 (or 409 for a
 * workflow state conflict) with the findings in the problem body.
 */
public class PlanningRejectedException extends RuntimeException {

    private final transient List<Finding> findings;
    private final boolean stateConflict;

    public PlanningRejectedException(String message) {
        this(message, List.of(), false);
    }

    public PlanningRejectedException(String message, List<Finding> findings) {
        this(message, findings, false);
    }

    private PlanningRejectedException(String message, List<Finding> findings, boolean stateConflict) {
        super(message);
        this.findings = List.copyOf(findings);
        this.stateConflict = stateConflict;
    }

    /** The item is in a state where this step is not allowed (e.g. submitting an approved ICN). */
    public static PlanningRejectedException wrongState(String message) {
        return new PlanningRejectedException(message, List.of(), true);
    }

    public List<Finding> findings() {
        return findings;
    }

    public boolean stateConflict() {
        return stateConflict;
    }
}
