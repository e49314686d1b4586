package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import java.util.List;

/**
 * More db-scheduler tasks executed by the chain's schedulers, beside the chain's own (reprocessing campaigns): a bean
 * of this type is registered on every node's {@code SchedulerClient} and, on executing nodes, on its scheduler, so
 * that the work shares the nodes, threads and database of the product chains instead of running a queue of its own.
 */
public interface ChainTaskExtension {

    /** Tasks instances of which are scheduled on demand. */
    List<Task<?>> tasks();

    /** Recurring tasks each executing node registers at start (one row in {@code scheduled_tasks} each). */
    List<RecurringTask<?>> startTasks();
}
