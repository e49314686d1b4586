package org.medoc.products.chain;

/** The result of one run: which run row recorded it, its status, the product (made or already there) and any error. */
public record RunOutcome(long runId, ProductInstance instance, RunStatus status, Long productId, long durationMs, String error) {
}
