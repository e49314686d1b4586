package org.medoc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged application on an external PostgreSQL, as a deployment with several nodes runs it (docs/operations.md):
 * a role that is no superuser and owns an empty database, given by {@code spring.datasource.url}. Flyway applies every
 * migration as that role, the demo ingests its files, a search and a download answer, and a restart finds the schema
 * up to date and the catalogue as it was. {@code .ci/run} starts Debian's PostgreSQL server for it
 * ({@code .ci/external-postgres}); by hand:
 * <pre>source .ci/external-postgres &amp;&amp; external_postgres_start</pre>
 * then run this test in the same shell. The test empties the database it is given ({@code DROP OWNED BY} the role).
 */
class ExternalDatabaseIT {

    static final String HOW_TO_ENABLE = "set MEDOC_TEST_PG_URL (jdbc:postgresql://host:port/db), MEDOC_TEST_PG_USER and "
            + "MEDOC_TEST_PG_PASSWORD to a throw-away database owned by a role without superuser rights, e.g. with "
            + "'source .ci/external-postgres && external_postgres_start' (Debian's postgresql package), as .ci/run does";

    @TempDir Path work;

    private String url;
    private String user;
    private String password;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void externalDatabase() {
        url = System.getenv("MEDOC_TEST_PG_URL");
        user = System.getenv("MEDOC_TEST_PG_USER");
        password = System.getenv("MEDOC_TEST_PG_PASSWORD");
        if (url == null || url.isBlank() || user == null || user.isBlank() || password == null) {
            String message = "no external PostgreSQL for this test: " + HOW_TO_ENABLE;
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theApplicationMigratesServesAndRestartsOnAnExternalDatabaseAsARoleWithoutSuperuserRights() throws Exception {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            assertThat(queryString(sql, "SELECT rolsuper::text || ',' || rolcreaterole::text || ',' || rolcreatedb::text "
                    + "FROM pg_roles WHERE rolname = current_user")).as("the test role's rights").isEqualTo("false,false,false");
            sql.execute("DROP OWNED BY CURRENT_USER"); // a fresh start: every schema, table and row of earlier runs
        }
        Path data = work.resolve("data");

        Running first = start(data);
        first.awaitLine("Demo archive: ", Duration.ofMinutes(4));
        String search = first.get("/api/v1/observations?size=5&sort=id,asc");
        long total = total(search);
        assertThat(total).as(search).isPositive();
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(search);
        assertThat(id.find()).as(search).isTrue();
        HttpResponse<byte[]> file = first.download("/api/v1/observations/" + id.group(1) + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 30, StandardCharsets.US_ASCII)).startsWith("SIMPLE  =");
        assertThat(file.body().length % 2880).as("a whole number of FITS blocks").isZero();
        assertThat(first.output()).as("the embedded database stays off").doesNotContain("Embedded PostgreSQL");

        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            assertThat(queryString(sql, "SELECT count(*)::text || ',' || count(*) FILTER (WHERE success)::text || ',' "
                    + "|| count(DISTINCT installed_by)::text || ',' || min(installed_by) FROM flyway_schema_history "
                    + "WHERE version IS NOT NULL")).as("migrations: applied, successful, by how many roles, which")
                    .matches("(\\d+),\\1,1," + Pattern.quote(user));
            assertThat(queryString(sql, "SELECT string_agg(DISTINCT pg_get_userbyid(nspowner), ',') FROM pg_namespace WHERE "
                    + "nspname IN ('archive', 'products', 'releases', 'planning', 'auth', 'ops', 'audit')")).isEqualTo(user);
            assertThat(queryString(sql, "SELECT count(*)::text FROM pg_namespace WHERE nspname IN "
                    + "('archive', 'products', 'releases', 'planning', 'auth', 'ops', 'audit')")).isEqualTo("7");
        }

        first.process.destroy(); // SIGTERM, as systemd stops a node
        assertThat(first.process.waitFor(90, TimeUnit.SECONDS)).as(first.output()).isTrue();

        Running restarted = start(data);
        restarted.awaitLine("Started ", Duration.ofMinutes(3));
        String again = restarted.get("/api/v1/observations?size=5&sort=id,asc");
        assertThat(total(again)).as("the restart finds the catalogue as it was, nothing ingested twice").isEqualTo(total);
        assertThat(restarted.output()).contains("No migration necessary")
                .doesNotContain(" ERROR ");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String queryString(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static long total(String searchAnswer) {
        Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(searchAnswer);
        assertThat(total.find()).as(searchAnswer).isTrue();
        return Long.parseLong(total.group(1));
    }

    private Running start(Path data) throws IOException {
        int port = freePort();
        // the password goes by the environment, not the command line other users of the machine can read
        Process process = new PackagedMedoc(data).start(Map.of("SPRING_DATASOURCE_PASSWORD", password),
                "--server.port=" + port, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--medoc.demo=true", "--medoc.demo.password=" + UUID.randomUUID(),
                // a product task still running at SIGTERM is taken up again after the restart: no need to wait for it
                "--medoc.products.shutdown-wait=5s");
        started.add(process);
        return new Running(process, PackagedMedoc.collectOutput(process), port);
    }

    /** A started application whose output is collected while it runs. */
    private record Running(Process process, StringBuffer collected, int port) {

        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        String output() {
            return collected.toString();
        }

        void awaitLine(String text, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!output().contains(text)) {
                assertThat(process.isAlive()).as("the application died:\n" + output()).isTrue();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' within " + patience + ":\n" + output());
                }
                Thread.sleep(200);
            }
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = CLIENT.send(request(path), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
            return CLIENT.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpRequest request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
