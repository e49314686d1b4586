package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.StorageCheck;
import org.medoc.archive.storage.StorageMigration;
import org.medoc.archive.storage.StorageMigration.Kind;
import org.medoc.archive.storage.StorageMigration.Progress;

import java.time.Duration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** {@code medoc storage check [--delete]} and {@code medoc storage migrate --to s3|local}: what it prints and the exit code scripts read. */
class StorageCommandTests {

    private final StorageCheck check = mock(StorageCheck.class);
    private final StorageMigration migration = mock(StorageMigration.class);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new StorageCommand(check, migration).run(List.of(arguments), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReportListsOrphansAndMissingObjectsAndExitsWithOne() throws Exception {
        when(check.run(false)).thenReturn(new StorageCheck.Report(12, List.of("fits/00/orphan.fits"),
                List.of("fits/ab/lost.fits"), 0, List.of(), Map.of("products/", 3L)));

        assertThat(run("check")).isEqualTo(1);

        assertThat(output()).contains("checked 12 objects", "orphan (no record refers to it): fits/00/orphan.fits",
                "missing (a record refers to it): fits/ab/lost.fits", "not checked: 3 objects under products/",
                "1 orphans, 1 missing");
    }

    @Test
    void deletingEveryOrphanOfAConsistentCatalogueExitsWithZero() throws Exception {
        when(check.run(true)).thenReturn(new StorageCheck.Report(5, List.of("fits/00/orphan.fits"), List.of(), 1,
                List.of(), Map.of()));

        assertThat(run("check", "--delete")).isEqualTo(0);

        verify(check).run(true);
        assertThat(output()).contains("1 orphans, 0 missing, 1 orphans deleted");
    }

    @Test
    void anythingButCheckIsAUsageError() {
        assertThat(run("fix")).isEqualTo(2);
        assertThat(output()).contains("usage: medoc storage check [--delete]");
    }

    @Test
    void aMigrationWithObjectsLeftBehindListsThemAndExitsWithOne() throws Exception {
        stores();
        when(migration.migrate(eq(Kind.S3), any())).thenReturn(new StorageMigration.Report("file:/data/archive/",
                "s3://archive/", new Progress(40, 4_000_000_000L, 40, 37, 2, 1, 4_000_000_000L, Duration.ofSeconds(40)),
                List.of(new StorageMigration.Failure("fits/ab/rotten.fits", "the source no longer matches its record"))));

        assertThat(run("migrate", "--to", "s3")).isEqualTo(1);

        assertThat(output()).contains("copying every object from file:/data/archive/ to s3://archive/",
                "40/40 objects, 4.0 GB of 4.0 GB, 100.0 MB/s, ETA 0:00:00, 1 failed",
                "not moved: fits/ab/rotten.fits: the source no longer matches its record",
                "37 copied, 2 already there and verified, 1 not moved").doesNotContain("next:");
    }

    @Test
    void aCompleteMigrationSaysWhichSettingToSwitch() throws Exception {
        stores();
        when(migration.migrate(eq(Kind.S3), any())).thenReturn(new StorageMigration.Report("file:/data/archive/",
                "s3://archive/", new Progress(3, 300, 3, 3, 0, 0, 300, Duration.ofSeconds(1)), List.of()));

        assertThat(run("migrate", "--to=s3")).isEqualTo(0);

        assertThat(output()).contains("3 copied, 0 already there and verified, 0 not moved",
                "next: set medoc.storage=s3 on every node");
    }

    @Test
    void progressLinesGiveCountsSizesRateAndRemainingTime() {
        assertThat(StorageCommand.line(new Progress(4000, 48_000_000_000L, 120, 100, 20, 0, 1_500_000_000L,
                Duration.ofSeconds(15)))).isEqualTo("120/4000 objects, 1.5 GB of 48.0 GB, 100.0 MB/s, ETA 0:07:45, 0 failed");
        assertThat(StorageCommand.line(new Progress(10, 5_000_000, 0, 0, 0, 0, 0, Duration.ZERO)))
                .isEqualTo("0/10 objects, 0.0 MB of 5.0 MB, 0.0 MB/s, ETA unknown, 0 failed");
    }

    @Test
    void aMigrationNeedsItsTarget() {
        assertThat(run("migrate")).isEqualTo(2);
        assertThat(run("migrate", "--to", "ftp")).isEqualTo(2);
        assertThat(output()).contains("medoc storage migrate --to s3|local");
    }

    private void stores() throws Exception {
        ArchiveStore from = mock(ArchiveStore.class);
        ArchiveStore to = mock(ArchiveStore.class);
        when(from.location()).thenReturn("file:/data/archive/");
        when(to.location()).thenReturn("s3://archive/");
        when(migration.current()).thenReturn(from);
        when(migration.target(Kind.S3)).thenReturn(to);
    }
}
