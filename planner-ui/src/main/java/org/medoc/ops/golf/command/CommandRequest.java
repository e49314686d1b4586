package org.medoc.ops.golf.command;

import java.time.Instant;
import java.util.List;

/**
 * A request to command GOLF at a planned time, with its reason, its approval by someone other than the requester, its
 * sent and verified stamps, and the SoHO windows it falls in ({@code windowWarnings}, rule G2: an override reason is
 * then required). A request not yet sent may be cancelled, with who, when and why.
 */
public record CommandRequest(long id, String requestedBy, Instant requestedAt, Instant plannedExecution, String commands,
                             String reason, String overrideReason, CommandStatus status, String approvedBy, Instant approvedAt,
                             String sentBy, Instant sentAt, String verifiedBy, Instant verifiedAt, String result,
                             String cancelledBy, Instant cancelledAt, String cancelReason,
                             int lockVersion, List<String> windowWarnings) {
}
