package org.medoc.products.chain;

import java.time.Instant;

/** One row of the Runs view and of {@code GET /api/v1/product-runs}. */
public record RunSummary(long id, String type, String version, Instant referenceTime, String instanceId, int attempt,
                         RunTrigger trigger, String node, RunStatus status, Instant startedAt, Instant finishedAt,
                         Long durationMs, String error, Long productId) {
}
