package org.medoc.db.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTests {

    @TempDir Path dataDir;

    @Test
    void theServerLogsToTheLogDirectoryOfItsDataDirectory() throws Exception {
        Path pg = dataDir.resolve("pg");
        EmbeddedDatabase.start(pg).close();           // creates the cluster
        try (EmbeddedDatabase database = EmbeddedDatabase.start(pg)) {
            LeftoverPostmasterTests.jdbc(database).execute("DO $$ BEGIN RAISE LOG 'medoc log probe'; END $$");
        }
        try (var files = Files.list(pg.resolve("log"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .contains(EmbeddedDatabase.CONTROL_LOG).anyMatch(name -> name.matches("postgresql-\\w{3}\\.log"));
        }
        assertThat(Files.readString(EmbeddedDatabase.controlLog(pg))).contains("server started");
    }

    @Test
    void aServerThatRefusesToStartIsReportedAtOnceWithItsOwnReason() throws Exception {
        Path pg = dataDir.resolve("pg");
        EmbeddedDatabase.start(pg).close();
        Files.writeString(pg.resolve("postgresql.conf"), "shared_buffers = 'plenty'\n", StandardOpenOption.APPEND);

        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedDatabase.start(pg))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageStartingWith("the embedded PostgreSQL did not start: ")
                .hasMessageContaining("FATAL:").hasMessageContaining("postgresql.conf")
                .hasMessageContaining("see the server's log in " + pg.resolve("log"))
                .hasMessageNotContaining("\n");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the refusal").isLessThan(20_000);
        DataDirectoryLock.acquire(pg).close();
    }

    @Test
    void anInterruptedFirstStartIsReportedInOneLineWithWhatToDo() throws Exception {
        Path pg = Files.createDirectories(dataDir.resolve("pg"));
        Files.writeString(pg.resolve("PG_VERSION"), "17\n");

        assertThatThrownBy(() -> EmbeddedDatabase.start(pg))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("data directory is incomplete").hasMessageContaining(pg.toString())
                .hasMessageContaining("delete the directory and start again")
                .hasMessageNotContaining("\n");
        DataDirectoryLock.acquire(pg).close(); // the failed start let the lock go
    }

    @Test
    void theFailureAnalysisIsTheOneLineMessageAndItsAction() {
        EmbeddedDatabaseException failure = new EmbeddedDatabaseException("data directory in use by medoc pid 42",
                dataDir, "stop that medoc first");
        FailureAnalysis analysis = new EmbeddedDatabaseFailureAnalyzer()
                .analyze(new BeanCreationException("embeddedDatabase", "failed", failure));
        assertThat(analysis.getDescription()).isEqualTo("data directory in use by medoc pid 42 (" + dataDir + ")");
        assertThat(analysis.getAction()).isEqualTo("stop that medoc first");
    }
}
