package org.medoc.products.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.products.DemoArchive;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.chain.ProductChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = ProductsTestApplication.class)
@AutoConfigureMockMvc
class ProductApiTests {

    static final Instant DAY = Instant.parse("2024-06-01T00:00:00Z");
    static final String INTERVAL = "from=2024-06-01T00:00:00Z&to=2024-06-01T01:00:00Z";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired ArchiveStore store;
    @Autowired org.medoc.products.chain.ProductEngine engine;

    /** The archive and products survive from test to test (one context); make them once. */
    private static boolean prepared;

    @BeforeEach
    void threeSummaryProducts() {
        if (prepared) {
            return;
        }
        prepared = true;
        DemoArchive.ingest(ingest, DAY, 3);
        chain.runRange("summary", DAY, DAY.plusSeconds(3600), outcome -> { });
    }

    private JsonNode getJson(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    private JsonNode first() throws Exception {
        return getJson("/api/v1/products?type=summary&" + INTERVAL + "&version=1.0").get("items").get(0);
    }

    @Test
    void anonymousSearchAnswersLikeTheObservationSearch() throws Exception {
        JsonNode found = getJson("/api/v1/products?type=summary&" + INTERVAL + "&version=1.0");
        assertThat(found.get("total").asLong()).isEqualTo(3);
        JsonNode item = found.get("items").get(0);
        assertThat(item.get("type").asString()).isEqualTo("summary");
        assertThat(item.get("version").asString()).isEqualTo("1.0");
        assertThat(item.get("referenceTime").asString()).isEqualTo("2024-06-01T01:00:00Z");
        long id = item.get("id").asLong();
        assertThat(item.get("fileUrl").asString()).isEqualTo("/api/v1/products/" + id + "/file");
        assertThat(item.get("previewUrl").asString()).isEqualTo("/api/v1/products/" + id + "/preview");
        assertThat(item.get("inputs")).hasSize(6);
        JsonNode input = item.get("inputs").get(0);
        assertThat(input.get("observationId").asLong()).isPositive();
        assertThat(input.get("sha256").asString()).hasSize(64);
        assertThat(input.get("url").asString()).isEqualTo("/api/v1/observations/" + input.get("observationId").asLong());
    }

    @Test
    void filtersNarrowByTimeTypeAndVersion() throws Exception {
        assertThat(getJson("/api/v1/products?type=summary&from=2024-06-01T00:10:00Z&to=2024-06-01T00:40:00Z").get("total").asLong()).isEqualTo(1);
        assertThat(getJson("/api/v1/products?type=summary&" + INTERVAL + "&version=9.9").get("total").asLong()).isZero();
        assertThat(getJson("/api/v1/products?type=summary&from=2024-06-01&to=2024-06-01").get("total").asLong()).isEqualTo(3);
        JsonNode page = getJson("/api/v1/products?type=summary&" + INTERVAL + "&size=2&page=1");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
    }

    @Test
    void badParametersAnswer400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/products?from=yesterday")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"))
                .andExpect(jsonPath("$.detail").value(containsString("ISO-8601")));
        mvc.perform(get("/api/v1/products?from=2024-06-02&to=2024-06-01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/v1/products?type=colour")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("type"))
                .andExpect(jsonPath("$.detail").value(containsString("summary")));
        mvc.perform(get("/api/v1/products?type=DEM;drop")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("type"));
        mvc.perform(get("/api/v1/products?version=1:0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("version"));
        mvc.perform(get("/api/v1/products?size=5000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/v1/products?page=x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"));
        mvc.perform(get("/api/v1/products/999999")).andExpect(status().isNotFound());
    }

    @Test
    void detailGivesTheProvenance() throws Exception {
        long id = first().get("id").asLong();
        JsonNode detail = getJson("/api/v1/products/" + id);
        JsonNode provenance = detail.get("provenance");
        assertThat(provenance.get("inputs")).hasSize(6);
        assertThat(provenance.get("parameters").get("statistic").asString()).isEqualTo("mean");
        assertThat(provenance.get("softwareVersion").asString()).startsWith("medoc");
        assertThat(provenance.get("durationMs").asLong()).isNotNegative();
        assertThat(provenance.get("runs").get(0).get("status").asString()).isIn("SUCCEEDED");
        assertThat(detail.get("files")).hasSize(2);
        assertThat(detail.get("files").get(0).get("role").asString()).isEqualTo("DATA");
        assertThat(detail.get("files").get(1).get("mediaType").asString()).isEqualTo("image/png");
    }

    @Test
    void theFileDownloadsWithItsChecksumRangesAndEtag() throws Exception {
        long id = first().get("id").asLong();
        MvcResult whole = mvc.perform(get("/api/v1/products/" + id + "/file"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/fits"))
                .andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("summary_20240601T010000Z.fits")))
                .andReturn();
        byte[] bytes = whole.getResponse().getContentAsByteArray();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(whole.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + sha256 + "\"");
        assertThat(new String(bytes, 0, 30)).startsWith("SIMPLE  =                    T");

        MvcResult part = mvc.perform(get("/api/v1/products/" + id + "/file").header(HttpHeaders.RANGE, "bytes=0-79"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 0-79/" + bytes.length))
                .andReturn();
        assertThat(part.getResponse().getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 0, 80));
        mvc.perform(get("/api/v1/products/" + id + "/file").header(HttpHeaders.IF_NONE_MATCH, "\"" + sha256 + "\""))
                .andExpect(status().isNotModified());
        mvc.perform(get("/api/v1/products/" + id + "/file").header(HttpHeaders.RANGE, "bytes=999999999-"))
                .andExpect(status().isRequestedRangeNotSatisfiable());

        MvcResult png = mvc.perform(get("/api/v1/products/" + id + "/preview"))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png")).andReturn();
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(png.getResponse().getContentAsByteArray())).getWidth())
                .isEqualTo(48);
        mvc.perform(get("/api/v1/products/" + id + "/files/summary_20240601T010000Z.png")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/products/" + id + "/files/..%2F..%2Fetc%2Fpasswd")).andExpect(status().is4xxClientError());
    }

    @Test
    void anonymousVisitorsReadTheInstalledProductTypesWithTheirDescriptions() throws Exception {
        JsonNode types = getJson("/api/v1/product-types");
        JsonNode dem = null;
        for (JsonNode type : types) {
            if (type.get("type").asString().equals("dem")) {
                dem = type;
            }
        }
        assertThat(dem).as("dem among " + types).isNotNull();
        assertThat(dem.get("version").asString()).isEqualTo("1.0");
        assertThat(dem.get("versions").get(0).asString()).isEqualTo("1.0");
        assertThat(dem.get("title").asString()).isEqualTo("Gaussian DEM maps from SDO/AIA");
        assertThat(dem.get("cadence").asString()).isEqualTo("PT30M");
        assertThat(dem.get("cadenceSeconds").asLong()).isEqualTo(1800);
        assertThat(dem.get("inputRule").asString()).contains("±30 s");
        assertThat(dem.get("documentation").asString()).isEqualTo("/documentation/algorithms/dem");
        assertThat(dem.get("previews").get(0).get("suffix").asString()).isEqualTo("_em.png");
        assertThat(getJson("/api/v1/product-types/summary").get("title").asString()).isEqualTo("Summary of the inputs (test recipe)");
        mvc.perform(get("/api/v1/product-types/nope")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("installed: ")));
    }

    @Test
    void fileNamesWithColonsAsRecipesMayWriteThemAreServedByTheirUrl() throws Exception {
        Instant reference = Instant.parse("2003-01-01T00:00:00Z");
        org.medoc.products.chain.ProductRecipe colons = new org.medoc.products.chain.ProductRecipe() {
            @Override public String type() { return "colons"; }
            @Override public String version() { return "1.0"; }
            @Override public org.medoc.products.chain.ProductDescription description() {
                return new org.medoc.products.chain.ProductDescription("Colons", "names with colons", List.of(),
                        "one synthetic set", java.time.Duration.ofMinutes(30), List.of(), "", null);
            }
            @Override public org.medoc.products.chain.InputSetRule inputSets() {
                return new org.medoc.products.chain.SyntheticSets(reference, 1, java.time.Duration.ofMinutes(30));
            }
            @Override public java.util.Map<String, Object> parameters() { return java.util.Map.of(); }
            @Override public org.medoc.products.chain.ProductOutput make(org.medoc.products.chain.InputSet inputs,
                    java.nio.file.Path outputDirectory, org.medoc.products.chain.RecipeContext context) throws Exception {
                java.nio.file.Path file = java.nio.file.Files.writeString(outputDirectory.resolve("dem_" + reference + ".fits"), "SIMPLE");
                return new org.medoc.products.chain.ProductOutput(List.of(org.medoc.products.chain.ProductOutput.OutputFile.data(file)), java.util.Map.of());
            }
        };
        long id = engine.run(colons, reference, org.medoc.products.chain.RunTrigger.COMMAND, "test").productId();
        JsonNode file = getJson("/api/v1/products/" + id).get("files").get(0);
        assertThat(file.get("name").asString()).isEqualTo("dem_2003-01-01T00:00:00Z.fits");
        assertThat(file.get("url").asString()).isEqualTo("/api/v1/products/" + id + "/files/dem_2003-01-01T00:00:00Z.fits");
        mvc.perform(get(file.get("url").asString())).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_LENGTH, "6"));
    }

    @Test
    void runsAreForStaffAndRetryingOrReprocessingForArchivists() throws Exception {
        mvc.perform(get("/api/v1/product-runs")).andExpect(status().isUnauthorized());
        MvcResult runs = mvc.perform(get("/api/v1/product-runs?type=summary").with(httpBasic("planner", "secret")))
                .andExpect(status().isOk()).andReturn();
        JsonNode page = json.readTree(runs.getResponse().getContentAsString());
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
        long runId = page.get("items").get(0).get("id").asLong();
        mvc.perform(get("/api/v1/product-runs?status=BROKEN").with(httpBasic("planner", "secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("status"));

        mvc.perform(post("/api/v1/product-runs/" + runId + "/retry").with(httpBasic("planner", "secret")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/product-runs/" + runId + "/retry").with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.instance").value(containsString("summary:1.0:")));
        mvc.perform(post("/api/v1/product-runs/999999/retry").with(httpBasic("archivist", "secret")))
                .andExpect(status().isNotFound());

        String body = "{\"type\":\"summary\",\"from\":\"2024-06-01T00:00:00Z\",\"to\":\"2024-06-01T01:00:00Z\"}";
        mvc.perform(post("/api/v1/product-runs").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        // every set of the interval has its product already: nothing to schedule
        mvc.perform(post("/api/v1/product-runs").contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.scheduled").value(0));
        mvc.perform(post("/api/v1/product-runs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"nope\",\"from\":\"2024-06-01\",\"to\":\"2024-06-01\"}").with(httpBasic("archivist", "secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("type"));
    }

    @Test
    void reprocessingAnIntervalSchedulesTheSetsWithoutProducts() throws Exception {
        Instant other = Instant.parse("2024-06-02T00:00:00Z");
        DemoArchive.ingest(ingest, other, 2);
        String body = "{\"type\":\"summary\",\"from\":\"2024-06-02\",\"to\":\"2024-06-02\"}";
        mvc.perform(post("/api/v1/product-runs").contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.scheduled").value(2)).andExpect(jsonPath("$.version").value("1.0"));
        // scheduling again while they wait adds nothing
        mvc.perform(post("/api/v1/product-runs").contentType(MediaType.APPLICATION_JSON).content(body).with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.scheduled").value(0));
        assertThat(List.of(chain.pending(new org.medoc.products.chain.ProductInstance("summary", "1.0", other)))).containsExactly(true);
    }
}
