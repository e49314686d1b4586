package org.medoc.release.registrar;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.medoc.products.chain.NodeRole;
import org.medoc.release.doi.Registrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * Runs the registrar's two recurring db-scheduler tasks, cluster-safe (one node at a time) on the release manager's
 * own task table {@code releases.scheduled_tasks}: {@code release-registrar} sends due jobs, {@code release-reconciler}
 * compares DataCite with us. Started only when a DataCite registrar is configured, on nodes that execute tasks
 * ({@code medoc.node.role} all or worker), and unless {@code medoc.release.registrar.scheduled=false}.
 */
@Component
class RegistrarScheduling implements SmartLifecycle {

    static final String SEND_TASK = "release-registrar";
    static final String RECONCILE_TASK = "release-reconciler";
    private static final Logger log = LoggerFactory.getLogger(RegistrarScheduling.class);
    private final Supplier<Scheduler> schedulers;
    private Scheduler scheduler;
    private volatile boolean running;

    RegistrarScheduling(DataSource dataSource, Registrar registrar, NodeRole role, RegistrarJobSettings settings,
                        RegistrarJobs jobs, DoiReconciler reconciler) {
        boolean runs = registrar.registersDois() && role.executesTasks() && settings.scheduled();
        this.schedulers = !runs ? null : () -> {
            RecurringTask<Void> send = Tasks.recurring(SEND_TASK, FixedDelay.of(settings.sendEvery()))
                    .execute((instance, context) -> jobs.runDue());
            RecurringTask<Void> reconcile = Tasks.recurring(RECONCILE_TASK, FixedDelay.of(settings.reconcileEvery()))
                    .execute((instance, context) -> reconciler.reconcile());
            return Scheduler.create(dataSource)
                    .tableName("releases.scheduled_tasks")
                    .startTasks(send, reconcile)
                    .threads(2)
                    .pollingInterval(settings.sendEvery())
                    .heartbeatInterval(settings.heartbeat())
                    .build();
        };
    }

    @Override
    public synchronized void start() {
        // a stopped db-scheduler cannot start again, so each start builds a new one (as the chain scheduler does)
        if (schedulers != null && scheduler == null) {
            scheduler = schedulers.get();
            scheduler.start();
            log.info("Registrar: DataCite jobs and the reconciler run on this node");
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
