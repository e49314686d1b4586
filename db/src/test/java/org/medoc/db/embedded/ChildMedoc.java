package org.medoc.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM that owns an embedded database the way a medoc does, so that tests can SIGKILL it
 * ({@link Process#destroyForcibly()}) and look at what it leaves behind. It prints {@code CHILD <value>} once ready
 * and then waits until its standard input closes.
 */
final class ChildMedoc implements AutoCloseable {

    enum Mode {
        /** Only holds the data-directory lock; prints its pid. */
        LOCK,
        /** Starts the server as medoc does ({@link EmbeddedDatabase}); prints the postmaster pid. */
        MEDOC,
        /** Starts a bare zonky server as medoc did before it had a watchdog, with a table; prints the postmaster pid. */
        BARE_SERVER
    }

    private final Process process;
    private final String value;

    private ChildMedoc(Process process, String value) {
        this.process = process;
        this.value = value;
    }

    static ChildMedoc start(Mode mode, Path pgDirectory) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildMedoc.class.getName(), mode.name(), pgDirectory.toString())
                .redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        String value = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    output.append(line).append('\n');
                    if (line.startsWith("CHILD ")) {
                        return line.substring("CHILD ".length());
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(90, TimeUnit.SECONDS);
        if (value == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not get ready:\n" + output);
        }
        Thread.ofVirtual().start(() -> { // keep draining so that the child never blocks on a full pipe
            try {
                reader.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        return new ChildMedoc(process, value);
    }

    /** Starts a child, SIGKILLs it once ready and returns what it printed (a pid). */
    static long startAndKill(Mode mode, Path pgDirectory) throws Exception {
        try (ChildMedoc child = start(mode, pgDirectory)) {
            child.kill();
            return child.pid();
        }
    }

    /** What the child printed once ready (a pid). */
    long pid() {
        return Long.parseLong(value);
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    /** SIGKILL, as the OOM killer or {@code kill -9} would; returns once the JVM is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path pgDirectory = Path.of(args[1]);
        AutoCloseable owned;
        long value;
        switch (Mode.valueOf(args[0])) {
            case LOCK -> {
                owned = DataDirectoryLock.acquire(pgDirectory);
                value = ProcessHandle.current().pid();
            }
            case MEDOC -> {
                EmbeddedDatabase database = EmbeddedDatabase.start(pgDirectory);
                owned = database;
                value = database.postmasterPid();
            }
            default -> {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pgDirectory)
                        .setCleanDataDirectory(false).start();
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE kept (note text)");
                    statement.execute("INSERT INTO kept VALUES ('still here')");
                }
                owned = postgres;
                value = LeftoverPostmaster.recordedPid(pgDirectory.resolve(LeftoverPostmaster.PID_FILE)).orElseThrow();
            }
        }
        System.out.println("CHILD " + value);
        System.out.flush();
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        owned.close();
    }
}
