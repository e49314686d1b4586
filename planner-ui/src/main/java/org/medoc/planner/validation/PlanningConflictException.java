package org.medoc.planner.validation;

/**
 * Another planner saved the item since it was read (optimistic locking on {@code lock_version}): nothing was
 * written; reload and apply the change again. Answered as HTTP 409.
 */
public class PlanningConflictException extends RuntimeException {

    public PlanningConflictException(String what, long id, int expectedLockVersion) {
        super(what + " " + id + " was changed by someone else since you read it (your lock version "
                + expectedLockVersion + " is out of date): reload it and apply your change again");
    }

    public PlanningConflictException(String message) {
        super(message);
    }
}
