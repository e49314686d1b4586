package org.medoc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private ChainFixture fixture;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theSurvivingWorkerFinishesAKilledWorkersShareAndEveryProductIsMadeExactlyOnce() throws Exception {
        fixture = new ChainFixture(work);
        S3StandIn s3 = fixture.own(new S3StandIn(work.resolve("s3")));
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
        MedocNode web = fixture.own(MedocNode.start("web", work.resolve("web"), webSettings));
        MedocNode survivor = fixture.own(MedocNode.start("worker-a", work.resolve("worker-a"), workerSettings));
        MedocNode victim = fixture.own(MedocNode.start("worker-b", work.resolve("worker-b"), workerSettings));
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
        ChainFixture.KilledRun killed = fixture.runLeftRunningBy("worker-b");
        long madeWhenKilled = fixture.count("SELECT count(*) FROM products.product WHERE type = 'dem'");
        assertThat(madeWhenKilled).as("killed midway").isLessThan(SETS);
        long byVictim = fixture.count("SELECT count(*) FROM products.run WHERE node = 'worker-b' AND status = 'SUCCEEDED'");

        fixture.awaitBacklogDone(SETS, survivor);

        fixture.step("backlog finished");
        fixture.assertEveryProductMadeExactlyOnce(SETS);
        assertThat(fixture.count("SELECT count(*) FROM products.run WHERE node = 'web'")).as("the web node executes nothing").isZero();
        assertThat(fixture.count("SELECT count(*) FROM products.run WHERE node = 'worker-b' AND status = 'SUCCEEDED'"))
                .as("nothing made by worker-b after its death").isEqualTo(byVictim);
        fixture.assertRecovered(killed, "worker-b", "worker-a");
        var listed = web.get("/api/v1/products?type=dem&from=2021-06-01&to=2021-06-02&size=100");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).as("the web node serves what the workers made").contains("\"total\":" + SETS);

        for (MedocNode node : List.of(web, survivor)) {
            node.close();
        }
        fixture.step("nodes stopped");
        fixture.assertStorageClean(work.resolve("ingest"));
    }
}
