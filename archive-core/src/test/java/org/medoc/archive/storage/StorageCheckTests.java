package org.medoc.archive.storage;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage check finds objects no record refers to and records whose object is missing, deletes only old orphans
 * when asked; the start-up sweep removes what a crashed process left half-written.
 */
@SpringBootTest(classes = ArchiveTestApplication.class)
class StorageCheckTests {

    /** One directory for the whole context (a ${random.uuid} would differ at every place that reads it). */
    static final String DATA_DIR = "target/test-data/storage-check-" + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("medoc.data-dir", () -> DATA_DIR);
    }

    @Autowired StorageCheck check;
    @Autowired ArchiveStore store;
    @Autowired IngestService ingest;
    @Autowired StartupSweep sweep;

    private String fitsKey(IngestOutcome outcome) {
        return "fits/" + outcome.sha256().substring(0, 2) + "/" + outcome.sha256() + ".fits";
    }

    @Test
    void orphansAndMissingObjectsAreReportedAndOnlyOrphansDeleted() throws Exception {
        IngestOutcome kept = ingest.ingestFile(ArchiveTestApplication.sampleFits().resolve("aia_171_level1.fits"), "aia.fits", "test");
        IngestOutcome lost = ingest.ingestFile(ArchiveTestApplication.sampleFits().resolve("efz20040301.000010_s.fits"), "eit.fits", "test");
        store.delete(fitsKey(lost));
        // as a crash between storing a file and committing its row leaves it
        store.put("fits/00/00orphan.fits", new byte[] {1, 2, 3});
        store.put("products/x/1/unowned.fits", new byte[] {4});

        StorageCheck.Report report = check.run(false, Duration.ZERO);

        assertThat(report.orphans()).contains("fits/00/00orphan.fits").doesNotContain(fitsKey(kept));
        assertThat(report.missing()).containsExactly(fitsKey(lost));
        assertThat(report.unowned()).containsEntry("products/", 1L);
        assertThat(report.clean()).isFalse();
        assertThat(store.exists("fits/00/00orphan.fits")).as("a report deletes nothing").isTrue();

        StorageCheck.Report deleting = check.run(true, Duration.ZERO);
        assertThat(deleting.deleted()).isEqualTo(deleting.orphans().size()).isPositive();
        assertThat(store.exists("fits/00/00orphan.fits")).isFalse();
        assertThat(store.exists(fitsKey(kept))).isTrue();
        assertThat(store.exists("products/x/1/unowned.fits")).as("a prefix nobody claims is never deleted from").isTrue();
    }

    @Test
    void anOrphanYoungerThanTheMinimumAgeIsKeptForAnIngestMayStillBeWritingIt() throws Exception {
        store.put("quicklook/00/00young.png", new byte[] {9});

        StorageCheck.Report report = check.run(true, Duration.ofHours(1));

        assertThat(report.youngOrphans()).contains("quicklook/00/00young.png");
        assertThat(report.orphans()).doesNotContain("quicklook/00/00young.png");
        assertThat(store.exists("quicklook/00/00young.png")).isTrue();
    }

    @Test
    void theStartupSweepDeletesUploadsLeftByACrashedProcess() throws Exception {
        Path incoming = Files.createDirectories(Path.of(DATA_DIR).toAbsolutePath().resolve("incoming"));
        Path crashed = Files.writeString(incoming.resolve("upload-999999999-42.part"), "half an upload");
        Path live = IncompleteFiles.create(incoming, "upload-");

        assertThat(sweep.sweep()).isEqualTo(1);

        assertThat(crashed).doesNotExist();
        assertThat(live).exists();
    }
}
