package org.medoc.archive.catalogue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Totals of broad searches: counted exactly up to the exact-count limit, PostgreSQL's estimate above it, and the API
 * says which. The limit is lowered to a few rows so that a handful of demo files cross it.
 */
@SpringBootTest(classes = ArchiveTestApplication.class)
@AutoConfigureMockMvc
class CatalogueEstimatedTotalTests {

    // a window of its own: other tests of the shared database ingest elsewhere
    private static final Instant DAY = Instant.parse("2037-03-14T06:00:00Z");
    private static final String AIA_OF_THE_DAY = "/api/v1/observations?from=2037-03-14&to=2037-03-14&instrument=AIA&size=2";

    @Autowired CatalogueService catalogue;
    @Autowired IngestService ingest;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    /** The day's AIA files, counted exactly under the default limit (two six-channel sets and the demo's extras). */
    private long aiaFiles;

    @BeforeEach
    void twoAiaSets() throws Exception {
        ingest.ingest(new DemoObservations(64, 2037).write(Files.createTempDirectory("medoc-estimate-"), DAY, 2), "test");
        JsonNode exact = search(AIA_OF_THE_DAY);
        assertThat(exact.get("totalIsEstimate").asBoolean()).isFalse();
        aiaFiles = exact.get("total").asLong();
        assertThat(aiaFiles).isGreaterThanOrEqualTo(12);
    }

    @AfterEach
    void defaultLimit() {
        catalogue.exactCountLimit(CatalogueService.DEFAULT_EXACT_COUNT_LIMIT);
        catalogue.keywordExactCountLimit(CatalogueService.DEFAULT_KEYWORD_EXACT_COUNT_LIMIT);
    }

    private JsonNode search(String url) throws Exception {
        return json.readTree(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aSearchUpToTheLimitIsCountedExactlyAndSaysSo() throws Exception {
        catalogue.exactCountLimit(aiaFiles);

        JsonNode page = search(AIA_OF_THE_DAY);

        assertThat(page.get("total").asLong()).isEqualTo(aiaFiles);
        assertThat(page.get("totalIsEstimate").asBoolean()).isFalse();
        assertThat(page.get("items").size()).isEqualTo(2);
    }

    @Test
    void aSearchAboveTheLimitGetsThePlannersEstimateFlaggedInTheApi() throws Exception {
        catalogue.exactCountLimit(aiaFiles - 1);

        JsonNode page = search(AIA_OF_THE_DAY);

        assertThat(page.get("totalIsEstimate").asBoolean()).isTrue();
        // never below the rows seen to exist while deciding
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(aiaFiles);
        assertThat(page.get("items").size()).isEqualTo(2);
        // the cursor's pages keep the estimate and say so
        JsonNode next = search(AIA_OF_THE_DAY + "&cursor=" + page.get("nextCursor").asText());
        assertThat(next.get("totalIsEstimate").asBoolean()).isTrue();
        assertThat(next.get("total").asLong()).isEqualTo(page.get("total").asLong());
    }

    @Test
    void aLimitOfZeroEstimatesEveryNonEmptySearchButCountsAnEmptyOneExactly() throws Exception {
        catalogue.exactCountLimit(0);

        assertThat(search(AIA_OF_THE_DAY).get("totalIsEstimate").asBoolean()).isTrue();
        JsonNode none = search("/api/v1/observations?from=2037-03-14&to=2037-03-14&instrument=NO-SUCH-INSTRUMENT");
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("totalIsEstimate").asBoolean()).isFalse();
    }

    @Test
    void aSearchWithAHeaderKeywordIsEstimatedAboveItsOwnLowerLimit() throws Exception {
        catalogue.keywordExactCountLimit(aiaFiles - 1);
        String byKeyword = AIA_OF_THE_DAY + "&keyword=TELESCOP:SDO/AIA";

        JsonNode keyword = search(byKeyword);
        JsonNode plain = search(AIA_OF_THE_DAY);

        // the same rows: the keyword search is estimated (its count rechecks headers in the heap), the other is exact
        assertThat(keyword.get("totalIsEstimate").asBoolean()).isTrue();
        assertThat(keyword.get("total").asLong()).isGreaterThanOrEqualTo(aiaFiles);
        assertThat(plain.get("totalIsEstimate").asBoolean()).isFalse();
        assertThat(plain.get("total").asLong()).isEqualTo(aiaFiles);
        // at or under its limit the keyword search is counted exactly
        catalogue.keywordExactCountLimit(aiaFiles);
        JsonNode exact = search(byKeyword);
        assertThat(exact.get("totalIsEstimate").asBoolean()).isFalse();
        assertThat(exact.get("total").asLong()).isEqualTo(aiaFiles);
    }

    @Test
    void theKeywordLimitNeverRaisesTheGeneralOne() throws Exception {
        catalogue.exactCountLimit(aiaFiles - 1);
        catalogue.keywordExactCountLimit(aiaFiles);

        assertThat(search(AIA_OF_THE_DAY + "&keyword=TELESCOP:SDO/AIA").get("totalIsEstimate").asBoolean()).isTrue();
    }

    @Test
    void aNegativeKeywordLimitIsRefusedWithTheSettingsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalogue.keywordExactCountLimit(-1))
                .hasMessageContaining("medoc.catalogue.keyword-exact-count-limit");
    }

    @Test
    void aNegativeLimitIsRefusedWithTheSettingsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalogue.exactCountLimit(-1))
                .hasMessageContaining("medoc.catalogue.exact-count-limit");
    }
}
