package org.medoc.ops.golf.mode;

import java.time.Instant;

/** A mode change planned ahead, applied to the mode history when it has been carried out. */
public record ModeChange(long id, Instant planned, String mode, String reason, String requestedBy, Status status,
                         String decidedBy) {

    public enum Status { PLANNED, APPLIED, CANCELLED }
}
