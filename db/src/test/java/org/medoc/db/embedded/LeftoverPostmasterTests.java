package org.medoc.db.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoverPostmasterTests {

    @TempDir Path dataDir;

    @Test
    void aServerLeftByAKilledMedocIsStoppedAndTheNextStartServesItsData() throws Exception {
        Path pg = dataDir.resolve("pg");
        long leftover = ChildMedoc.startAndKill(ChildMedoc.Mode.BARE_SERVER, pg);
        assertThat(isAlive(leftover)).as("a bare zonky server outlives its killed JVM").isTrue();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(pg)) {
            assertThat(isAlive(leftover)).as("the leftover server is gone").isFalse();
            assertThat(database.postmasterPid()).isNotEqualTo(leftover);
            JdbcTemplate jdbc = jdbc(database);
            assertThat(jdbc.queryForObject("SELECT note FROM kept", String.class)).isEqualTo("still here");
        }
    }

    @Test
    void aPidFileNamingAnUnrelatedLiveProcessIsRemovedWithoutSignallingIt() throws Exception {
        Path pg = Files.createDirectories(dataDir.resolve("pg"));
        Files.writeString(pg.resolve(LeftoverPostmaster.PID_FILE), ProcessHandle.current().pid() + "\n" + pg + "\n");

        assertThat(LeftoverPostmaster.stopIfRunning(pg, Duration.ofSeconds(5)))
                .isEqualTo(LeftoverPostmaster.Outcome.STALE_PID_FILE_REMOVED);
        assertThat(pg.resolve(LeftoverPostmaster.PID_FILE)).doesNotExist();
    }

    @Test
    void aDirectoryWithoutPidFileHasNothingToStop() throws Exception {
        Path pg = Files.createDirectories(dataDir.resolve("pg"));
        assertThat(LeftoverPostmaster.stopIfRunning(pg, Duration.ofSeconds(5))).isEqualTo(LeftoverPostmaster.Outcome.NONE);
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A connection as medoc makes it: the application role with its password. */
    static JdbcTemplate jdbc(EmbeddedDatabase database) {
        return new JdbcTemplate(new SingleConnectionDataSource(database.jdbcUrl(), database.applicationUser(),
                database.applicationPassword(), true));
    }
}
