package org.medoc.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.medoc.products.dem.DemSyntheticSets;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chain crash and multi-node tests share: a PostgreSQL server run by the test JVM (zonky's embedded
 * PostgreSQL 17, the real server), which every medoc node of the test uses as its external database and the test
 * reads to check the outcome; synthetic AIA sets; and the settings that make leases short enough to watch.
 */
final class ChainFixture implements AutoCloseable {

    /** The DEM sets' reference times: every 30 min from here. */
    static final Instant FIRST = Instant.parse("2021-06-01T00:00:00Z");
    static final Duration CADENCE = Duration.ofMinutes(30);

    private final EmbeddedPostgres postgres;
    private final List<String> shared = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final long createdAt = System.nanoTime();

    ChainFixture(Path directory) throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg")).setCleanDataDirectory(true).start();
    }

    /** Prints a step with the seconds since the fixture started, for the test's report. */
    void step(String what) {
        System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - createdAt) / 1e9, what);
    }

    /** Adds settings every node and command gets from now on (a shared object store). */
    void share(List<String> settings) {
        shared.addAll(settings);
    }

    /** The settings every node gets: the shared database, and leases of 6 s renewed every second. */
    List<String> settings() {
        List<String> settings = new ArrayList<>(shared);
        settings.addAll(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--medoc.products.lease=6s", "--medoc.products.heartbeat=1s",
                "--medoc.products.polling-interval=500ms",
                "--logging.level.org.medoc.products=INFO"));
        return settings;
    }

    /** Writes {@code count} six-channel AIA sets of {@code size}² pixels, 30 min apart from {@link #FIRST}. */
    static void writeSets(Path directory, int count, int size) throws IOException {
        DemSyntheticSets sets = new DemSyntheticSets();
        for (int i = 0; i < count; i++) {
            sets.write(DemSyntheticSets.Scene.ACTIVE_REGION, size, FIRST.plus(CADENCE.multipliedBy(i)), 100 + i, true, directory);
        }
    }

    /** The interval covering {@code count} sets, as the product-runs API takes it. */
    static String interval(int count) {
        return "{\"type\":\"dem\",\"from\":\"" + FIRST + "\",\"to\":\"" + FIRST.plus(CADENCE.multipliedBy(count - 1)) + "\"}";
    }

    /**
     * An administrator for the API: {@code medoc users create-admin}, then the password change its owner would make
     * at the first log-in (done here in the database: a one-time password is refused on the API).
     */
    String createAdmin(Path cliData, String name) throws Exception {
        PackagedMedoc.Run created = new PackagedMedoc(cliData).run(with("users", "create-admin", name));
        assertThat(created.exitCode()).as(created.output()).isZero();
        Matcher password = Pattern.compile("One-time password \\(shown only now\\): (\\S+)").matcher(created.output());
        assertThat(password.find()).as(created.output()).isTrue();
        update("UPDATE auth.app_user SET password_change_required = false WHERE username = '" + name + "'");
        return password.group(1);
    }

    /**
     * Ingests {@code incoming} on the data directory {@code ingestData} and creates the administrator {@code chainops}
     * on {@code cliData}, at the same time (two JVM starts in parallel; Flyway serialises their migrations with a
     * lock); returns the administrator's password.
     */
    String ingestAndCreateAdmin(Path ingestData, Path incoming, Path cliData) throws Exception {
        try (var both = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var ingest = both.submit(() -> new PackagedMedoc(ingestData).run(with("ingest", incoming.toString())));
            var admin = both.submit(() -> createAdmin(cliData, "chainops"));
            PackagedMedoc.Run ingested = ingest.get();
            assertThat(ingested.exitCode()).as(ingested.output()).isZero();
            return admin.get();
        }
    }

    /** A command line with the shared settings appended. */
    String[] with(String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(settings());
        return arguments.toArray(String[]::new);
    }

    long count(String sql) throws SQLException {
        return ((Number) rows(sql).getFirst().values().iterator().next()).longValue();
    }

    List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    void update(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
        }
    }

    /** Whether the products schema exists yet (the first node migrates). */
    boolean migrated() throws SQLException {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'products' AND table_name = 'run'") > 0;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration patience, Check condition, BooleanSupplier stillWorth) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline || !stillWorth.getAsBoolean()) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The invariants of a finished backlog: one product, one SUCCEEDED run and one set of files per set. */
    void assertEveryProductMadeExactlyOnce(int sets) throws SQLException {
        assertThat(count("SELECT count(*) FROM products.product WHERE type = 'dem'")).as("products").isEqualTo(sets);
        assertThat(count("SELECT count(DISTINCT reference_time) FROM products.product WHERE type = 'dem'"))
                .as("reference times").isEqualTo(sets);
        assertThat(rows("SELECT instance_id, count(*) AS made FROM products.run WHERE type = 'dem' AND status = 'SUCCEEDED' "
                + "GROUP BY instance_id HAVING count(*) <> 1")).as("instances not made exactly once").isEmpty();
        assertThat(count("SELECT count(*) FROM products.run WHERE type = 'dem' AND status = 'SUCCEEDED'")).isEqualTo(sets);
        assertThat(count("SELECT count(*) FROM products.run WHERE status = 'RUNNING'")).as("runs left running").isZero();
        long files = count("SELECT count(*) FROM products.product_file f JOIN products.product p ON p.id = f.product_id "
                + "WHERE p.type = 'dem'");
        assertThat(files).as("files, the same number per product").isEqualTo(sets * (files / sets)).isGreaterThanOrEqualTo(2L * sets);
        assertThat(count("SELECT count(DISTINCT storage_key) FROM products.product_file")).as("no object shared or doubled")
                .isEqualTo(count("SELECT count(*) FROM products.product_file"));
    }

    /** The run a killed node left RUNNING, read right after the kill. */
    record KilledRun(long id, String instanceId) {}

    /** The one run {@code node} left RUNNING: the kill must have landed inside a run. */
    KilledRun runLeftRunningBy(String node) throws SQLException {
        List<Map<String, Object>> running = rows("SELECT id, instance_id FROM products.run WHERE node = '" + node
                + "' AND status = 'RUNNING'");
        assertThat(running).as("the kill landed inside a run of " + node).hasSize(1);
        return new KilledRun(((Number) running.getFirst().get("id")).longValue(), (String) running.getFirst().get("instance_id"));
    }

    /** Waits until every set has its product, no run is RUNNING and no product task is left in the scheduler. */
    void awaitBacklogDone(int sets, MedocNode worker) throws Exception {
        await("the backlog to be finished by " + worker.name, Duration.ofMinutes(6),
                () -> count("SELECT count(*) FROM products.product WHERE type = 'dem'") == sets
                        && count("SELECT count(*) FROM products.run WHERE status = 'RUNNING'") == 0
                        && count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'product-run'") == 0,
                worker::isAlive);
    }

    /** The killed run was closed as abandoned by the lease check, and its product made once, by {@code remadeBy}. */
    void assertRecovered(KilledRun killed, String deadNode, String remadeBy) throws SQLException {
        Map<String, Object> abandoned = rows("SELECT status, error FROM products.run WHERE id = " + killed.id()).getFirst();
        assertThat(abandoned.get("status")).isEqualTo("FAILED");
        assertThat((String) abandoned.get("error")).startsWith("abandoned: the lease of node " + deadNode + " expired at ");
        assertThat(rows("SELECT node FROM products.run WHERE instance_id = '" + killed.instanceId() + "' AND status = 'SUCCEEDED'"))
                .as("the killed run's product, made again").singleElement()
                .satisfies(run -> assertThat(run.get("node")).isEqualTo(remadeBy));
    }

    /** {@code medoc storage check} on {@code data} (a stopped node's directory) finds no orphan and nothing missing. */
    void assertStorageClean(Path data) throws Exception {
        PackagedMedoc.Run check = new PackagedMedoc(data).run(with("storage", "check", "--medoc.storage.orphan-min-age=0s"));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("0 orphans, 0 missing").doesNotContain("not checked");
        step("storage check clean");
    }

    /** Something to stop (SIGTERM) when the fixture closes, in reverse order of ownership. */
    <T extends AutoCloseable> T own(T started) {
        owned.add(started);
        return started;
    }

    /** Stops what the test started, then the database. */
    @Override
    public void close() throws Exception {
        for (AutoCloseable each : owned.reversed()) {
            each.close();
        }
        postgres.close();
    }
}
