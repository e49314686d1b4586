package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.function.Supplier;

/**
 * Starts a db-scheduler {@link Scheduler} with the application and stops it on shutdown, or does nothing on a node that
 * must not execute these tasks. Shared by every module that executes scheduled work (the product chains here, the
 * DataCite registrar in the release manager), so that each only says how its scheduler is built.
 * <p>
 * A stopped db-scheduler cannot start again (its executors are shut down), so each start builds a new one from the
 * supplier: a Spring context may be stopped and started again (the test framework pauses cached contexts that way).
 */
public final class SchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);
    private final Supplier<Scheduler> schedulers;
    private final String startedMessage;
    private Scheduler scheduler;
    private volatile boolean running;

    private SchedulerLifecycle(Supplier<Scheduler> schedulers, String startedMessage) {
        this.schedulers = schedulers;
        this.startedMessage = startedMessage;
    }

    /** A lifecycle that builds and starts a scheduler from {@code schedulers} at each start, logging the message. */
    public static SchedulerLifecycle of(Supplier<Scheduler> schedulers, String startedMessage) {
        return new SchedulerLifecycle(java.util.Objects.requireNonNull(schedulers), startedMessage);
    }

    /** The lifecycle of a node that does not execute these tasks: start and stop only flip the running flag. */
    public static SchedulerLifecycle none() {
        return new SchedulerLifecycle(null, null);
    }

    /** Whether this node builds and runs a scheduler at all. */
    public boolean executesTasks() {
        return schedulers != null;
    }

    @Override
    public synchronized void start() {
        if (schedulers != null && scheduler == null) {
            scheduler = schedulers.get();
            scheduler.start();
            log.info(startedMessage);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
