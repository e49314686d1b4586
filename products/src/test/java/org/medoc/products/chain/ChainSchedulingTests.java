package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestService;
import org.medoc.products.DemoArchive;
import org.medoc.products.ProductsTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.RUN;

/**
 * The chain on db-scheduler: several nodes on one database, retries with back-off, and the scan. The context's own
 * scheduler is idle (medoc.node.role=web in the test properties); each test starts the nodes it needs.
 */
@SpringBootTest(classes = ProductsTestApplication.class)
class ChainSchedulingTests {

    @Autowired DataSource dataSource;
    @Autowired DSLContext dsl;
    @Autowired ProductEngine engine;
    @Autowired RecipeRegistry recipes;
    @Autowired ChainScanner scanner;
    @Autowired ChainTasks contextTasks;
    @Autowired SchedulerClient client;
    @Autowired ProductChain chain;
    @Autowired IngestService ingest;
    @Autowired @Qualifier("bulkRecipe") InputSummaryRecipe bulk;
    @Autowired @Qualifier("flakyRecipe") InputSummaryRecipe flaky;

    private final List<Scheduler> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Scheduler::stop);
    }

    private Scheduler startNode(String name, int maxRetries) {
        ChainProperties properties = new ChainProperties(Duration.ofHours(1), Duration.ofDays(2), Duration.ofHours(2),
                Duration.ofMillis(100), 2, maxRetries, Duration.ofMillis(200), 1.0, Duration.ofSeconds(10));
        Scheduler node = ChainConfiguration.buildScheduler(dataSource,
                new ChainTasks(engine, recipes, scanner, properties), properties, RunLease.DEFAULT, name, List.of());
        nodes.add(node);
        node.start();
        return node;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void twoNodesOnOneDatabaseMakeEveryProductExactlyOnce() throws Exception {
        SyntheticSets sets = (SyntheticSets) bulk.inputSets();
        List<ProductInstance> instances = IntStream.range(0, sets.count())
                .mapToObj(i -> new ProductInstance("bulk", "1.0", sets.referenceTime(i))).toList();
        bulk.sleepMillis(50);
        // both nodes schedule the same products: the deterministic instance ids make the second attempt a no-op
        SchedulerClient otherClient = SchedulerClient.Builder.create(dataSource, contextTasks.all()).build();
        assertThat(contextTasks.schedule(client, instances, RunTrigger.SCHEDULED)).isEqualTo(instances.size());
        assertThat(contextTasks.schedule(otherClient, instances, RunTrigger.SCHEDULED)).isZero();

        startNode("node-a", 3);
        startNode("node-b", 3);
        await("40 bulk products", () -> dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("bulk")) == instances.size());
        await("the last runs to close", () -> dsl.fetchCount(RUN, RUN.TYPE.eq("bulk").and(RUN.STATUS.eq("RUNNING"))) == 0);

        for (ProductInstance instance : instances) {
            assertThat(bulk.invocations(instance.referenceTime())).as(instance.id()).isEqualTo(1);
        }
        assertThat(bulk.invocations().values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(instances.size());
        assertThat(dsl.fetchCount(RUN, RUN.TYPE.eq("bulk"))).isEqualTo(instances.size());
        assertThat(dsl.fetchCount(RUN, RUN.TYPE.eq("bulk").and(RUN.STATUS.eq("SUCCEEDED")))).isEqualTo(instances.size());
        List<String> workers = dsl.selectDistinct(RUN.NODE).from(RUN).where(RUN.TYPE.eq("bulk")).fetch(RUN.NODE);
        assertThat(workers).as("both nodes took work").containsExactlyInAnyOrder("node-a", "node-b");
    }

    @Test
    void aFailedRunIsRetriedWithBackOffAndSucceeds() throws Exception {
        Instant reference = ProductsTestApplication.FLAKY_START;
        ProductInstance instance = new ProductInstance("flaky", "1.0", reference);
        flaky.failNext(reference, 1);
        contextTasks.schedule(client, List.of(instance), RunTrigger.SCHEDULED);

        startNode("retry-node", 3);
        await("the flaky product", () -> dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("flaky").and(PRODUCT.REFERENCE_TIME.eq(reference.atOffset(java.time.ZoneOffset.UTC)))) == 1);

        List<RunSummary> runs = chain.runsOf(instance);
        assertThat(runs).extracting(RunSummary::attempt).containsExactly(1, 2);
        assertThat(runs).extracting(RunSummary::status).containsExactly(RunStatus.FAILED, RunStatus.SUCCEEDED);
        assertThat(runs.getFirst().error()).contains("injected failure");
        assertThat(runs.getLast().productId()).isNotNull();
        // the back-off (200 ms here) separates the attempts
        assertThat(Duration.between(runs.get(0).startedAt(), runs.get(1).startedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(flaky.invocations(reference)).isEqualTo(2);
    }

    @Test
    void aRunThatGaveUpCanBeRetriedByStaff() throws Exception {
        Instant reference = ProductsTestApplication.FLAKY_START.plus(Duration.ofMinutes(30));
        ProductInstance instance = new ProductInstance("flaky", "1.0", reference);
        flaky.failNext(reference, 2);
        contextTasks.schedule(client, List.of(instance), RunTrigger.SCHEDULED);

        startNode("give-up-node", 1);
        await("two failed attempts and the task dropped", () -> chain.runsOf(instance).stream()
                .filter(r -> r.status() == RunStatus.FAILED).count() == 2 && !chain.pending(instance));
        assertThat(dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("flaky").and(PRODUCT.REFERENCE_TIME.eq(reference.atOffset(java.time.ZoneOffset.UTC))))).isZero();

        long lastFailed = chain.runsOf(instance).getLast().id();
        assertThat(chain.retry(lastFailed)).isEqualTo(instance.id());
        await("the retried product", () -> chain.runsOf(instance).size() == 3 && chain.runsOf(instance).getLast().status() == RunStatus.SUCCEEDED);

        RunSummary retried = chain.runsOf(instance).getLast();
        assertThat(retried.trigger()).isEqualTo(RunTrigger.RETRY);
        assertThat(retried.attempt()).isEqualTo(3);
    }

    @Test
    void aNodeStoppedAndStartedAgainExecutesTasksAgain() throws Exception {
        ChainProperties properties = new ChainProperties(Duration.ofHours(1), Duration.ofDays(2), Duration.ofHours(2),
                Duration.ofMillis(100), 1, 3, Duration.ofMillis(200), 1.0, Duration.ofSeconds(10));
        ChainTasks tasks = new ChainTasks(engine, recipes, scanner, properties);
        SchedulerLifecycle lifecycle = SchedulerLifecycle.of(() -> ChainConfiguration.buildScheduler(dataSource, tasks,
                properties, RunLease.DEFAULT, "restarted-node", List.of()), "restarted-node executes chain tasks");
        lifecycle.start();
        lifecycle.stop();
        lifecycle.start();
        try {
            Instant reference = ProductsTestApplication.FLAKY_START.plus(Duration.ofMinutes(60));
            contextTasks.schedule(client, List.of(new ProductInstance("flaky", "1.0", reference)), RunTrigger.SCHEDULED);
            await("a product made after the restart", () -> dsl.fetchCount(RUN, RUN.NODE.eq("restarted-node")
                    .and(RUN.STATUS.eq("SUCCEEDED"))) == 1);
        } finally {
            lifecycle.stop();
        }
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void theScanFindsCompleteSetsNotYetHandledAndOnlyThose() {
        Instant day = Instant.parse("2024-05-01T12:00:00Z");
        DemoArchive.ingest(ingest, day, 2);
        Instant now = day.plus(Duration.ofHours(3));

        List<ProductInstance> due = scanner.due(now).stream().filter(p -> p.type().equals("summary")).toList();
        assertThat(due).extracting(ProductInstance::id)
                .containsExactly("summary:1.0:2024-05-01T12:00:00Z", "summary:1.0:2024-05-01T12:30:00Z");

        engine.run(recipes.find("summary", "1.0").orElseThrow(), day, RunTrigger.COMMAND, "test");
        assertThat(scanner.due(now).stream().filter(p -> p.type().equals("summary")))
                .extracting(ProductInstance::id).containsExactly("summary:1.0:2024-05-01T12:30:00Z");
        // data older than the look-back is left to on-demand runs
        assertThat(scanner.due(now.plus(Duration.ofDays(3))).stream().filter(p -> p.type().equals("summary"))).isEmpty();
    }
}
