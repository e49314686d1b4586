package org.medoc.products.chain;

import java.time.Duration;

/**
 * How long a RUNNING product run stays its node's without news ({@code medoc.products.lease}) and how often a working
 * node renews it ({@code medoc.products.heartbeat}). A run whose lease expired belongs to a node that died or a command
 * that was killed: {@link RunRecovery} closes it and schedules its product again. The same figures drive db-scheduler's
 * own dead-execution detection, so that a task picked by a dead node is revived about when its run is recovered.
 *
 * @param lease     time without a heartbeat after which a run is abandoned
 * @param heartbeat interval between two renewals; at most a third of the lease, so that two missed beats are tolerated
 */
public record RunLease(Duration lease, Duration heartbeat) {

    public static final RunLease DEFAULT = new RunLease(Duration.ofMinutes(2), Duration.ofSeconds(20));

    public RunLease {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("medoc.products.heartbeat must be positive, was " + heartbeat);
        }
        if (lease.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("medoc.products.lease (" + lease + ") must be at least three heartbeats ("
                    + heartbeat + " each)");
        }
    }

    /** Beats a db-scheduler execution may miss before another node revives it: the lease in heartbeats, rounded up. */
    int missedHeartbeatsLimit() {
        long beats = (lease.toMillis() + heartbeat.toMillis() - 1) / heartbeat.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, beats);
    }
}
