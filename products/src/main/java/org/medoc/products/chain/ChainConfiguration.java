package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wires the chain onto db-scheduler by node role ({@code medoc.node.role}, see {@link NodeRole}): every node gets a
 * {@link SchedulerClient} (to schedule reprocessing and retries); {@code all} and {@code worker} nodes also run a
 * {@link Scheduler} that executes chain tasks, named {@code medoc.node.name} (default host name and process id) so
 * that the Runs view shows which node did what.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChainProperties.class)
public class ChainConfiguration {

    @Bean
    ChainTasks chainTasks(ProductEngine engine, RecipeRegistry recipes, ChainScanner scanner, ChainProperties properties,
                          RunRecovery recovery, RunLease lease) {
        return new ChainTasks(engine, recipes, scanner, properties, recovery, lease);
    }

    @Bean
    RunLease runLease(@Value("${medoc.products.lease:2m}") java.time.Duration lease,
                      @Value("${medoc.products.heartbeat:20s}") java.time.Duration heartbeat) {
        return new RunLease(lease, heartbeat);
    }

    @Bean
    SchedulerClient chainSchedulerClient(DataSource dataSource, ChainTasks tasks, ObjectProvider<ChainTaskExtension> extensions) {
        List<Task<?>> known = new ArrayList<>(tasks.all());
        extensions.orderedStream().forEach(extension -> {
            known.addAll(extension.tasks());
            known.addAll(extension.startTasks());
        });
        return SchedulerClient.Builder.create(dataSource, known).build();
    }

    @Bean
    NodeRole nodeRole(@Value("${medoc.node.role:all}") String role) {
        try {
            return NodeRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("medoc.node.role must be all, worker or web, was '" + role + "'");
        }
    }

    @Bean
    SchedulerLifecycle chainScheduler(NodeRole role, DataSource dataSource, ChainTasks tasks, ChainProperties properties,
                                      RunLease lease, @Value("${medoc.node.name:}") String nodeName,
                                      ObjectProvider<ChainTaskExtension> extensions) {
        if (!role.executesTasks()) {
            return SchedulerLifecycle.none();
        }
        String name = nodeName.isBlank() ? defaultNodeName() : nodeName;
        List<ChainTaskExtension> more = extensions.orderedStream().toList();
        return SchedulerLifecycle.of(() -> buildScheduler(dataSource, tasks, properties, lease, name, more),
                "Product chains: node " + name + " executes chain tasks");
    }

    /**
     * A scheduler executing the chain's tasks and those of the given extensions (reprocessing campaigns), with
     * db-scheduler's heartbeat on the run lease: an execution whose node stopped beating is revived by another node two
     * heartbeats after its run's lease expired, so that the lease check (every heartbeat) has closed the run and
     * deleted what it stored before the product is made again. Public so that tests and the {@code reprocess} command
     * can run several nodes on one database; pass {@link RunLease#DEFAULT} and no extensions for a plain chain node.
     */
    public static Scheduler buildScheduler(DataSource dataSource, ChainTasks tasks, ChainProperties properties,
                                           RunLease lease, String name, List<ChainTaskExtension> extensions) {
        List<Task<?>> known = new ArrayList<>(List.of(tasks.runTask()));
        List<RecurringTask<?>> startTasks = new ArrayList<>(tasks.recurringTasks());
        extensions.forEach(extension -> {
            known.addAll(extension.tasks());
            startTasks.addAll(extension.startTasks());
        });
        return Scheduler.create(dataSource, known)
                .startTasks(startTasks)
                .heartbeatInterval(lease.heartbeat())
                .missedHeartbeatsLimit(lease.missedHeartbeatsLimit() + 2)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                // a product scheduled by this node starts without waiting for the next poll
                .enableImmediateExecution()
                .shutdownMaxWait(properties.shutdownWait())
                .build();
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
