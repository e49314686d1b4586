package org.medoc.release.fixity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.release.ReleaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.release.ReleaseFixtures.newCollection;

/** The periodic fixity check re-hashes published files in batches and reports a changed one. */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FixityCheckTests {

    @Autowired
    FixityCheck fixity;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    ReleaseService releases;
    @Autowired
    ArchiveStore store;

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    @Test
    void everyPublishedFileIsCheckedInBatchesAndAChangedFileIsReported() throws Exception {
        String collection = newCollection();
        Release release = fixtures.published(collection, "1.0");
        // drain whatever other tests published, so that this release's files are next
        while (fixity.coverage().filesNeverChecked() > 0) {
            fixity.checkBatch(50);
        }
        assertThat(fixity.failures()).noneMatch(f -> f.collection().equals(collection));

        ReleaseFile victim = releases.files(release).get(1);
        Path stored = store.resource(victim.storageKey()).getFile().toPath();
        byte[] original = Files.readAllBytes(stored);
        byte[] changed = original.clone();
        changed[100] ^= 0x20;
        stored.toFile().setWritable(true);
        Files.write(stored, changed);
        try {
            long total = fixity.coverage().filesChecked();
            int rounds = 0;
            while (fixity.failures().stream().noneMatch(f -> f.collection().equals(collection)) && rounds++ <= total) {
                fixity.checkBatch(2);
            }
            assertThat(fixity.failures()).filteredOn(f -> f.collection().equals(collection)).singleElement().satisfies(failure -> {
                assertThat(failure.packagePath()).isEqualTo(victim.packagePath());
                assertThat(failure.expectedSha256()).isEqualTo(victim.sha256());
                assertThat(failure.actualSha256()).isNotEqualTo(victim.sha256());
                assertThat(failure.actualSize()).isEqualTo(victim.sizeBytes());
                assertThat(failure.detail()).contains("differs from the frozen record");
            });
        } finally {
            Files.write(stored, original);
        }
        // once repaired, the next check of that file clears it
        int rounds = 0;
        while (fixity.failures().stream().anyMatch(f -> f.collection().equals(collection)) && rounds++ < 1000) {
            fixity.checkBatch(5);
        }
        assertThat(fixity.failures()).noneMatch(f -> f.collection().equals(collection));
    }

    @Test
    void draftsAndFrozenReleasesAreNotChecked() {
        String collection = newCollection();
        fixtures.draft(collection, "1.0");
        ReleaseFixtures.asManager(() -> releases.freeze(collection, "1.0", null));
        while (fixity.coverage().filesNeverChecked() > 0) {
            fixity.checkBatch(50);
        }
        FixityCheck.BatchResult result = fixity.checkBatch(1000);
        assertThat(result.failed()).isZero();
        assertThat(fixity.coverage().filesNeverChecked()).isZero();
    }
}
