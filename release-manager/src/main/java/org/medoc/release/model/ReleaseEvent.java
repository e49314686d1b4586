package org.medoc.release.model;

import java.time.Instant;

/** One line of a release's history: who did what, when, and why. */
public record ReleaseEvent(long id, Instant at, String actor, String action, ReleaseState fromState, ReleaseState toState,
                           String reason) {}
