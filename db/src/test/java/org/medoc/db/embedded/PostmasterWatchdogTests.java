package org.medoc.db.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PostmasterWatchdogTests {

    @TempDir Path dataDir;

    @Test
    void theServerStopsWithinSecondsWhenItsMedocIsKilled() throws Exception {
        Path pg = dataDir.resolve("pg");
        long postmaster = ChildMedoc.startAndKill(ChildMedoc.Mode.MEDOC, pg);
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(LeftoverPostmasterTests.isAlive(postmaster)).as("postmaster of the killed medoc").isFalse();
        assertThat(pg.resolve(LeftoverPostmaster.PID_FILE)).as("a fast shutdown removes its pid file").doesNotExist();
        assertThat(Files.readString(EmbeddedDatabase.controlLog(pg)))
                .contains("medoc watchdog: medoc pid").contains("fast shutdown of PostgreSQL pid " + postmaster);
    }

    @Test
    void aNormalCloseStopsTheServerAndTheWatchdogAndFreesTheLock() throws Exception {
        Path pg = dataDir.resolve("pg");
        EmbeddedDatabase database = EmbeddedDatabase.start(pg);
        long postmaster = database.postmasterPid();
        ProcessHandle watchdog = database.watchdog().process();
        assertThat(watchdog.isAlive()).isTrue();

        database.close();

        // pg_ctl stop returns once postmaster.pid is gone, a moment before the process has exited
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
        assertThat(LeftoverPostmasterTests.isAlive(postmaster)).isFalse();
        assertThat(watchdog.onExit().orTimeout(5, TimeUnit.SECONDS).join().isAlive()).isFalse();
        assertThat(pg.resolve(LeftoverPostmaster.PID_FILE)).doesNotExist();
        DataDirectoryLock.acquire(pg).close();
    }
}
