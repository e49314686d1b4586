package org.medoc.archive.storage;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The archive with medoc.storage=s3: ingest writes to the object store, downloads (whole and ranged) read from it. */
@SpringBootTest(classes = ArchiveTestApplication.class, properties = {
        "medoc.data-dir=target/test-data/s3-${random.uuid}", "medoc.storage=s3",
        "medoc.storage.s3.bucket=" + S3MockServer.BUCKET, "medoc.storage.s3.prefix=ingest-test",
        "medoc.storage.s3.access-key=medoc", "medoc.storage.s3.secret-key=secret"})
@AutoConfigureMockMvc
class ObjectStoreArchiveTests {

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) throws Exception {
        S3MockServer server = S3MockServer.start();
        registry.add("medoc.storage.s3.endpoint", () -> server.endpoint);
    }

    @Autowired ArchiveStore store;
    @Autowired IngestService ingest;
    @Autowired MockMvc mvc;

    @Test
    void ingestedFilesAreServedFromTheObjectStore() throws Exception {
        assertThat(store).isInstanceOf(S3ArchiveStore.class);
        Path sample = ArchiveTestApplication.sampleFits().resolve("efz20040301.000010_s.fits");
        IngestOutcome outcome = ingest.ingestFile(sample, "efz20040301.000010_s.fits", "test");
        assertThat(outcome.status()).isIn(IngestOutcome.Status.INGESTED, IngestOutcome.Status.SKIPPED);
        assertThat(store.exists("fits/" + outcome.sha256().substring(0, 2) + "/" + outcome.sha256() + ".fits")).isTrue();

        byte[] original = Files.readAllBytes(sample);
        byte[] served = mvc.perform(get("/api/v1/observations/" + outcome.observationId() + "/file"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(original);
        byte[] range = mvc.perform(get("/api/v1/observations/" + outcome.observationId() + "/file")
                        .header(HttpHeaders.RANGE, "bytes=100-199"))
                .andExpect(status().isPartialContent()).andReturn().getResponse().getContentAsByteArray();
        assertThat(range).isEqualTo(Arrays.copyOfRange(original, 100, 200));
        mvc.perform(get("/api/v1/observations/" + outcome.observationId() + "/preview")).andExpect(status().isOk());
    }
}
