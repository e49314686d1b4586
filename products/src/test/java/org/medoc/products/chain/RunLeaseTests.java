package org.medoc.products.chain;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.StorageCheck;
import org.medoc.products.ProductsTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.PRODUCT_FILE;
import static org.medoc.db.jooq.products.Tables.RUN;

/**
 * Run leases: a working run's heartbeat keeps its lease; a run whose lease expired (its node died, its command was
 * killed) is closed as abandoned, what it stored is deleted and its product made again, once. And the storage check
 * covers the products' objects. Leases are 1.5 s with a 300 ms heartbeat in the test properties.
 */
@SpringBootTest(classes = ProductsTestApplication.class)
class RunLeaseTests {

    @Autowired DataSource dataSource;
    @Autowired DSLContext dsl;
    @Autowired ProductEngine engine;
    @Autowired RecipeRegistry recipes;
    @Autowired ChainScanner scanner;
    @Autowired ChainTasks contextTasks;
    @Autowired SchedulerClient client;
    @Autowired ProductChain chain;
    @Autowired RunRecovery recovery;
    @Autowired RunLease lease;
    @Autowired ArchiveStore store;
    @Autowired StorageCheck storageCheck;
    @Autowired @Qualifier("leasedRecipe") InputSummaryRecipe leased;
    @Autowired ChainRepository repository;
    @Autowired org.springframework.transaction.support.TransactionTemplate transaction;

    @TempDir Path temp;

    private Scheduler node;

    @AfterEach
    void stop() {
        leased.sleepMillis(0);
        if (node != null) {
            node.stop();
        }
    }

    private static Instant leasedTime(int index) {
        return ProductsTestApplication.LEASED_START.plus(Duration.ofMinutes(30L * index));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private String storeObject(String extension) throws Exception {
        String key = "products/leased/1.0/" + HexFormat.of().formatHex(ThreadLocalRandom.current().ints(32, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (out, b) -> out.write(b), (a, b) -> {}).toByteArray()) + extension;
        Path file = Files.writeString(temp.resolve("object-" + System.nanoTime()), "bytes of " + key);
        store.put(key, file);
        return key;
    }

    /** A RUNNING run as a node leaves it when it dies: nobody renews its lease any more. */
    private long runLeftByADeadNode(ProductInstance instance, OffsetDateTime leaseUntil, String... storedKeys) {
        return dsl.insertInto(RUN)
                .set(RUN.TYPE, instance.type()).set(RUN.VERSION, instance.version())
                .set(RUN.REFERENCE_TIME, instance.referenceTime().atOffset(ZoneOffset.UTC))
                .set(RUN.INSTANCE_ID, instance.id()).set(RUN.ATTEMPT, 1).set(RUN.TRIGGER, RunTrigger.COMMAND.name())
                .set(RUN.NODE, "dead-node").set(RUN.STATUS, RunStatus.RUNNING.name())
                .set(RUN.LEASE_UNTIL, leaseUntil).set(RUN.STORED_KEYS, storedKeys)
                .returning(RUN.ID).fetchOne(RUN.ID);
    }

    @Test
    void aRunThatWorksLongerThanItsLeaseKeepsItByHeartbeatAndIsNotRecovered() throws Exception {
        ProductInstance instance = new ProductInstance("leased", "1.0", leasedTime(0));
        leased.sleepMillis(lease.lease().toMillis() * 2);
        Thread worker = Thread.ofVirtual().start(() ->
                engine.run(leased, instance.referenceTime(), RunTrigger.COMMAND, "working-node"));
        await("the run to start", () -> dsl.fetchExists(RUN, RUN.INSTANCE_ID.eq(instance.id())));
        OffsetDateTime firstLease = dsl.select(RUN.LEASE_UNTIL).from(RUN).where(RUN.INSTANCE_ID.eq(instance.id())).fetchOne(RUN.LEASE_UNTIL);

        Thread.sleep(lease.lease().toMillis() + 500);
        List<ChainRepository.AbandonedRun> recovered = recovery.recover(client, contextTasks);
        assertThat(recovered).extracting(ChainRepository.AbandonedRun::instanceId).doesNotContain(instance.id());
        OffsetDateTime renewed = dsl.select(RUN.LEASE_UNTIL).from(RUN).where(RUN.INSTANCE_ID.eq(instance.id())).fetchOne(RUN.LEASE_UNTIL);
        assertThat(renewed).as("lease renewed by the heartbeat").isAfter(firstLease.plus(lease.heartbeat()));
        assertThat(renewed).as("the lease has not run out").isAfter(OffsetDateTime.now().minus(Duration.ofMillis(200)));

        worker.join(Duration.ofSeconds(30));
        assertThat(chain.runsOf(instance)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.error()).isNull();
        });
    }

    @Test
    void aRunWhoseLeaseExpiredIsAbandonedItsStoredObjectsDeletedAndItsProductMadeAgainOnce() throws Exception {
        ProductInstance instance = new ProductInstance("leased", "1.0", leasedTime(1));
        String halfDone = storeObject(".fits");
        long dead = runLeftByADeadNode(instance, OffsetDateTime.now().minusSeconds(5), halfDone);

        List<ChainRepository.AbandonedRun> recovered = recovery.recover(client, contextTasks);

        assertThat(recovered).extracting(ChainRepository.AbandonedRun::id).contains(dead);
        RunSummary abandoned = chain.runsOf(instance).getFirst();
        assertThat(abandoned.status()).isEqualTo(RunStatus.FAILED);
        assertThat(abandoned.finishedAt()).isNotNull();
        assertThat(abandoned.error()).startsWith("abandoned: the lease of node dead-node expired at ")
                .contains("the product is made again");
        assertThat(store.exists(halfDone)).as("the dead run's object, never catalogued").isFalse();
        assertThat(chain.pending(instance)).as("the product is scheduled again").isTrue();
        assertThat(recovery.recover(client, contextTasks)).extracting(ChainRepository.AbandonedRun::id)
                .as("recovered once").doesNotContain(dead);

        ChainProperties properties = new ChainProperties(Duration.ofHours(1), Duration.ofDays(2), Duration.ofHours(2),
                Duration.ofMillis(100), 1, 3, Duration.ofMillis(200), 1.0, Duration.ofSeconds(10));
        node = ChainConfiguration.buildScheduler(dataSource,
                new ChainTasks(engine, recipes, scanner, properties, recovery, lease), properties, lease, "survivor", List.of());
        node.start();
        await("the product made again", () -> dsl.fetchExists(PRODUCT, PRODUCT.TYPE.eq("leased")
                .and(PRODUCT.REFERENCE_TIME.eq(instance.referenceTime().atOffset(ZoneOffset.UTC)))));
        await("its run to close", () -> chain.runsOf(instance).getLast().status() != RunStatus.RUNNING);

        List<RunSummary> runs = chain.runsOf(instance);
        assertThat(runs).extracting(RunSummary::attempt).containsExactly(1, 2);
        assertThat(runs).extracting(RunSummary::status).containsExactly(RunStatus.FAILED, RunStatus.SUCCEEDED);
        assertThat(runs.getLast().trigger()).isEqualTo(RunTrigger.RETRY);
        assertThat(runs.getLast().node()).isEqualTo("survivor");
        assertThat(leased.invocations(instance.referenceTime())).isEqualTo(1);
        List<String> keys = dsl.select(PRODUCT_FILE.STORAGE_KEY).from(PRODUCT_FILE).join(PRODUCT).on(PRODUCT.ID.eq(PRODUCT_FILE.PRODUCT_ID))
                .where(PRODUCT.ID.eq(runs.getLast().productId())).fetch(PRODUCT_FILE.STORAGE_KEY);
        assertThat(keys).isNotEmpty().doesNotContain(halfDone).allSatisfy(key -> assertThat(store.exists(key)).isTrue());
    }

    @Test
    void aRunThatStallsPastItsLeaseAndIsRecoveredStoresAndCataloguesNothingAfterwards() throws Exception {
        ProductInstance instance = new ProductInstance("leased", "1.0", leasedTime(5));
        leased.sleepMillis(1_500);
        java.util.concurrent.CompletableFuture<RuntimeException> failure = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                engine.run(leased, instance.referenceTime(), RunTrigger.COMMAND, "stalling-node");
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });
        await("the run to start", () -> dsl.fetchExists(RUN, RUN.INSTANCE_ID.eq(instance.id())));
        long runId = dsl.select(RUN.ID).from(RUN).where(RUN.INSTANCE_ID.eq(instance.id())).fetchOne(RUN.ID);

        // the node stalls longer than its lease (a pause no heartbeat gets through), and the lease check recovers it;
        // the heartbeat may renew the lease between the two statements, so this is tried until the check sees it
        List<Long> recovered = List.of();
        for (int attempt = 0; attempt < 20 && !recovered.contains(runId); attempt++) {
            dsl.update(RUN).set(RUN.LEASE_UNTIL, OffsetDateTime.now().minusSeconds(5)).where(RUN.ID.eq(runId)).execute();
            recovered = recovery.recover(client, contextTasks).stream().map(ChainRepository.AbandonedRun::id).toList();
        }
        assertThat(recovered).as("recovered while its recipe still works").contains(runId);

        // then the node wakes up and its recipe finishes: the run stores nothing and catalogues nothing
        assertThat(failure.get(30, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(ChainException.class)
                .hasMessageContaining("was abandoned while it worked");
        assertThat(chain.runsOf(instance)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).as("the lease check's reason is kept")
                    .startsWith("abandoned: the lease of node stalling-node expired at ");
        });
        assertThat(dsl.fetchExists(PRODUCT, PRODUCT.TYPE.eq("leased")
                .and(PRODUCT.REFERENCE_TIME.eq(instance.referenceTime().atOffset(ZoneOffset.UTC))))).isFalse();
        assertThat(dsl.select(RUN.STORED_KEYS).from(RUN).where(RUN.ID.eq(runId)).fetchOne(RUN.STORED_KEYS))
                .as("no object written after the recovery").isEmpty();
        assertThat(chain.pending(instance)).as("the recovery's retry makes it").isTrue();
    }

    @Test
    void aRunClosedByTheLeaseCheckCannotBeCataloguedOrClosedAgain() {
        ProductInstance instance = new ProductInstance("leased", "1.0", leasedTime(6));
        long live = runLeftByADeadNode(instance, OffsetDateTime.now().plusMinutes(5));
        assertThat((Boolean) transaction.execute(status -> repository.holdRunning(live))).as("a RUNNING run").isTrue();
        long stalled = runLeftByADeadNode(instance, OffsetDateTime.now().minusSeconds(5));
        assertThat(recovery.recover(client, contextTasks)).extracting(ChainRepository.AbandonedRun::id).contains(stalled);

        assertThat((Boolean) transaction.execute(status -> repository.holdRunning(stalled))).as("an abandoned run").isFalse();
        assertThat(repository.recordStoredKey(stalled, "products/leased/1.0/late.fits")).isFalse();
        assertThat(repository.finishRun(stalled, RunStatus.SUCCEEDED, 1, null, null)).isFalse();
        assertThat(chain.runsOf(instance)).filteredOn(run -> run.id() == stalled).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).startsWith("abandoned: ");
        });
        assertThat(repository.storedKeys(stalled)).isEmpty();
        assertThat(repository.finishRun(live, RunStatus.FAILED, 1, "closed by the test", null)).isTrue();
    }

    @Test
    void aRunAbandonedAfterItsProductWasCataloguedElsewhereKeepsTheCataloguedFilesAndSchedulesNothing() throws Exception {
        ProductInstance instance = new ProductInstance("leased", "1.0", leasedTime(2));
        RunOutcome made = engine.run(leased, instance.referenceTime(), RunTrigger.COMMAND, "fast-node");
        List<String> keys = dsl.select(PRODUCT_FILE.STORAGE_KEY).from(PRODUCT_FILE)
                .where(PRODUCT_FILE.PRODUCT_ID.eq(made.productId())).fetch(PRODUCT_FILE.STORAGE_KEY);
        // the slow node stored the same bytes (content-addressed: the same keys) and died before its commit
        long dead = runLeftByADeadNode(instance, OffsetDateTime.now().minusSeconds(5), keys.toArray(String[]::new));

        assertThat(recovery.recover(client, contextTasks)).extracting(ChainRepository.AbandonedRun::id).contains(dead);

        assertThat(keys).allSatisfy(key -> assertThat(store.exists(key)).as(key).isTrue());
        assertThat(chain.pending(instance)).isFalse();
        assertThat(dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("leased")
                .and(PRODUCT.REFERENCE_TIME.eq(instance.referenceTime().atOffset(ZoneOffset.UTC))))).isEqualTo(1);
    }

    @Test
    void theStorageCheckReportsProductObjectsNothingRefersToAndProductFilesWhoseObjectIsMissing() throws Exception {
        ProductInstance instance = new ProductInstance("leased", "1.0", leasedTime(3));
        RunOutcome made = engine.run(leased, instance.referenceTime(), RunTrigger.COMMAND, "test");
        List<String> keys = dsl.select(PRODUCT_FILE.STORAGE_KEY).from(PRODUCT_FILE)
                .where(PRODUCT_FILE.PRODUCT_ID.eq(made.productId())).orderBy(PRODUCT_FILE.POSITION).fetch(PRODUCT_FILE.STORAGE_KEY);
        String orphan = storeObject(".png");
        String beingStored = storeObject(".fits");
        runLeftByADeadNode(new ProductInstance("leased", "1.0", leasedTime(4)), OffsetDateTime.now().plusMinutes(10), beingStored);
        store.delete(keys.getLast());

        StorageCheck.Report report = storageCheck.run(false, Duration.ZERO);

        assertThat(report.orphans()).contains(orphan).doesNotContain(keys.getFirst())
                .as("an object a running run is storing is not an orphan").doesNotContain(beingStored);
        assertThat(report.missing()).contains(keys.getLast()).doesNotContain(keys.getFirst());
        assertThat(report.unowned()).doesNotContainKey("products/");

        storageCheck.run(true, Duration.ZERO);
        assertThat(store.exists(orphan)).isFalse();
        assertThat(store.exists(keys.getFirst())).isTrue();
        assertThat(store.exists(beingStored)).isTrue();
    }
}
