package org.medoc.archive.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code medoc storage migrate}: the archive moved from the local store to an S3-compatible one (S3Mock) and back,
 * interrupted midway and resumed, with a corrupted object reported and left behind.
 */
@SpringBootTest(classes = ArchiveTestApplication.class, properties = {
        "medoc.data-dir=target/test-data/migrate-${random.uuid}",
        "medoc.storage.s3.bucket=" + S3MockServer.BUCKET,
        "medoc.storage.s3.access-key=medoc", "medoc.storage.s3.secret-key=secret",
        // small enough that the 7 MiB object goes up as a multipart upload
        "medoc.storage.s3.multipart-threshold=6MB", "medoc.storage.s3.part-size=5MB"})
@Import(StorageMigrationTests.RecordingOwner.class)
class StorageMigrationTests {

    static final String S3_PREFIX = "migrate-" + UUID.randomUUID();

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) throws Exception {
        S3MockServer server = S3MockServer.start();
        registry.add("medoc.storage.s3.endpoint", () -> server.endpoint);
        registry.add("medoc.storage.s3.prefix", () -> S3_PREFIX);
    }

    /** A feature that records the SHA-256 of its objects, as ingest does for observation files. */
    @TestConfiguration
    static class RecordingOwner {
        static final Map<String, String> recorded = new ConcurrentHashMap<>();

        @Bean
        StoredObjectOwner migrationTestObjects() {
            return new StoredObjectOwner() {
                @Override
                public Set<String> prefixes() {
                    return Set.of("migrate-test/");
                }

                @Override
                public Set<String> referenced(Collection<String> keys) {
                    return keys.stream().filter(recorded::containsKey).collect(Collectors.toSet());
                }

                @Override
                public void forEachReferenced(Consumer<String> each) {
                    recorded.keySet().forEach(each);
                }

                @Override
                public Map<String, String> recordedSha256(Collection<String> keys) {
                    return keys.stream().filter(recorded::containsKey).collect(Collectors.toMap(k -> k, recorded::get));
                }
            };
        }
    }

    @Autowired StorageMigration migration;
    @Autowired ArchiveStore local;

    @Test
    void theArchiveMovesToS3AndBackVerifiedResumableAndWithoutItsCorruptedObject(@TempDir Path back) throws Exception {
        assertThat(local).isInstanceOf(LocalArchiveStore.class);
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            contents.put("migrate-test/" + i + ".fits", S3ArchiveStoreTests.randomBytes(50_000 + i, i));
        }
        contents.put("migrate-test/large.fits", S3ArchiveStoreTests.randomBytes(7 << 20, 99));
        contents.put("quicklook/ab/unrecorded.png", S3ArchiveStoreTests.randomBytes(3_000, 100)); // no hash on record
        for (var e : contents.entrySet()) {
            local.put(e.getKey(), e.getValue());
            if (e.getKey().startsWith("migrate-test/")) {
                RecordingOwner.recorded.put(e.getKey(), S3ArchiveStoreTests.sha256(e.getValue()));
            }
        }
        // bit rot: the stored bytes no longer match what was recorded when the file was stored
        byte[] original = S3ArchiveStoreTests.randomBytes(40_000, 7);
        RecordingOwner.recorded.put("migrate-test/rotten.fits", S3ArchiveStoreTests.sha256(original));
        byte[] rotten = original.clone();
        rotten[12_345] ^= 0x10;
        local.put("migrate-test/rotten.fits", rotten);
        long objects;
        try (var listed = local.list("")) {
            objects = listed.count();
        }

        // first run, stopped after three objects (what a kill -9 or a lost connection does to the command)
        List<StorageMigration.Progress> seen = new ArrayList<>();
        assertThatThrownBy(() -> migration.migrate(StorageMigration.Kind.S3, p -> {
            seen.add(p);
            if (p.done() == 3) {
                throw new IllegalStateException("interrupted");
            }
        })).hasMessage("interrupted");
        ArchiveStore s3 = migration.target(StorageMigration.Kind.S3);
        long copiedBeforeTheStop = seen.getLast().copied();
        // and one object the stopped run had stored but not yet journaled
        String storedNotJournaled = contents.keySet().stream().filter(k -> !exists(s3, k)).findFirst().orElseThrow();
        s3.put(storedNotJournaled, contents.get(storedNotJournaled));

        StorageMigration.Report resumed = migration.migrate(StorageMigration.Kind.S3, p -> seen.add(p));

        assertThat(resumed.failures()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("migrate-test/rotten.fits");
            assertThat(f.reason()).contains("no longer matches its record", "not copied");
        });
        assertThat(resumed.totals()).as("%s after %s", resumed, seen.get(2))
                .extracting(StorageMigration.Progress::objects, StorageMigration.Progress::done,
                        StorageMigration.Progress::alreadyThere, StorageMigration.Progress::copied)
                .containsExactly(objects, objects, copiedBeforeTheStop + 1, objects - copiedBeforeTheStop - 2);
        assertThat(resumed.complete()).isFalse();
        assertThat(s3.exists("migrate-test/rotten.fits")).isFalse();
        for (var e : contents.entrySet()) {
            try (InputStream in = s3.open(e.getKey())) {
                assertThat(in.readAllBytes()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        StorageMigration.Progress last = seen.getLast();
        assertThat(last.bytesDone()).isEqualTo(last.bytes());
        assertThat(last.eta()).isEqualTo(java.time.Duration.ZERO);

        // a third run finds everything there and verified, and copies nothing
        StorageMigration.Report again = migration.migrate(StorageMigration.Kind.S3, p -> { });
        assertThat(again.totals().copied()).isZero();
        assertThat(again.totals().alreadyThere()).isEqualTo(objects - 1);

        // and back, from S3 to a local directory
        LocalArchiveStore returned = new LocalArchiveStore(back);
        StorageMigration.Report home = migration.copy(s3, returned, p -> { });
        assertThat(home.complete()).isTrue();
        assertThat(home.totals().copied()).isEqualTo(objects - 1);
        for (var e : contents.entrySet()) {
            try (InputStream in = returned.openVerified(e.getKey(), S3ArchiveStoreTests.sha256(e.getValue()), e.getValue().length)) {
                assertThat(in.readAllBytes()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(returned.exists("migrate-test/rotten.fits")).isFalse();
    }

    @Test
    void migratingToTheStoreInUseIsRefused() {
        assertThatThrownBy(() -> migration.migrate(StorageMigration.Kind.LOCAL, p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already stored in file:");
    }

    private static boolean exists(ArchiveStore store, String key) {
        try {
            return store.exists(key);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
