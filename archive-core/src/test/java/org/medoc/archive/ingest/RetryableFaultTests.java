package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.LocalArchiveStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;
import static org.medoc.db.jooq.archive.Tables.QUARANTINE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Only content quarantines: a database or storage outage during cataloguing fails the attempt as retryable, records
 * nothing, and a later ingest of the same bytes is processed normally. Quarantined files can be evaluated again.
 */
@SpringBootTest(classes = {ArchiveTestApplication.class, RetryableFaultTests.FlakyStorage.class},
        properties = "medoc.data-dir=target/test-data/retryable-${random.uuid}")
@AutoConfigureMockMvc
class RetryableFaultTests {

    /** The archive store, which a test can make fail as an unreachable disk or object store would. */
    @TestConfiguration
    static class FlakyStorage {
        @Bean
        @Primary
        FlakyStore flakyStore(@Value("${medoc.data-dir}") String dataDir) throws IOException {
            return new FlakyStore(new LocalArchiveStore(Path.of(dataDir).toAbsolutePath().resolve("archive")));
        }
    }

    static final class FlakyStore implements ArchiveStore {
        private final ArchiveStore real;
        volatile boolean down;

        FlakyStore(ArchiveStore real) {
            this.real = real;
        }

        private void check() throws IOException {
            if (down) {
                throw new IOException("object store unreachable: connection refused");
            }
        }

        @Override public void put(String key, Path source) throws IOException { check(); real.put(key, source); }
        @Override public void put(String key, byte[] content) throws IOException { check(); real.put(key, content); }
        @Override public boolean exists(String key) throws IOException { check(); return real.exists(key); }
        @Override public long size(String key) throws IOException { check(); return real.size(key); }
        @Override public InputStream open(String key) throws IOException { check(); return real.open(key); }
        @Override public Resource resource(String key) throws IOException { check(); return real.resource(key); }
        @Override public void delete(String key) throws IOException { check(); real.delete(key); }
        @Override public java.util.stream.Stream<StoredObject> list(String prefix) throws IOException { check(); return real.list(prefix); }
    }

    @Autowired IngestService ingest;
    @Autowired DSLContext dsl;
    @Autowired FlakyStore store;
    @Autowired MockMvc mvc;
    @TempDir Path dir;

    @AfterEach
    void restore() {
        store.down = false;
        dsl.execute("DROP TRIGGER IF EXISTS simulated_outage ON archive.observation");
        dsl.execute("DROP FUNCTION IF EXISTS archive.simulated_outage()");
    }

    private Path file(String name, String instrume) throws IOException {
        Map<String, String> cards = new LinkedHashMap<>();
        cards.put("INSTRUME", "'" + instrume + "'");
        cards.put("DATE-OBS", "'2012-07-01T10:00:00'");
        cards.put("OBJECT", "'" + name + "'");
        return HeaderFiles.withImage(dir, name, cards, 8);
    }

    private int rows(String sha256) {
        return dsl.fetchCount(OBSERVATION, OBSERVATION.SHA256.eq(sha256)) + dsl.fetchCount(QUARANTINE, QUARANTINE.SHA256.eq(sha256));
    }

    @Test
    void aDatabaseOutageWhileCataloguingLeavesTheFileRetryableNotQuarantined() throws IOException {
        // every insert into the catalogue fails, as with a database that went away between the checks and the insert
        dsl.execute("CREATE FUNCTION archive.simulated_outage() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'simulated outage' USING ERRCODE = '08006'; END $$");
        dsl.execute("CREATE TRIGGER simulated_outage BEFORE INSERT ON archive.observation "
                + "FOR EACH ROW EXECUTE FUNCTION archive.simulated_outage()");
        Path file = file("db-outage.fits", "AIA_3");

        IngestOutcome failed = ingest.ingestFile(file, "db-outage.fits", "test");

        assertThat(failed.status()).isEqualTo(IngestOutcome.Status.FAILED);
        assertThat(failed.status().retryable()).isTrue();
        assertThat(failed.reason()).startsWith("database unavailable").endsWith("ingest the file again later")
                .doesNotContain("insert into");
        assertThat(rows(failed.sha256())).as("neither catalogued nor quarantined").isZero();

        restore();
        IngestOutcome again = ingest.ingestFile(file, "db-outage.fits", "test");
        assertThat(again.status()).isEqualTo(IngestOutcome.Status.INGESTED);
    }

    @Test
    void aStorageOutageLeavesTheFileRetryableNotQuarantined() throws IOException {
        Path file = file("storage-outage.fits", "AIA_3");
        store.down = true;

        IngestOutcome failed = ingest.ingestFile(file, "storage-outage.fits", "test");

        assertThat(failed.status()).isEqualTo(IngestOutcome.Status.FAILED);
        assertThat(failed.reason()).startsWith("archive storage unavailable: object store unreachable");
        assertThat(rows(failed.sha256())).isZero();
        store.down = false;
        assertThat(ingest.ingestFile(file, "storage-outage.fits", "test").status()).isEqualTo(IngestOutcome.Status.INGESTED);
    }

    @Test
    void aStorageOutageWhileQuarantiningRecordsNoQuarantine() throws IOException {
        Path file = file("unknown-while-down.fits", "NEWCAM");
        store.down = true;

        IngestOutcome failed = ingest.ingestFile(file, "unknown-while-down.fits", "test");

        assertThat(failed.status()).isEqualTo(IngestOutcome.Status.FAILED);
        assertThat(rows(failed.sha256())).isZero();
        store.down = false;
        IngestOutcome quarantined = ingest.ingestFile(file, "unknown-while-down.fits", "test");
        assertThat(quarantined.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(quarantined.reason()).startsWith("unknown instrument: INSTRUME='NEWCAM'");
    }

    @Test
    void anUploadThatFailsForAnOutageIsAnswered503WithRetryAfter() throws Exception {
        byte[] bytes = Files.readAllBytes(file("upload-outage.fits", "AIA_3"));
        store.down = true;
        mvc.perform(multipart("/api/v1/ingest").file(new MockMultipartFile("file", "upload-outage.fits", "application/fits", bytes))
                        .with(httpBasic("archivist", "secret")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.outcomes[0].status").value("FAILED"));
        store.down = false;
        mvc.perform(multipart("/api/v1/ingest").file(new MockMultipartFile("file", "upload-outage.fits", "application/fits", bytes))
                        .with(httpBasic("archivist", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ingested").value(1));
    }

    /** A record left by older rules (or before a registry fix) whose kept bytes are good today. */
    private long quarantinedEarlier(Path file, String reason) throws IOException {
        IngestOutcome probe = ingest.ingestFile(file(file.getFileName() + "-probe.fits", "NEWCAM"), "probe.fits", "test");
        assertThat(probe.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        String sha = org.medoc.archive.storage.Sha256.of(file);
        String key = "quarantine/" + sha.substring(0, 2) + "/" + sha + ".bin";
        store.put(key, file);
        return dsl.insertInto(QUARANTINE)
                .set(QUARANTINE.FILE_NAME, file.getFileName().toString())
                .set(QUARANTINE.SIZE_BYTES, Files.size(file))
                .set(QUARANTINE.SHA256, sha)
                .set(QUARANTINE.REASON, reason)
                .set(QUARANTINE.STORAGE_KEY, key)
                .set(QUARANTINE.INGEST_SOURCE, "test")
                .returning(QUARANTINE.ID).fetchOne(QUARANTINE.ID);
    }

    @Test
    void reevaluatingAFileThatTodaysRulesAcceptIngestsItAndClearsItsQuarantine() throws Exception {
        Path file = file("fixed-registry.fits", "AIA_3");
        long id = quarantinedEarlier(file, "unknown instrument (before the registry fix)");

        IngestOutcome outcome = ingest.reevaluate(id);

        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.INGESTED);
        assertThat(dsl.fetchCount(QUARANTINE, QUARANTINE.ID.eq(id))).isZero();
        assertThat(dsl.fetchCount(OBSERVATION, OBSERVATION.SHA256.eq(outcome.sha256()))).isEqualTo(1);
    }

    @Test
    void reevaluatingAFileStillRefusedKeepsItWithTodaysReason() throws Exception {
        Path file = file("still-unknown.fits", "NEWCAM");
        long id = quarantinedEarlier(file, "an older reason");

        IngestOutcome outcome = ingest.reevaluate(id);

        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(dsl.select(QUARANTINE.REASON).from(QUARANTINE).where(QUARANTINE.ID.eq(id)).fetchOne(QUARANTINE.REASON))
                .startsWith("unknown instrument: INSTRUME='NEWCAM'");
    }

    @Test
    void archivistsReevaluateThroughTheApiOthersMayNot() throws Exception {
        long id = quarantinedEarlier(file("api-reevaluate.fits", "AIA_3"), "older reason");
        mvc.perform(post("/api/v1/quarantine/" + id + "/reevaluate").with(httpBasic("planner", "secret")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/quarantine/" + id + "/reevaluate").with(httpBasic("archivist", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ingested").value(1));
        mvc.perform(post("/api/v1/quarantine/" + id + "/reevaluate").with(httpBasic("archivist", "secret")))
                .andExpect(status().isNotFound());
    }
}
