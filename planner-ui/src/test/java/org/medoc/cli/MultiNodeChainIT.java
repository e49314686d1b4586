package org.medoc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, several machines: one web node and two worker nodes (three JVMs of the packaged application, by
 * {@code medoc.node.role}) on one PostgreSQL database and one S3 object store. The web node schedules a backlog of 40
 * DEM maps; one worker is killed with SIGKILL midway, in a run; the survivor finishes the backlog, including the killed
 * worker's product, and every product is made exactly once, its files stored once, with nothing orphaned in the store.
 */
class MultiNodeChainIT {

    private static final int SETS = 40;

    @TempDir Path work;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (AutoCloseable each : started.reversed()) {
            each.close();
        }
    }

    @Test
    void theSurvivingWorkerFinishesAKilledWorkersShareAndEveryProductIsMadeExactlyOnce() throws Exception {
        ChainFixture fixture = new ChainFixture(work);
        started.add(fixture);
        S3StandIn s3 = new S3StandIn(work.resolve("s3"));
        started.add(s3);
        fixture.share(s3.settings());
        Path incoming = work.resolve("incoming");
        // 96² sets: 240 small files to ingest, and DEM fits of a few tenths of a second each
        ChainFixture.writeSets(incoming, SETS, 96);
        fixture.step("sets written");
        String password = fixture.ingestAndCreateAdmin(work.resolve("ingest"), incoming, work.resolve("cli"));

        fixture.step("ingested, administrator created");
        List<String> webSettings = new ArrayList<>(fixture.settings());
        webSettings.add("--medoc.node.role=web");
        List<String> workerSettings = new ArrayList<>(fixture.settings());
        workerSettings.add("--medoc.node.role=worker");
        MedocNode web = MedocNode.start("web", work.resolve("web"), webSettings);
        MedocNode survivor = MedocNode.start("worker-a", work.resolve("worker-a"), workerSettings);
        MedocNode victim = MedocNode.start("worker-b", work.resolve("worker-b"), workerSettings);
        started.addAll(List.of(web, survivor, victim));
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> ready = new ArrayList<>();
            for (MedocNode node : List.of(web, survivor, victim)) {
                ready.add(starting.submit((Callable<Object>) () -> {
                    node.awaitStarted(Duration.ofMinutes(6));
                    return null;
                }));
            }
            for (Future<Object> each : ready) {
                each.get();
            }
        }

        fixture.step("three nodes started");
        var scheduled = web.post("/api/v1/product-runs", ChainFixture.interval(SETS), "chainops", password);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
        assertThat(scheduled.body()).contains("\"scheduled\":" + SETS);

        // midway: worker-b has made products and is making one now
        ChainFixture.await("worker-b in a run, with products made by both workers", Duration.ofMinutes(5),
                () -> fixture.count("SELECT count(*) FROM products.run WHERE node = 'worker-b' AND status = 'SUCCEEDED'") >= 2
                        && fixture.count("SELECT count(*) FROM products.run WHERE node = 'worker-a' AND status = 'SUCCEEDED'") >= 1
                        && fixture.count("SELECT count(*) FROM products.run WHERE node = 'worker-b' AND status = 'RUNNING'") == 1,
                victim::isAlive);
        fixture.step("worker-b in a run: killing it");
        victim.kill();
        List<Map<String, Object>> killed = fixture.rows(
                "SELECT id, instance_id FROM products.run WHERE node = 'worker-b' AND status = 'RUNNING'");
        assertThat(killed).as("the kill landed inside a run").hasSize(1);
        long madeWhenKilled = fixture.count("SELECT count(*) FROM products.product WHERE type = 'dem'");
        assertThat(madeWhenKilled).as("killed midway").isLessThan(SETS);
        long byVictim = fixture.count("SELECT count(*) FROM products.run WHERE node = 'worker-b' AND status = 'SUCCEEDED'");

        ChainFixture.await("the backlog to be finished by worker-a", Duration.ofMinutes(5),
                () -> fixture.count("SELECT count(*) FROM products.product WHERE type = 'dem'") == SETS
                        && fixture.count("SELECT count(*) FROM products.run WHERE status = 'RUNNING'") == 0
                        && fixture.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'product-run'") == 0,
                survivor::isAlive);

        fixture.step("backlog finished");
        fixture.assertEveryProductMadeExactlyOnce(SETS);
        assertThat(fixture.count("SELECT count(*) FROM products.run WHERE node = 'web'")).as("the web node executes nothing").isZero();
        assertThat(fixture.count("SELECT count(*) FROM products.run WHERE node = 'worker-b' AND status = 'SUCCEEDED'"))
                .as("nothing made by worker-b after its death").isEqualTo(byVictim);
        Map<String, Object> abandoned = fixture.rows("SELECT status, error FROM products.run WHERE id = " + killed.getFirst().get("id")).getFirst();
        assertThat(abandoned.get("status")).isEqualTo("FAILED");
        assertThat((String) abandoned.get("error")).startsWith("abandoned: the lease of node worker-b expired at ");
        assertThat(fixture.rows("SELECT node FROM products.run WHERE instance_id = '" + killed.getFirst().get("instance_id")
                + "' AND status = 'SUCCEEDED'")).singleElement().satisfies(run -> assertThat(run.get("node")).isEqualTo("worker-a"));
        var listed = web.get("/api/v1/products?type=dem&from=2021-06-01&to=2021-06-02&size=100");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).as("the web node serves what the workers made").contains("\"total\":" + SETS);

        for (MedocNode node : List.of(web, survivor)) {
            node.close();
        }
        fixture.step("nodes stopped");
        PackagedMedoc.Run check = new PackagedMedoc(work.resolve("ingest"))
                .run(fixture.with("storage", "check", "--medoc.storage.orphan-min-age=0s"));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("0 orphans, 0 missing").doesNotContain("not checked");
        fixture.step("storage check clean");
    }
}
