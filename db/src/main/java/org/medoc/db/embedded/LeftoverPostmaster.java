package org.medoc.db.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PostgreSQL server still running on medoc's data directory although no live medoc owns it (the caller holds the
 * {@link DataDirectoryLock}): what a medoc killed before its watchdog could act leaves behind. It is recognised by
 * {@code postmaster.pid} naming a live process whose working directory is the data directory (a postmaster changes
 * into its data directory, so a recycled pid of an unrelated process never matches), and stopped with PostgreSQL's
 * fast shutdown (SIGINT), which rolls back open transactions and writes a checkpoint: crash safety stays PostgreSQL's
 * job. A {@code postmaster.pid} whose process is gone or is someone else is stale, and is removed so that PostgreSQL
 * does not refuse to start.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    static final String PID_FILE = "postmaster.pid";

    private LeftoverPostmaster() {
    }

    /** What {@link #stopIfRunning} found. */
    enum Outcome { NONE, STALE_PID_FILE_REMOVED, STOPPED }

    /**
     * Stops the server left running on {@code pgDirectory}, waiting up to {@code fastShutdownWait} for the fast
     * shutdown and a little more for an immediate one (SIGQUIT) if the fast one hangs.
     */
    static Outcome stopIfRunning(Path pgDirectory, Duration fastShutdownWait) {
        Path pidFile = pgDirectory.resolve(PID_FILE);
        OptionalLong recorded = recordedPid(pidFile);
        if (recorded.isEmpty()) {
            return Outcome.NONE;
        }
        long pid = recorded.getAsLong();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !runsIn(pid, pgDirectory)) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("cannot remove the stale " + PID_FILE + " of pid " + pid, pidFile,
                        "delete it by hand (no medoc and no PostgreSQL uses it) and start again", e);
            }
            log.warn("Removed the stale {} of pid {} (no PostgreSQL of this data directory runs as that pid)", pidFile, pid);
            return Outcome.STALE_PID_FILE_REMOVED;
        }
        log.warn("A PostgreSQL server (pid {}) left by a previous medoc still runs on {}: fast shutdown", pid, pgDirectory);
        long started = System.nanoTime();
        signal("INT", pid);
        if (!waitForExit(process.get(), fastShutdownWait)) {
            log.warn("PostgreSQL pid {} did not finish its fast shutdown in {} s: immediate shutdown (it recovers at start)",
                    pid, fastShutdownWait.toSeconds());
            signal("QUIT", pid);
            if (!waitForExit(process.get(), Duration.ofSeconds(10))) {
                throw new EmbeddedDatabaseException("a PostgreSQL server (pid " + pid
                        + ") left by a previous medoc runs on the data directory and does not stop", pgDirectory,
                        "stop it (kill " + pid + ", or kill -9 " + pid + " if it hangs) and start medoc again");
            }
        }
        log.warn("Stopped the leftover PostgreSQL pid {} in {} ms", pid, (System.nanoTime() - started) / 1_000_000);
        return Outcome.STOPPED;
    }

    /** The pid on the first line of {@code postmaster.pid}, if the file exists and starts with one. */
    static OptionalLong recordedPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (!lines.isEmpty() && lines.getFirst().strip().matches("\\d+")) {
                return OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether process {@code pid} works in {@code directory}: a postmaster's working directory is its data directory. */
    static boolean runsIn(long pid, Path directory) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(pid), "cwd").toRealPath(), directory);
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's process: a postmaster of our directory would run as us
        }
    }

    /** Sends a signal by name through the shell's {@code kill} (the JDK only sends TERM and KILL). */
    static void signal(String name, long pid) {
        try {
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + name + " \"$1\"", "medoc-signal", Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run sh to signal pid " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }
}
