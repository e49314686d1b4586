package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * The chain's two db-scheduler tasks.
 * <ul>
 *   <li>{@value #SCAN_TASK}, recurring every {@code medoc.products.scan-interval}: asks the {@link ChainScanner} which
 *   products are due and schedules one {@value #RUN_TASK} instance for each. Recurring tasks have a single row, so
 *   one node scans at a time however many run.</li>
 *   <li>{@value #RUN_TASK}, one instance per product, id {@code type:version:referenceTime[@subject]}
 *   ({@link ProductInstance#id()}), data = the {@link RunTrigger}. Scheduling an id that exists is a no-op, and an
 *   instance is executed by the one node that locked its row. A failure is retried with exponential back-off
 *   ({@code retry-delay × retry-backoff^n}) up to {@code max-retries} times, then dropped: the FAILED runs stay in
 *   {@code products.run} for staff to read and retry.</li>
 * </ul>
 * Every node registers both tasks (a node must know a task to schedule it); only executing nodes start a scheduler.
 */
public final class ChainTasks {

    public static final String RUN_TASK = "product-run";
    public static final String SCAN_TASK = "product-scan";
    public static final String LEASE_CHECK_TASK = "product-lease-check";
    private static final Logger log = LoggerFactory.getLogger(ChainTasks.class);

    private final OneTimeTask<String> runTask;
    private final RecurringTask<Void> scanTask;
    private final RecurringTask<Void> leaseCheckTask;

    /** The run and scan tasks only, without the lease check: for tests that drive recovery themselves. */
    public ChainTasks(ProductEngine engine, RecipeRegistry recipes, ChainScanner scanner, ChainProperties properties) {
        this(engine, recipes, scanner, properties, null, RunLease.DEFAULT);
    }

    /**
     * Every task, with {@value #LEASE_CHECK_TASK}: recurring every heartbeat interval, it recovers runs whose lease
     * expired ({@link RunRecovery}); one row, so one node checks at a time.
     */
    public ChainTasks(ProductEngine engine, RecipeRegistry recipes, ChainScanner scanner, ChainProperties properties,
                      RunRecovery recovery, RunLease lease) {
        this.runTask = Tasks.oneTime(RUN_TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(properties.maxRetries(),
                        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryDelay(), properties.retryBackoff()),
                        (complete, operations) -> log.warn("Product {} gave up after {} retries; retry it from the Runs view",
                                complete.getExecution().getId(), properties.maxRetries())))
                .execute((instance, context) -> {
                    ProductInstance product = ProductInstance.parse(instance.getId());
                    ProductRecipe recipe = recipes.find(product.type(), product.version()).orElseThrow(() -> new ChainException(
                            "recipe " + product.type() + " version " + product.version() + " is not installed on node "
                                    + context.getExecution().pickedBy));
                    RunTrigger trigger = instance.getData() == null ? RunTrigger.SCHEDULED : RunTrigger.valueOf(instance.getData());
                    engine.run(recipe, product.version(), product.referenceTime(), product.subject(), trigger,
                            context.getExecution().pickedBy);
                });
        this.scanTask = Tasks.recurring(SCAN_TASK, FixedDelay.of(properties.scanInterval()))
                .execute((instance, context) -> {
                    int scheduled = schedule(context.getSchedulerClient(), scanner.due(Instant.now()), RunTrigger.SCHEDULED);
                    if (scheduled > 0) {
                        log.info("Product scan scheduled {} new products", scheduled);
                    }
                });
        this.leaseCheckTask = recovery == null ? null : Tasks.recurring(LEASE_CHECK_TASK, FixedDelay.of(lease.heartbeat()))
                .execute((instance, context) -> recovery.recover(context.getSchedulerClient(), this));
    }

    /** Every task, for the scheduler and for clients that only schedule. */
    public List<Task<?>> all() {
        return leaseCheckTask == null ? List.of(runTask, scanTask) : List.of(runTask, scanTask, leaseCheckTask);
    }

    /** The recurring tasks, which a scheduler is given as start tasks (that registers them too). */
    public List<RecurringTask<Void>> recurringTasks() {
        return leaseCheckTask == null ? List.of(scanTask) : List.of(scanTask, leaseCheckTask);
    }

    /** The run task alone: the scan task is given to a scheduler as a start task, which registers it too. */
    public OneTimeTask<String> runTask() {
        return runTask;
    }

    public RecurringTask<Void> scanTask() {
        return scanTask;
    }

    public TaskInstance<String> runInstance(ProductInstance product, RunTrigger trigger) {
        return runTask.instance(product.id(), trigger.name());
    }

    /** Schedules each product now unless it is scheduled already; returns how many were new. */
    public int schedule(SchedulerClient client, List<ProductInstance> products, RunTrigger trigger) {
        Instant now = Instant.now();
        int scheduled = 0;
        for (ProductInstance product : products) {
            if (client.scheduleIfNotExists(runInstance(product, trigger), now)) {
                scheduled++;
            }
        }
        return scheduled;
    }
}
