package org.medoc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, crash safety of chain runs: the packaged application, making DEM maps, is killed with SIGKILL while a run
 * is RUNNING, and started again. The killed run is recovered through its lease (closed as abandoned, its product made
 * again by the restarted node), every product is made exactly once, no catalogue row or stored file is doubled, and
 * {@code medoc storage check} finds no orphan and nothing missing. The database is a PostgreSQL server of the test
 * JVM (as an external database would be), so that it outlives the killed node and the test can read it.
 */
class ChainRunKillIT {

    private static final int SETS = 6;

    @TempDir Path work;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (AutoCloseable each : started.reversed()) {
            each.close();
        }
    }

    @Test
    void aNodeKilledInTheMiddleOfAChainRunIsRecoveredAndEveryProductIsMadeExactlyOnce() throws Exception {
        ChainFixture fixture = new ChainFixture(work);
        started.add(fixture);
        Path data = work.resolve("data");
        Path incoming = work.resolve("incoming");
        // 256² sets: a DEM fit takes a noticeable fraction of a second, so that a kill lands inside a run
        ChainFixture.writeSets(incoming, SETS, 256);
        fixture.step("sets written");
        String password = fixture.ingestAndCreateAdmin(data, incoming, work.resolve("cli"));

        fixture.step("ingested, administrator created");
        MedocNode first = MedocNode.start("first", data, fixture.settings());
        started.add(first);
        first.awaitStarted(Duration.ofMinutes(6));
        fixture.step("node started");
        var scheduled = first.post("/api/v1/product-runs", ChainFixture.interval(SETS), "chainops", password);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
        assertThat(scheduled.body()).contains("\"scheduled\":" + SETS);

        // kill once a product is made and the next one is being made
        ChainFixture.await("a run in progress after a first product", Duration.ofMinutes(5),
                () -> fixture.count("SELECT count(*) FROM products.run WHERE status = 'SUCCEEDED'") >= 1
                        && fixture.count("SELECT count(*) FROM products.run WHERE status = 'RUNNING'") == 1,
                first::isAlive);
        fixture.step("a run in progress: killing the node");
        first.kill();
        List<Map<String, Object>> killed = fixture.rows("SELECT id, instance_id, node FROM products.run WHERE status = 'RUNNING'");
        assertThat(killed).as("the kill landed inside a run").hasSize(1);
        long killedRun = ((Number) killed.getFirst().get("id")).longValue();
        String killedInstance = (String) killed.getFirst().get("instance_id");
        assertThat(fixture.count("SELECT count(*) FROM products.product")).as("the kill landed mid-chain").isLessThan(SETS);

        MedocNode restarted = MedocNode.start("restarted", data, fixture.settings());
        started.add(restarted);
        ChainFixture.await("the backlog to be finished", Duration.ofMinutes(6),
                () -> fixture.count("SELECT count(*) FROM products.product WHERE type = 'dem'") == SETS
                        && fixture.count("SELECT count(*) FROM products.run WHERE status = 'RUNNING'") == 0
                        && fixture.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'product-run'") == 0,
                restarted::isAlive);

        fixture.step("backlog finished after the restart");
        fixture.assertEveryProductMadeExactlyOnce(SETS);
        Map<String, Object> abandoned = fixture.rows("SELECT status, error FROM products.run WHERE id = " + killedRun).getFirst();
        assertThat(abandoned.get("status")).isEqualTo("FAILED");
        assertThat((String) abandoned.get("error")).startsWith("abandoned: the lease of node first expired at ");
        assertThat(fixture.rows("SELECT node, attempt FROM products.run WHERE instance_id = '" + killedInstance
                + "' AND status = 'SUCCEEDED'")).as("the killed run's product, made again after the restart")
                .singleElement().satisfies(run -> assertThat(run.get("node")).isEqualTo("restarted"));
        assertThat(restarted.output()).contains("Deleted 1 product work directories left by an earlier crash");
        restarted.close();

        // every stored product file is catalogued once, and nothing else is in the store
        try (Stream<Path> files = Files.walk(data.resolve("archive/products"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count())
                    .as("stored product objects").isEqualTo(fixture.count("SELECT count(*) FROM products.product_file"));
        }
        fixture.step("node stopped");
        PackagedMedoc.Run check = new PackagedMedoc(data).run(fixture.with("storage", "check", "--medoc.storage.orphan-min-age=0s"));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("0 orphans, 0 missing").doesNotContain("not checked");
        fixture.step("storage check clean");
    }
}
