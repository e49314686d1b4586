package org.medoc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private ChainFixture fixture;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aNodeKilledInTheMiddleOfAChainRunIsRecoveredAndEveryProductIsMadeExactlyOnce() throws Exception {
        fixture = new ChainFixture(work);
        Path data = work.resolve("data");
        Path incoming = work.resolve("incoming");
        // 256² sets: a DEM fit takes a noticeable fraction of a second, so that a kill lands inside a run
        ChainFixture.writeSets(incoming, SETS, 256);
        fixture.step("sets written");
        String password = fixture.ingestAndCreateAdmin(data, incoming, work.resolve("cli"));

        fixture.step("ingested, administrator created");
        MedocNode first = fixture.own(MedocNode.start("first", data, fixture.settings()));
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
        ChainFixture.KilledRun killed = fixture.runLeftRunningBy("first");
        assertThat(fixture.count("SELECT count(*) FROM products.product")).as("the kill landed mid-chain").isLessThan(SETS);

        MedocNode restarted = fixture.own(MedocNode.start("restarted", data, fixture.settings()));
        fixture.awaitBacklogDone(SETS, restarted);

        fixture.step("backlog finished after the restart");
        fixture.assertEveryProductMadeExactlyOnce(SETS);
        fixture.assertRecovered(killed, "first", "restarted");
        assertThat(restarted.output()).contains("Deleted 1 product work directories left by an earlier crash");
        restarted.close();

        // every stored product file is catalogued once, and nothing else is in the store
        try (Stream<Path> files = Files.walk(data.resolve("archive/products"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count())
                    .as("stored product objects").isEqualTo(fixture.count("SELECT count(*) FROM products.product_file"));
        }
        fixture.step("node stopped");
        fixture.assertStorageClean(data);
    }
}
