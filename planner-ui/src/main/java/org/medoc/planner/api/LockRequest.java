package org.medoc.planner.api;

/** The body of a workflow step: the lock version read, and an optional comment. */
public record LockRequest(Integer lockVersion, String comment) {
}
