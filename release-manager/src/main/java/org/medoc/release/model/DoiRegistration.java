package org.medoc.release.model;

import java.time.Instant;

/**
 * Where the registration of one DOI at DataCite stands, as the release's API and view show it.
 *
 * @param status       PENDING (queued or being retried), DONE (DataCite holds our state), FAILED (DataCite refused it,
 *                     or stayed unreachable through every retry), CONFLICT (DataCite holds a state ours cannot lead back
 *                     to, e.g. findable while the release is still a draft: an operator decides)
 * @param attempts     calls made for the current request
 * @param nextAttemptAt when a pending job is tried next
 * @param lastError    why the last call failed, or what the reconciler found
 * @param remoteState  DataCite's state after the last successful call or check
 */
public record DoiRegistration(String doi, Status status, int attempts, Instant nextAttemptAt, String lastError,
                              String remoteState, Instant requestedAt, Instant doneAt, Instant reconciledAt) {

    public enum Status { PENDING, DONE, FAILED, CONFLICT }
}
