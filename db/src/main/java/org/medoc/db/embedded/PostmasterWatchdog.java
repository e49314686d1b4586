package org.medoc.db.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops the embedded PostgreSQL when the JVM that started it dies, however it dies. PostgreSQL is started through
 * {@code pg_ctl}, which detaches it, so it is no child that the kernel would take down with the JVM; and a SIGKILL
 * runs no shutdown hook. The watchdog is a small {@code sh} child whose standard input is a pipe held open by this
 * JVM alone: the kernel closes the pipe when the JVM ends, the watchdog's {@code read} then sees end-of-file at once
 * (no polling, no pid that could be recycled), and it sends the postmaster SIGINT, PostgreSQL's fast shutdown, if
 * {@code postmaster.pid} still names that postmaster. It ignores INT, TERM and HUP so that a Ctrl-C or a
 * {@code systemctl stop} aimed at the whole group cannot remove it before the JVM is gone; its output goes to the
 * server's log directory, never to a pipe of the dead JVM. It holds no lock, so it never delays a restart.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    /** $1: the data directory, $2: the postmaster pid, $3: the JVM pid (for the log line). */
    static final String SCRIPT = """
            trap '' INT TERM HUP
            while read -r _; do :; done
            { read -r pid < "$1/postmaster.pid"; } 2>/dev/null || exit 0
            if [ "$pid" = "$2" ]; then
              echo "$(date -u '+%Y-%m-%d %H:%M:%S UTC') medoc watchdog: medoc pid $3 is gone, fast shutdown of PostgreSQL pid $2"
              kill -INT "$2"
            fi
            """;

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Watches this JVM on behalf of the postmaster {@code postmasterPid} serving {@code pgDirectory}. */
    static PostmasterWatchdog start(Path pgDirectory, long postmasterPid, ProcessBuilder.Redirect output) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", SCRIPT, "medoc-pg-watchdog", pgDirectory.toString(),
                Long.toString(postmasterPid), Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(output).start();
        log.debug("PostgreSQL watchdog pid {} watches postmaster pid {}", process.pid(), postmasterPid);
        return new PostmasterWatchdog(process);
    }

    /** The watchdog's own process, for tests and the log. */
    ProcessHandle process() {
        return process.toHandle();
    }

    /**
     * Ends the watchdog after a normal shutdown of the server: closing its input is exactly what the JVM's death
     * does, and with {@code postmaster.pid} gone it just exits.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
