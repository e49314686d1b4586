package org.medoc.ops.golf.hk;

import java.time.Instant;

/** One version of a parameter's limits: in force from {@code validFrom} until the next version; who set it, when, why. */
public record LimitVersion(long id, Instant validFrom, Limits limits, String changedBy, Instant changedAt, String reason) {
}
