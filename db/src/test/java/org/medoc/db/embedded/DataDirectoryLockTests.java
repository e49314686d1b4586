package org.medoc.db.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryLockTests {

    @TempDir Path dataDir;

    @Test
    void aDirectoryLockedByALiveMedocIsRefusedAtOnceWithItsPid() throws Exception {
        Path pg = dataDir.resolve("pg");
        try (ChildMedoc owner = ChildMedoc.start(ChildMedoc.Mode.LOCK, pg)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> DataDirectoryLock.acquire(pg))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessage("data directory in use by medoc pid " + owner.pid() + " (" + dataDir
                            + "): stop that medoc first, or give this one another --medoc.data-dir");
            assertThat((System.nanoTime() - started) / 1_000_000).as("refusal time in ms").isLessThan(1_000);
        }
    }

    @Test
    void theLockOfAMedocKilledWithSigkillIsFreeAtOnce() throws Exception {
        Path pg = dataDir.resolve("pg");
        try (ChildMedoc owner = ChildMedoc.start(ChildMedoc.Mode.LOCK, pg)) {
            owner.kill();
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(pg)) {
            assertThat(Files.readString(DataDirectoryLock.lockFile(pg)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aSecondStartInTheSameJvmIsRefusedWithThisPid() {
        Path pg = dataDir.resolve("pg");
        try (DataDirectoryLock first = DataDirectoryLock.acquire(pg)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(pg))
                    .hasMessageStartingWith("data directory in use by medoc pid " + ProcessHandle.current().pid() + " ");
        }
        DataDirectoryLock.acquire(pg).close();
    }

    @Test
    void theLockFileLivesBesideTheClusterSoThatInitdbFindsAnEmptyDirectory() {
        assertThat(DataDirectoryLock.lockFile(dataDir.resolve("pg"))).isEqualTo(dataDir.resolve("medoc.lock"));
    }

    @Test
    void aSpringApplicationOnALockedDirectoryIsRefusedBeforeItsContextIsBuilt() {
        Path pg = dataDir.resolve("pg");
        try (DataDirectoryLock held = DataDirectoryLock.acquire(pg)) {
            assertThatThrownBy(() -> probedApplication().run("--medoc.data-dir=" + dataDir))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageStartingWith("data directory in use by medoc pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void theProbeLeavesAnExternalDatabaseAlone() {
        Path pg = dataDir.resolve("pg");
        try (DataDirectoryLock held = DataDirectoryLock.acquire(pg)) {
            probedApplication().run("--medoc.data-dir=" + dataDir, "--spring.datasource.url=jdbc:postgresql://db.example/medoc").close();
        }
    }

    /** An empty Spring application with the probe that medoc's spring.factories registers. */
    private static SpringApplication probedApplication() {
        SpringApplication application = new SpringApplication(Object.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.addListeners(new DataDirectoryLockProbe());
        return application;
    }
}
