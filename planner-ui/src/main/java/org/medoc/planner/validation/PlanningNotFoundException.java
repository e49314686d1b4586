package org.medoc.planner.validation;

/** A planning item that does not exist; answered as HTTP 404. */
public class PlanningNotFoundException extends RuntimeException {

    public PlanningNotFoundException(String what, Object id) {
        super("no " + what + " " + id);
    }
}
