package org.medoc.archive.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.FuzzInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Arbitrary uploads through the HTTP ingest (multipart parsing, temporary file, ingest, JSON report): every request is
 * answered 200 with one outcome per file, each ingested, skipped or quarantined with a reason, and its name sanitised;
 * never a server error, never a retryable failure (nothing is wrong with the infrastructure here).
 *
 * <p>The normal test run replays the stored inputs; a longer fuzzing run:
 * <pre>JAZZER_FUZZ=1 mvn -pl archive-core test -Dtest=IngestApiFuzzTests -Djazzer.max_duration=10m</pre>
 */
@SpringBootTest(classes = ArchiveTestApplication.class, properties = "medoc.data-dir=target/test-data/api-fuzz-${random.uuid}")
@AutoConfigureMockMvc
class IngestApiFuzzTests {

    private static final List<String> SEEDS = List.of("aia_171_level1.fits", "mdi_fd_M_96m_01d.5874.0005_s.fits");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    @FuzzTest(maxDuration = "20s")
    void everyUploadIsAnsweredWithAnOutcome(FuzzedDataProvider data) throws Exception {
        int seed = data.consumeInt(0, SEEDS.size());
        int keepCards = data.consumeInt(1, 60);
        String name = data.consumeString(80);
        byte[] bytes = FuzzInputs.realHeaderThen(SEEDS, seed, keepCards, data.consumeRemainingAsBytes());
        MvcResult result = mvc.perform(multipart("/api/v1/ingest")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                        .with(httpBasic("archivist", "secret")))
                .andReturn();

        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode report = json.readTree(result.getResponse().getContentAsString());
        assertThat(report.get("outcomes")).hasSize(1);
        JsonNode outcome = report.get("outcomes").get(0);
        assertThat(outcome.get("status").asString()).isIn("INGESTED", "SKIPPED", "QUARANTINED");
        assertThat(outcome.get("fileName").asString()).matches("[A-Za-z0-9._+()-]{1,200}");
        if (outcome.get("status").asString().equals("QUARANTINED")) {
            assertThat(outcome.get("reason").asString()).isNotBlank().doesNotContain("OutOfMemoryError");
        }
    }
}
