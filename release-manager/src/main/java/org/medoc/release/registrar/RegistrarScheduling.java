package org.medoc.release.registrar;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.medoc.products.chain.NodeRole;
import org.medoc.release.doi.Registrar;
import org.medoc.products.chain.SchedulerLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Runs the registrar's two recurring db-scheduler tasks, cluster-safe (one node at a time) on the release manager's
 * own task table {@code releases.scheduled_tasks}: {@code release-registrar} sends due jobs, {@code release-reconciler}
 * compares DataCite with us. Started only when a DataCite registrar is configured, on nodes that execute tasks
 * ({@code medoc.node.role} all or worker), and unless {@code medoc.release.registrar.scheduled=false}.
 */
@Configuration(proxyBeanMethods = false)
class RegistrarScheduling {

    static final String SEND_TASK = "release-registrar";
    static final String RECONCILE_TASK = "release-reconciler";

    @Bean
    SchedulerLifecycle registrarScheduler(DataSource dataSource, Registrar registrar, NodeRole role,
                                          RegistrarJobSettings settings, RegistrarJobs jobs, DoiReconciler reconciler) {
        if (!(registrar.registersDois() && role.executesTasks() && settings.scheduled())) {
            return SchedulerLifecycle.none();
        }
        return SchedulerLifecycle.of(() -> {
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
        }, "Registrar: DataCite jobs and the reconciler run on this node");
    }
}
