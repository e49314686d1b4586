package org.medoc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.SelectionRules;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application killed with SIGKILL in the middle of a release's freeze and again while DataCite (a stateful
 * stand-in in this JVM) holds the publish call open, then started again on the same data directory. Afterwards the
 * release is in one consistent state, its package's manifest agrees with its files, DataCite holds exactly our state
 * for each DOI (the registrar sent what the killed run could not, the reconciler repairs a DOI changed behind our
 * back) and nothing is doubled: one FROZEN and one PUBLISHED event, one DataCite record per DOI, no POST.
 */
class ReleaseCrashIT {

    private static final String MANAGER = "release-manager";
    private static final String PASSWORD = "crash-test: kill nine, publish twice?";
    private static final String COLLECTION = "crash";
    private static final String VERSION = "1.0";
    private static final String DOI = "10.80000/idoc.medoc.crash.1.0";
    private static final String CONCEPT_DOI = "10.80000/idoc.medoc.crash";
    private static final String RELEASE = "/api/v1/releases/" + COLLECTION + "/" + VERSION;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path work;

    private final List<Process> started = new ArrayList<>();
    private DataCiteStandIn dataCite;

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (dataCite != null) {
            dataCite.close();
        }
    }

    @Test
    void aReleaseKilledDuringFreezeAndDuringADataCiteCallEndsConsistentWithDataCiteAndNothingDoubled() throws Exception {
        dataCite = new DataCiteStandIn();
        Path data = work.resolve("data");
        Path incoming = work.resolve("incoming");
        // 48 AIA images of 1024² float pixels (4 MB each): a freeze reads ~200 MB, long enough to be killed in the middle
        List<Path> files = new DemoObservations(1024, 11).write(incoming, Instant.parse("2019-03-01T08:00:00Z"), 8);
        PackagedMedoc.Run ingest = new PackagedMedoc(data).run(arguments(0, "ingest", incoming.toString()));
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();

        Running app = start(data);
        Api api = new Api(app.port());
        HttpResponse<String> created = api.send("POST", "/api/v1/releases", draft());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitTrue("DataCite holds the draft DOI", Duration.ofSeconds(60),
                () -> dataCite.dois().containsKey(DOI) && dataCite.dois().get(DOI).state().equals("draft"));

        // (a) SIGKILL while the freeze reads the files (the process has read a tenth of them)
        long readBefore = bytesRead(app.process());
        CompletableFuture<HttpResponse<String>> freeze = api.sendAsync("POST", RELEASE + "/freeze", null);
        awaitTrue("the freeze reads the files", Duration.ofSeconds(120),
                () -> freeze.isDone() || bytesRead(app.process()) - readBefore > 20_000_000L);
        assertThat(freeze.isDone()).as("the kill lands before the freeze answered").isFalse();
        long readWhenKilled = bytesRead(app.process()) - readBefore;
        app.kill();

        Running second = start(data);
        api = new Api(second.port());
        JsonNode afterFreezeKill = api.json(RELEASE);
        System.out.printf("ReleaseCrashIT: freeze killed after reading %d MB; after the restart the release was %s%n",
                readWhenKilled / 1_000_000, afterFreezeKill.path("state").asString());
        if (afterFreezeKill.path("state").asString().equals("DRAFT")) {
            assertThat(afterFreezeKill.path("fileCount").isNull()).as("a draft holds no files").isTrue();
            HttpResponse<String> again = api.send("POST", RELEASE + "/freeze", null);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        }
        JsonNode frozen = api.json(RELEASE);
        assertThat(frozen.path("state").asString()).isEqualTo("FROZEN");
        int fileCount = frozen.path("fileCount").asInt();
        assertThat(fileCount).as("every AIA image selected").isEqualTo((int) files.stream()
                .filter(f -> f.getFileName().toString().startsWith("aia.")).count());

        // (b) SIGKILL while DataCite holds the publish call open; the held call is then dropped, never applied
        dataCite.holdNextPublish();
        HttpResponse<String> published = api.send("POST", RELEASE + "/publish", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(JSON.readTree(published.body()).path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(JSON.readTree(published.body()).path("doiRegistration").path("status").asString())
                .as("published here before DataCite is called").isEqualTo("PENDING");
        assertThat(dataCite.awaitHeldCall(120)).as("the registrar calls DataCite").isTrue();
        second.kill();
        dataCite.dropHeldCall();
        assertThat(dataCite.dois().get(DOI).state()).isEqualTo("draft");

        long restartedAt = System.nanoTime();
        Running third = start(data);
        Api restarted = new Api(third.port());
        String landing = "http://localhost:" + third.port() + "/releases/" + COLLECTION + "/" + VERSION;
        awaitTrue("the registrar sends the publication the killed run could not", Duration.ofMinutes(3), () -> {
            JsonNode release = restarted.json(RELEASE);
            return release.path("doiRegistration").path("status").asString().equals("DONE")
                    && release.path("doiState").asString().equals("findable")
                    && "findable".equals(dataCite.dois().get(DOI).state())
                    && dataCite.dois().containsKey(CONCEPT_DOI) && "findable".equals(dataCite.dois().get(CONCEPT_DOI).state());
        });
        System.out.printf("ReleaseCrashIT: DataCite held our state %d s after the restart began (start-up included)%n",
                Duration.ofNanos(System.nanoTime() - restartedAt).toSeconds());
        JsonNode release = restarted.json(RELEASE);
        assertThat(release.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(release.path("fileCount").asInt()).isEqualTo(fileCount);
        assertThat(dataCite.dois().get(DOI).url()).isEqualTo(landing);
        assertThat(dataCite.dois().keySet()).as("one DataCite record per DOI we have").containsExactlyInAnyOrder(DOI, CONCEPT_DOI);
        assertThat(dataCite.refused()).as("no DOI was ever POSTed into existence").isZero();
        List<String> actions = new ArrayList<>();
        JSON.readTree(restarted.send("GET", RELEASE + "/history", null).body()).forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).containsOnlyOnce("CREATED", "FROZEN", "PUBLISHED");

        assertPackageAgreesWithItsManifest(restarted, fileCount);

        // someone hides the DOI at DataCite: the reconciler finds it and the registrar makes it findable again
        dataCite.change(DOI, "registered");
        awaitTrue("the reconciler repairs the DOI", Duration.ofMinutes(2),
                () -> "findable".equals(dataCite.dois().get(DOI).state())
                        && restarted.json(RELEASE).path("doiRegistration").path("status").asString().equals("DONE"));
        List<String> repaired = new ArrayList<>();
        JSON.readTree(restarted.send("GET", RELEASE + "/history", null).body()).forEach(e -> repaired.add(e.path("action").asString()));
        assertThat(repaired).contains("DOI_REPAIR_QUEUED").containsOnlyOnce("PUBLISHED");
    }

    /** The BagIt package: one SHA-512 manifest line per file, each file's bytes matching its line, nothing else. */
    private static void assertPackageAgreesWithItsManifest(Api api, int fileCount) throws Exception {
        HttpResponse<byte[]> zip = api.bytes("/releases/" + COLLECTION + "/" + VERSION + "/package.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, String> manifest = new HashMap<>();
        Map<String, String> payload = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                String name = entry.getName().replaceFirst("^[^/]+/", "");
                byte[] bytes = entries.readAllBytes();
                if (name.equals("manifest-sha512.txt")) {
                    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                        String[] parts = line.strip().split("\\s+", 2);
                        manifest.put(parts[1], parts[0]);
                    }
                } else if (name.startsWith("data/") && !entry.isDirectory()) {
                    payload.put(name, java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes)));
                }
            }
        }
        assertThat(manifest).hasSize(fileCount);
        assertThat(payload).as("the package holds exactly the manifest's files, byte for byte").isEqualTo(manifest);
    }

    private static String draft() {
        ReleaseMetadata metadata = new ReleaseMetadata("AIA crash-test release", List.of(ReleaseMetadata.Creator.organisation("MEDOC")),
                new ReleaseMetadata.Publisher("MEDOC", null), null, "Synthetic AIA images released while being killed.", null,
                List.of("Solar physics"), new ReleaseMetadata.License("CC-BY-4.0", "Creative Commons Attribution 4.0 International",
                "https://creativecommons.org/licenses/by/4.0/"), List.of(), List.of(), List.of(), null);
        SelectionRules selection = new SelectionRules(List.of("AIA"), null, null, null, null, null, null, null, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("collection", COLLECTION);
        body.put("collectionTitle", "Crash test");
        body.put("version", VERSION);
        body.put("metadata", metadata);
        body.put("selection", selection);
        return JSON.writeValueAsString(body);
    }

    /** Demo accounts only (no demo data), DataCite at the stand-in, registrar and reconciler on short periods. */
    private String[] arguments(int port, String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        if (port > 0) {
            arguments.add("--server.port=" + port);
            arguments.add("--medoc.release.public-base-url=http://localhost:" + port);
        }
        arguments.addAll(List.of("--medoc.demo=true", "--medoc.demo.password=" + PASSWORD, "--medoc.demo.archive=false",
                "--medoc.demo.releases=false", "--medoc.demo.golf=false", "--medoc.demo.planning=false",
                "--medoc.products.scan-interval=24h",
                "--medoc.release.doi.endpoint=" + dataCite.endpoint(), "--medoc.release.doi.repository-id=TEST.MEDOC",
                "--medoc.release.doi.password=stand-in", "--medoc.release.doi.prefix=10.80000",
                "--medoc.release.doi.max-attempts=1",
                "--medoc.release.registrar.send-every=PT1S", "--medoc.release.registrar.reconcile-every=PT3S",
                "--medoc.release.registrar.heartbeat=PT1S", "--medoc.release.registrar.claim=PT5S",
                "--medoc.release.registrar.first-retry=PT1S", "--medoc.release.registrar.longest-retry=PT2S"));
        return arguments.toArray(String[]::new);
    }

    private Running start(Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new PackagedMedoc(data).start(arguments(port));
        started.add(process);
        StringBuffer collected = PackagedMedoc.collectOutput(process);
        Running running = new Running(process, collected, port);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/observations?size=1"))
                .timeout(Duration.ofSeconds(5)).build();
        awaitTrue("the application answers:\n" + collected, Duration.ofMinutes(3), () -> {
            assertThat(process.isAlive()).as("the application died:\n" + collected).isTrue();
            try {
                return client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return running;
    }

    /** Bytes the process has read so far (Linux {@code /proc/<pid>/io}, rchar). */
    private static long bytesRead(Process process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io"))) {
                if (line.startsWith("rchar:")) {
                    return Long.parseLong(line.substring(6).strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + process.pid() + "/io", e);
        }
        throw new IllegalStateException("no rchar in /proc/" + process.pid() + "/io");
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Duration patience, Check check) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private record Running(Process process, StringBuffer output, int port) {
        /** SIGKILL, then wait until the JVM is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The REST API as a script uses it: HTTP Basic sent up front, no cookies kept, so no CSRF token is involved. */
    private record Api(int port) {
        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        private HttpRequest request(String method, String path, String json) {
            String credentials = Base64.getEncoder().encodeToString((MANAGER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build();
        }

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return CLIENT.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        }

        CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String json) {
            return CLIENT.sendAsync(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return CLIENT.send(request("GET", path, null), HttpResponse.BodyHandlers.ofByteArray());
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}
