package org.medoc.products.campaign;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestService;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.medoc.products.DemoArchive;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.chain.ChainConfiguration;
import org.medoc.products.chain.ChainProperties;
import org.medoc.products.chain.ChainScanner;
import org.medoc.products.chain.ChainTasks;
import org.medoc.products.chain.RunLease;
import org.medoc.products.chain.InputSummaryRecipe;
import org.medoc.products.chain.ProductEngine;
import org.medoc.products.chain.RecipeRegistry;
import org.medoc.products.chain.RunTrigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.RUN;

/**
 * Reprocessing campaigns on real PostgreSQL: enumeration of the catalogue's input sets, progress while nodes work,
 * bounded batches in db-scheduler, cancel, resume after cancel and after a restart (new scheduler and task instances
 * on the same database), failures counted while the others finish, and never a product made twice. The context's own
 * scheduler is idle (medoc.node.role=web in the test properties): each test starts the nodes it needs. The
 * {@code reprocess} recipe makes input-less products in 2003; each test uses its own stretch of it.
 */
@SpringBootTest(classes = ProductsTestApplication.class)
class CampaignTests {

    static final Instant START = ProductsTestApplication.REPROCESS_START;
    static final Duration STEP = Duration.ofMinutes(30);

    @Autowired DataSource dataSource;
    @Autowired DSLContext dsl;
    @Autowired ProductEngine engine;
    @Autowired RecipeRegistry recipes;
    @Autowired ChainScanner scanner;
    @Autowired CampaignRepository repository;
    @Autowired CampaignService campaigns;
    @Autowired AuditTrail audit;
    @Autowired IngestService ingest;
    @Autowired @Qualifier("reprocessRecipe") InputSummaryRecipe version1;
    @Autowired @Qualifier("reprocessRecipeVersion2") InputSummaryRecipe version2;

    private final List<Scheduler> nodes = new ArrayList<>();

    @BeforeEach
    void noDelay() {
        version1.sleepMillis(0);
        version2.sleepMillis(0);
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(Scheduler::stop);
    }

    /** A node as the application builds it: the chain's scheduler with the campaigns' tasks, in a fresh instance. */
    private Scheduler startNode(String name, int threads, int inFlight) {
        ChainProperties chain = new ChainProperties(Duration.ofHours(1), Duration.ofDays(2), Duration.ofHours(2),
                Duration.ofMillis(100), threads, 3, Duration.ofMillis(200), 1.0, Duration.ofSeconds(10));
        CampaignProperties properties = new CampaignProperties(inFlight, Duration.ofMillis(200), Duration.ofHours(1));
        Scheduler node = ChainConfiguration.buildScheduler(dataSource, new ChainTasks(engine, recipes, scanner, chain),
                chain, RunLease.DEFAULT, name, List.of(new CampaignTasks(repository, recipes, engine, properties, audit)));
        nodes.add(node);
        node.start();
        return node;
    }

    private static Instant at(int index) {
        return START.plus(STEP.multipliedBy(index));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private int products(String version, int first, int last) {
        return dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("reprocess").and(PRODUCT.VERSION.eq(version))
                .and(PRODUCT.REFERENCE_TIME.between(at(first).atOffset(ZoneOffset.UTC), at(last).atOffset(ZoneOffset.UTC))));
    }

    private int campaignTasksQueued() {
        return dsl.fetchCount(DSL.table("scheduled_tasks"), DSL.field("task_name").eq(CampaignTasks.ITEM_TASK));
    }

    private Campaign start(String version, int first, int last) {
        return campaigns.start(new CampaignService.CampaignRequest("reprocess", version, at(first), at(last)), "tester");
    }

    @Test
    void enumeratesTheCatalogueInputSetsOfTheIntervalAndSkipsProductsThatExistAlready() throws Exception {
        Instant day = Instant.parse("2024-08-01T06:00:00Z");
        DemoArchive.ingest(ingest, day, 3);
        // the first set's product exists: the campaign records it as skipped and does not make it again
        engine.run(recipes.find("summary", "1.0").orElseThrow(), day, RunTrigger.COMMAND, "test");

        Campaign started = campaigns.start(new CampaignService.CampaignRequest("summary", null, day.minusSeconds(3600),
                day.plusSeconds(7200)), "tester");
        assertThat(started.status()).isEqualTo(CampaignStatus.ENUMERATING);
        assertThat(started.version()).isEqualTo("1.0");
        startNode("enumerating-node", 2, 10);
        await("the campaign to finish", () -> campaigns.campaign(started.id()).status() == CampaignStatus.FINISHED);

        Campaign finished = campaigns.campaign(started.id());
        assertThat(finished.enumeratedTo()).isEqualTo(day.plusSeconds(7200));
        assertThat(campaigns.items(started.id(), null)).extracting(CampaignItem::referenceTime)
                .containsExactly(day, day.plusSeconds(1800), day.plusSeconds(3600));
        assertThat(finished.progress().total()).isEqualTo(3);
        assertThat(finished.progress().made()).isEqualTo(2);
        assertThat(finished.progress().skipped()).isEqualTo(1);
        assertThat(finished.progress().done()).isEqualTo(3);
        assertThat(finished.progress().remaining()).isZero();
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(campaigns.items(started.id(), ItemStatus.SKIPPED)).singleElement()
                .satisfies(item -> assertThat(item.attempts()).as("skipped without a run").isZero());
        assertThat(dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("summary").and(PRODUCT.REFERENCE_TIME.between(
                day.atOffset(ZoneOffset.UTC), day.plusSeconds(3600).atOffset(ZoneOffset.UTC))))).isEqualTo(3);
        assertThat(dsl.fetchCount(RUN, RUN.TYPE.eq("summary").and(RUN.TRIGGER.eq("CAMPAIGN")))).isEqualTo(2);
    }

    @Test
    void twoNodesShareTheItemsInBoundedBatchesWithProgressWhileItRunsAndMakeEachProductOnce() throws Exception {
        version2.sleepMillis(100);
        Campaign started = start("2.0", 0, 23);
        startNode("node-a", 2, 5);
        startNode("node-b", 2, 5);

        int maxQueued = 0;
        Campaign seenRunning = null;
        while (campaigns.campaign(started.id()).status() != CampaignStatus.FINISHED) {
            maxQueued = Math.max(maxQueued, campaignTasksQueued());
            Campaign now = campaigns.campaign(started.id());
            if (now.progress().done() > 0 && now.progress().remaining() > 0 && now.progress().ratePerMinute() != null) {
                seenRunning = now;
            }
            Thread.sleep(20);
        }

        assertThat(maxQueued).as("never more item tasks in db-scheduler than in-flight allows").isBetween(1, 5);
        assertThat(seenRunning).as("progress seen while the campaign ran").isNotNull();
        assertThat(seenRunning.progress().total()).isEqualTo(24);
        assertThat(seenRunning.progress().done() + seenRunning.progress().remaining()).isEqualTo(24);
        assertThat(seenRunning.progress().ratePerMinute()).isPositive();
        assertThat(seenRunning.progress().etaSeconds()).isNotNull().isNotNegative();
        Campaign finished = campaigns.campaign(started.id());
        assertThat(finished.progress().made()).isEqualTo(24);
        assertThat(finished.progress().ratePerMinute()).as("no rate once finished").isNull();
        assertThat(products("2.0", 0, 23)).isEqualTo(24);
        assertThat(products("1.0", 0, 23)).as("the other version is not made").isZero();
        IntStream.range(0, 24).forEach(i -> assertThat(version2.invocations(at(i))).as("set " + i).isEqualTo(1));
        assertThat(campaigns.items(started.id(), null)).extracting(CampaignItem::node).containsOnly("node-a", "node-b")
                .contains("node-a", "node-b");
    }

    @Test
    @WithMockUser(username = "curator", roles = "ARCHIVIST")
    void cancelStopsThePendingItemsLetsTheRunningOnesFinishAndResumeMakesTheRestOnce() throws Exception {
        version1.sleepMillis(300);
        Campaign started = campaigns.start(new CampaignService.CampaignRequest("reprocess", "1.0", at(30), at(49)));
        startNode("cancel-node", 2, 4);
        await("two items done", () -> campaigns.campaign(started.id()).progress().done() >= 2);

        Campaign cancelled = campaigns.cancel(started.id());
        assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
        await("the running items to finish", () -> campaigns.campaign(started.id()).progress().running() == 0);
        Thread.sleep(1000); // queued tasks of the cancelled campaign come due meanwhile and must not run
        Campaign stopped = campaigns.campaign(started.id());
        assertThat(stopped.progress().cancelled()).isPositive();
        assertThat(stopped.progress().made() + stopped.progress().cancelled()).isEqualTo(20);
        assertThat(stopped.progress().pending() + stopped.progress().queued()).isZero();
        assertThat(products("1.0", 30, 49)).isEqualTo((int) stopped.progress().made());
        assertThatThrownBy(() -> campaigns.cancel(started.id())).isInstanceOf(CampaignService.CampaignStateException.class);

        Campaign resumed = campaigns.resume(started.id());
        assertThat(resumed.status()).isEqualTo(CampaignStatus.RUNNING);
        await("the resumed campaign to finish", () -> campaigns.campaign(started.id()).status() == CampaignStatus.FINISHED);
        assertThat(campaigns.campaign(started.id()).progress().made()).isEqualTo(20);
        assertThat(products("1.0", 30, 49)).isEqualTo(20);
        IntStream.range(30, 50).forEach(i -> assertThat(version1.invocations(at(i))).as("set " + i).isEqualTo(1));
        assertThatThrownBy(() -> campaigns.resume(started.id())).isInstanceOf(CampaignService.CampaignStateException.class)
                .hasMessageContaining("nothing to resume");

        List<String> actions = audit.search(new AuditQuery(null, null, "curator", "product.campaign", null, null, null,
                AuditQuery.MAX_LIMIT)).events().stream()
                .filter(event -> event.objectId().equals(Long.toString(started.id()))).map(AuditEvent::action).toList();
        assertThat(actions).containsExactly("product.campaign-resumed", "product.campaign-cancelled", "product.campaign-started");
    }

    @Test
    void aRestartedNodeContinuesWhereTheStoppedOneLeftWithoutMakingAnyProductTwice() throws Exception {
        version2.sleepMillis(200);
        Campaign started = start("2.0", 60, 79);
        Scheduler first = startNode("before-restart", 1, 3);
        await("three items done", () -> campaigns.campaign(started.id()).progress().done() >= 3);
        first.stop(); // the application stops: running items finish, queued ones stay in scheduled_tasks
        nodes.remove(first);
        Campaign interrupted = campaigns.campaign(started.id());
        assertThat(interrupted.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(interrupted.progress().remaining()).isPositive();

        startNode("after-restart", 2, 3); // a new engine instance on the same database
        await("the campaign to finish after the restart", () -> campaigns.campaign(started.id()).status() == CampaignStatus.FINISHED);

        assertThat(campaigns.campaign(started.id()).progress().made()).isEqualTo(20);
        assertThat(products("2.0", 60, 79)).isEqualTo(20);
        IntStream.range(60, 80).forEach(i -> assertThat(version2.invocations(at(i))).as("set " + i).isEqualTo(1));
        assertThat(campaigns.items(started.id(), null)).extracting(CampaignItem::node)
                .contains("before-restart", "after-restart");
    }

    @Test
    void aFailingItemIsCountedAsFailedWhileTheOthersFinishAndResumeRetriesIt() throws Exception {
        version1.failNext(at(93), 1);
        Campaign started = start("1.0", 90, 99);
        startNode("failing-node", 2, 4);
        await("the campaign to finish", () -> campaigns.campaign(started.id()).status() == CampaignStatus.FINISHED);

        Campaign finished = campaigns.campaign(started.id());
        assertThat(finished.progress().made()).isEqualTo(9);
        assertThat(finished.progress().failed()).isEqualTo(1);
        assertThat(campaigns.items(started.id(), ItemStatus.FAILED)).singleElement().satisfies(item -> {
            assertThat(item.referenceTime()).isEqualTo(at(93));
            assertThat(item.error()).contains("injected failure");
        });

        campaigns.resume(started.id());
        await("the resumed campaign to finish", () -> campaigns.campaign(started.id()).status() == CampaignStatus.FINISHED);
        assertThat(campaigns.campaign(started.id()).progress().made()).isEqualTo(10);
        assertThat(campaigns.campaign(started.id()).progress().failed()).isZero();
        assertThat(products("1.0", 90, 99)).isEqualTo(10);
        assertThat(version1.invocations(at(93))).isEqualTo(2);
        assertThat(version1.invocations(at(94))).isEqualTo(1);
    }

    @Test
    void aSecondCampaignOverTheSameIntervalSkipsWhatTheFirstMadeAndBadRequestsAreRefused() throws Exception {
        Campaign first = start("1.0", 110, 114);
        startNode("repeat-node", 2, 10);
        await("the first campaign", () -> campaigns.campaign(first.id()).status() == CampaignStatus.FINISHED);
        Campaign second = start("1.0", 110, 116);
        await("the second campaign", () -> campaigns.campaign(second.id()).status() == CampaignStatus.FINISHED);

        assertThat(campaigns.campaign(second.id()).progress().skipped()).isEqualTo(5);
        assertThat(campaigns.campaign(second.id()).progress().made()).isEqualTo(2);
        assertThat(products("1.0", 110, 116)).isEqualTo(7);
        int invocations = IntStream.rangeClosed(110, 116).map(i -> version1.invocations(at(i))).sum();
        assertThat(invocations).isEqualTo(7);

        assertThatThrownBy(() -> start("3.0", 0, 1)).isInstanceOf(CampaignService.UnknownVersionException.class)
                .hasMessageContaining("installed versions: 1.0, 2.0");
        assertThatThrownBy(() -> start("1.0", 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> campaigns.campaign(Long.MAX_VALUE)).isInstanceOf(CampaignService.CampaignNotFoundException.class);
    }

    @Test
    void progressGivesRateAndEtaFromRecentWork() {
        Instant now = Instant.parse("2026-01-01T00:10:00Z");
        var counts = new java.util.EnumMap<ItemStatus, Long>(ItemStatus.class);
        counts.put(ItemStatus.MADE, 30L);
        counts.put(ItemStatus.SKIPPED, 10L);
        counts.put(ItemStatus.FAILED, 2L);
        counts.put(ItemStatus.PENDING, 50L);
        counts.put(ItemStatus.QUEUED, 8L);
        counts.put(ItemStatus.RUNNING, 2L);

        CampaignProgress progress = CampaignProgress.of(counts, 30, now.minus(Duration.ofMinutes(5)), now, true);

        assertThat(progress.total()).isEqualTo(102);
        assertThat(progress.done()).isEqualTo(40);
        assertThat(progress.remaining()).isEqualTo(60);
        assertThat(progress.ratePerMinute()).isEqualTo(6.0);
        assertThat(progress.etaSeconds()).isEqualTo(600); // 60 items at 6 per minute
        assertThat(progress.etaText()).isEqualTo("10m00s");
        assertThat(CampaignProgress.of(counts, 30, now.minus(Duration.ofMinutes(5)), now, false).etaSeconds()).isNull();
        assertThat(CampaignProgress.of(counts, 0, now.minus(Duration.ofMinutes(5)), now, true).ratePerMinute()).isNull();
    }
}
