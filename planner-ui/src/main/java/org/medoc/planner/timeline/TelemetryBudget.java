package org.medoc.planner.timeline;

/**
 * Estimated SPICE telemetry of an STP against its allocation (TM corridor, rule T5). {@code allocatedBits} is
 * {@code null} when no allocation is known; then the margin and the fraction are {@code null} too.
 */
public record TelemetryBudget(long usedBits, Long allocatedBits) {

    public Long remainingBits() {
        return allocatedBits == null ? null : allocatedBits - usedBits;
    }

    public Double usedFraction() {
        if (allocatedBits == null) {
            return null;
        }
        return allocatedBits == 0 ? (usedBits == 0 ? 0.0 : Double.POSITIVE_INFINITY) : (double) usedBits / allocatedBits;
    }
}
