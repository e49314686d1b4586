package org.medoc.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.TestData;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application killed with SIGKILL ({@link Process#destroyForcibly()}), as the OOM killer or
 * {@code kill -9} would, and started again at once on the same data directory: it answers, the killed run's
 * PostgreSQL is gone, and the catalogue holds every file exactly once. Issue 16.
 */
class RestartAfterKillIT {

    /** What the restart may take on a loaded 2-core CI machine; the issue asks for 20 s. */
    private static final Duration RESTART_ANSWERS_WITHIN = Duration.ofSeconds(20);

    @TempDir Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aServerKilledWhileIdleRestartsAtOnceWithoutItsPostgresAndRefusesASecondMedocMeanwhile() throws Exception {
        Path data = work.resolve("data");
        long firstStartedAt = System.nanoTime();
        Running first = start(data, "--server.port=" + freePort(), "--medoc.demo=false");
        first.awaitAnswer(Duration.ofMinutes(3));
        Duration firstStart = Duration.ofNanos(System.nanoTime() - firstStartedAt);
        long oldPostmaster = postmasterPid(data);

        long refusedAt = System.nanoTime();
        PackagedMedoc.Run second = new PackagedMedoc(data).run("ingest", work.toString());
        assertThat(second.exitCode()).as(second.output()).isNotZero();
        assertThat(second.output()).contains("data directory in use by medoc pid " + first.process.pid())
                .doesNotContain("\tat ").doesNotContain("Gave up waiting");
        assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).as("refusal time").isLessThan(Duration.ofSeconds(30));
        assertThat(first.process.isAlive()).as("the first medoc is left alone").isTrue();

        first.kill();
        long restartedAt = System.nanoTime();
        Running restarted = start(data, "--server.port=" + freePort(), "--medoc.demo=false");
        String answer = restarted.awaitAnswer(Duration.ofMinutes(3));
        Duration restart = Duration.ofNanos(System.nanoTime() - restartedAt);
        assertThat(answer).contains("\"total\":0");
        // the database's share of the restart (lock, leftover server, start) is what a SIGKILL used to break (a 60 s
        // wait, then failure); the rest is the application's ordinary start, 15-20 s on an idle 2-core machine and
        // much more on a loaded one, so the whole restart is held to the 20 s or, when the machine is so
        // loaded that the first start took longer, to twice that first start
        Matcher database = Pattern.compile("Embedded PostgreSQL 17 on port \\d+ with existing data in .* \\((\\d+) ms\\)")
                .matcher(restarted.output());
        assertThat(database.find()).as(restarted.output()).isTrue();
        assertThat(Long.parseLong(database.group(1))).as("ms for the database part of the restart").isLessThan(10_000);
        Duration allowed = firstStart.compareTo(RESTART_ANSWERS_WITHIN) > 0 ? firstStart.multipliedBy(2) : RESTART_ANSWERS_WITHIN;
        assertThat(restart).as("restart time after SIGKILL (first start took %s)\n%s", firstStart, restarted.output())
                .isLessThan(allowed);
        assertThat(isAlive(oldPostmaster)).as("the killed run's postmaster").isFalse();
        long newPostmaster = postmasterPid(data);
        assertThat(postgresProcessesIn(data.resolve("pg")))
                .as("every PostgreSQL process on the data directory belongs to the new server")
                .allMatch(p -> p.pid() == newPostmaster || p.parent().map(ProcessHandle::pid).orElse(-1L) == newPostmaster);

        restarted.process.destroy(); // SIGTERM: the normal stop still shuts PostgreSQL down cleanly
        assertThat(restarted.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        ProcessHandle.of(newPostmaster).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(isAlive(newPostmaster)).isFalse();
        assertThat(data.resolve("pg/postmaster.pid")).doesNotExist();
        assertThat(Files.readString(data.resolve("pg/log/server-control.log"))).contains("server started");
    }

    @Test
    void anIngestKilledMidBatchIsCompletedByTheNextRunWithNothingLostAndNothingDoubled() throws Exception {
        Path data = work.resolve("data");
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        List<Path> samples;
        try (Stream<Path> files = Files.list(TestData.fits())) {
            samples = files.filter(f -> f.toString().endsWith(".fits")).sorted().toList();
        }
        for (Path sample : samples) {
            Files.copy(sample, incoming.resolve(sample.getFileName()));
        }

        // one worker and batches of one file: rows are committed one by one, so a kill lands between commits of a
        // run that is under way (the default batches would commit the 17 small samples at once)
        Running killed = start(data, "ingest", incoming.toString(), "--medoc.ingest.workers=1", "--medoc.ingest.batch-size=1");
        Path archived = data.resolve("archive/fits");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (storedFiles(archived) < 2 && killed.process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long oldPostmaster = postmasterPid(data);
        killed.kill();
        assertThat(summaryLine().matcher(killed.output()).find()).as("the kill landed in the middle of the batch: "
                + killed.output()).isFalse();
        long storedWhenKilled = storedFiles(archived);
        assertThat(storedWhenKilled).isBetween(2L, samples.size() - 1L);
        // the progress lines count committed rows: the last one seen is a floor for what the killed run committed
        Matcher progress = Pattern.compile("\\(ingested (\\d+), skipped").matcher(killed.output());
        int committedSeen = 0;
        while (progress.find()) {
            committedSeen = Integer.parseInt(progress.group(1));
        }

        PackagedMedoc.Run rerun = new PackagedMedoc(data).run("ingest", incoming.toString());
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        Matcher summary = summaryLine().matcher(rerun.output());
        assertThat(summary.find()).as(rerun.output()).isTrue();
        int ingested = Integer.parseInt(summary.group(1));
        int skipped = Integer.parseInt(summary.group(2));
        assertThat(ingested + skipped).as("every file accounted for once").isEqualTo(samples.size());
        assertThat(ingested).as("the files the killed run did not reach").isPositive();
        assertThat(skipped).as("the files the killed run committed are kept").isGreaterThanOrEqualTo(committedSeen);
        assertThat(storedFiles(archived)).as("one stored copy per file").isEqualTo(samples.size());
        assertThat(isAlive(oldPostmaster)).as("the killed run's postmaster").isFalse();
    }

    /** The summary line of {@code medoc ingest} (progress lines put their counts in parentheses). */
    private static Pattern summaryLine() {
        return Pattern.compile("(?m)^ingested (\\d+), skipped (\\d+) \\(already present\\), quarantined 0");
    }

    /** A started application whose output is collected while it runs. */
    private record Running(Process process, StringBuffer collected, int port) {

        String output() {
            return collected.toString();
        }

        /** SIGKILL, then wait until the JVM is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        /** Polls the health check of docs/operations.md until it answers 200; returns the body. */
        String awaitAnswer(Duration patience) throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/observations?size=1"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the application died:\n" + output()).isTrue();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return response.body();
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no answer within " + patience + ":\n" + output());
        }
    }

    private Running start(Path data, String... arguments) throws IOException {
        int port = 0;
        for (String argument : arguments) {
            if (argument.startsWith("--server.port=")) {
                port = Integer.parseInt(argument.substring("--server.port=".length()));
            }
        }
        Process process = new PackagedMedoc(data).start(arguments);
        started.add(process);
        return new Running(process, PackagedMedoc.collectOutput(process), port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("pg/postmaster.pid")).getFirst().strip());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Processes working in the directory: a postmaster and its children work in their data directory. */
    private static List<ProcessHandle> postgresProcessesIn(Path pg) throws IOException {
        Path directory = pg.toRealPath();
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                return Path.of("/proc", Long.toString(p.pid()), "cwd").toRealPath().equals(directory);
            } catch (IOException | SecurityException e) {
                return false;
            }
        }).toList();
    }

    private static long storedFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }
}
