package org.medoc.archive.api;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = ArchiveTestApplication.class)
@AutoConfigureMockMvc
class ObservationApiTests {

    @Autowired MockMvc mvc;
    @Autowired IngestService ingest;
    @Autowired ObjectMapper json;
    @Autowired org.jooq.DSLContext dsl;

    @BeforeEach
    void ingestSharedSamples() throws IOException {
        ingest.ingest(List.of(ArchiveTestApplication.sampleFits()), "test");
    }

    private JsonNode getJson(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    private long aiaLevelOneId() throws Exception {
        JsonNode found = getJson("/api/v1/observations?instrument=AIA&wavelength=171&from=2011-02-15&to=2011-02-15");
        assertThat(found.get("total").asLong()).isEqualTo(1);
        return found.get("items").get(0).get("id").asLong();
    }

    @Test
    void anonymousSearchFindsAia171OnItsDay() throws Exception {
        JsonNode found = getJson("/api/v1/observations?instrument=aia&wavelength=171&from=2011-02-15T00:00:00Z&to=2011-02-15T23:59:59Z");
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode item = found.get("items").get(0);
        assertThat(item.get("mission").asString()).isEqualTo("SDO");
        assertThat(item.get("instrument").asString()).isEqualTo("AIA");
        assertThat(item.get("wavelength").asDouble()).isEqualTo(171.0);
        assertThat(item.get("dateObs").asString()).isEqualTo("2011-02-15T00:00:00.340Z");
        assertThat(item.get("filename").asString()).isEqualTo("aia_171_level1.fits");
        assertThat(item.get("size").asLong()).isEqualTo(149760);
        assertThat(item.get("sha256").asString()).hasSize(64);
        assertThat(item.get("fileUrl").asString()).endsWith("/file");
        assertThat(item.get("previewUrl").asString()).endsWith("/preview");
        for (String field : List.of("id", "detector", "dateEnd", "exposure", "level")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
    }

    @Test
    void timeIntervalSelectsByOverlap() throws Exception {
        // the SPICE raster runs 08:17:33 to 08:47:40; an interval inside it must find it
        JsonNode inside = getJson("/api/v1/observations?instrument=SPICE&from=2020-06-02T08:30:00&to=2020-06-02T08:31:00");
        assertThat(inside.get("total").asLong()).isEqualTo(1);
        JsonNode after = getJson("/api/v1/observations?instrument=SPICE&from=2020-06-02T08:48:00&to=2020-06-02T09:00:00");
        assertThat(after.get("total").asLong()).isZero();
    }

    @Test
    void detectorAcceptsMedocsInstrumentSlashDetectorForm() throws Exception {
        assertThat(getJson("/api/v1/observations?detector=SPICE/SW").get("total").asLong()).isEqualTo(2);
        assertThat(getJson("/api/v1/observations?detector=EIT/EIT&wavelengthMin=190&wavelengthMax=200").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void levelMatchesWhateverSpellingThePipelineUsed() throws Exception {
        assertThat(getJson("/api/v1/observations?level=L2").get("total").asLong()).isEqualTo(2);
        assertThat(getJson("/api/v1/observations?level=2").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void badParametersAnswer400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/observations?from=yesterday")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ISO-8601")));
        mvc.perform(get("/api/v1/observations?from=2012-01-01&to=2011-01-01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));
        mvc.perform(get("/api/v1/observations?wavelength=blue")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("wavelength"));
        mvc.perform(get("/api/v1/observations?size=5000")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/v1/observations?sort=colour")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("sort"));
        mvc.perform(get("/api/v1/observations?keyword=NOVALUE")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("keyword"));
        mvc.perform(get("/api/v1/observations?cursor=bm9wZQ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("cursor"));
    }

    @Test
    void deepOffsetPagesAreRefusedWithAPointerToTheCursor() throws Exception {
        mvc.perform(get("/api/v1/observations?page=201&size=50")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("page"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nextCursor")));
        mvc.perform(get("/api/v1/observations?page=200&size=50")).andExpect(status().isOk());
    }

    @Test
    void atMostFiveKeywordFiltersAreAcceptedInOneSearch() throws Exception {
        String five = "keyword=A:1&keyword=B:2&keyword=C:3&keyword=D:4&keyword=E:5";
        mvc.perform(get("/api/v1/observations?" + five)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/observations?" + five + "&keyword=F:6")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("keyword"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 5")));
    }

    @Test
    void cursorPagingWalksEveryRowOnceInOrder() throws Exception {
        JsonNode all = getJson("/api/v1/observations?size=1000&sort=dateObs,asc");
        List<Long> expected = all.get("items").valueStream().map(n -> n.get("id").asLong()).toList();
        List<Long> walked = new java.util.ArrayList<>();
        String url = "/api/v1/observations?size=4&sort=dateObs,asc";
        while (url != null) {
            JsonNode page = getJson(url);
            assertThat(page.get("total").asLong()).as("every page reports the total of the first").isEqualTo(expected.size());
            page.get("items").forEach(n -> walked.add(n.get("id").asLong()));
            JsonNode next = page.get("nextCursor");
            url = next == null || next.isNull() ? null : "/api/v1/observations?size=4&sort=dateObs,asc&cursor=" + next.asString();
        }
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize((int) all.get("total").asLong());
    }

    @Test
    void detailAddsTheFullHeader() throws Exception {
        JsonNode detail = getJson("/api/v1/observations/" + aiaLevelOneId());
        assertThat(detail.get("header").get("WAVELNTH").asInt()).isEqualTo(171);
        assertThat(detail.get("header").get("TELESCOP").asString()).isEqualTo("SDO/AIA");
        assertThat(detail.get("hdus").get(0).get("cards").size()).isGreaterThan(100);
        assertThat(detail.get("ctype1").asString()).isEqualTo("HPLN-TAN");
        mvc.perform(get("/api/v1/observations/999999")).andExpect(status().isNotFound());
    }

    @Test
    void fileIsServedWhole() throws Exception {
        long id = aiaLevelOneId();
        byte[] original = Files.readAllBytes(ArchiveTestApplication.sampleFits().resolve("aia_171_level1.fits"));
        MvcResult result = mvc.perform(get("/api/v1/observations/" + id + "/file")).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/fits"))
                .andExpect(header().string(HttpHeaders.CONTENT_LENGTH, Long.toString(original.length)))
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + sha256(original) + "\""))
                .andExpect(header().string(HttpHeaders.ACCEPT_RANGES, "bytes"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.containsString("aia_171_level1.fits")))
                .andReturn();
        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(original);
    }

    @Test
    void rangeRequestsGetPartialContent() throws Exception {
        long id = aiaLevelOneId();
        byte[] original = Files.readAllBytes(ArchiveTestApplication.sampleFits().resolve("aia_171_level1.fits"));
        MvcResult part = mvc.perform(get("/api/v1/observations/" + id + "/file").header(HttpHeaders.RANGE, "bytes=2880-5759"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 2880-5759/" + original.length))
                .andReturn();
        assertThat(part.getResponse().getContentAsByteArray()).isEqualTo(java.util.Arrays.copyOfRange(original, 2880, 5760));
        mvc.perform(get("/api/v1/observations/" + id + "/file").header(HttpHeaders.RANGE, "bytes=999999999-"))
                .andExpect(status().isRequestedRangeNotSatisfiable());
    }

    @Test
    void unchangedFileAnswers304ToItsEtag() throws Exception {
        long id = aiaLevelOneId();
        String etag = mvc.perform(get("/api/v1/observations/" + id + "/file")).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        mvc.perform(get("/api/v1/observations/" + id + "/file").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
    }

    @Test
    void previewIsAPng() throws Exception {
        MvcResult png = mvc.perform(get("/api/v1/observations/" + aiaLevelOneId() + "/preview"))
                .andExpect(status().isOk()).andExpect(header().string(HttpHeaders.CONTENT_TYPE, "image/png")).andReturn();
        var image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png.getResponse().getContentAsByteArray()));
        assertThat(image.getWidth()).isEqualTo(128);
    }

    @Test
    void bulkTarHoldsTheFilesAndTheirChecksums() throws Exception {
        byte[] body = bulk("{\"instrument\":\"SPICE\"}", "tar");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(body))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrder(
                "solo_L2_spice-n-ras-db_20200602T081733_V01_12583760-000.fits",
                "solo_L2_spice-n-sit_20200620T235901_V01_16777431-000.fits", "SHA256SUMS");
        checkSums(entries);
    }

    @Test
    void bulkZipByIdsHoldsTheFilesAndTheirChecksums() throws Exception {
        byte[] body = bulk("{\"ids\":[" + aiaLevelOneId() + "]}", "zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(body))) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries).containsKeys("aia_171_level1.fits", "SHA256SUMS");
        checkSums(entries);
    }

    @Test
    void bulkDownloadRefusesUnknownIdsAndFormats() throws Exception {
        mvc.perform(post("/api/v1/downloads").contentType(MediaType.APPLICATION_JSON).content("{\"ids\":[424242]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("ids"));
        mvc.perform(post("/api/v1/downloads?format=rar").contentType(MediaType.APPLICATION_JSON).content("{\"instrument\":\"AIA\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("format"));
    }

    @Test
    void aBulkDownloadMayStreamForHoursNotTheContainersThirtySeconds() throws Exception {
        ingest.ingestFile(ArchiveTestApplication.sampleFits().resolve("aia_171_level1.fits"), "aia_171_level1.fits", "test");
        var result = mvc.perform(post("/api/v1/downloads").contentType(MediaType.APPLICATION_JSON).content("{\"instrument\":\"AIA\"}"))
                .andExpect(request().asyncStarted()).andReturn();
        // medoc.download.stream-timeout (12 h): the 30 s default cut 10 GB downloads into truncated tars
        assertThat(result.getRequest().getAsyncContext().getTimeout()).isEqualTo(java.time.Duration.ofHours(12).toMillis());
    }

    @Test
    void uploadNeedsAnArchivist() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "x.fits", "application/fits", "junk".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/api/v1/ingest").file(file)).andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/ingest").file(file).with(httpBasic("planner", "secret"))).andExpect(status().isForbidden());
    }

    @Test
    void archivistUploadIsIngestedOrQuarantinedWithItsReason() throws Exception {
        byte[] aia = Files.readAllBytes(ArchiveTestApplication.sampleFits().resolve("aia_171_level1.fits"));
        MockMultipartFile known = new MockMultipartFile("file", "../../etc/aia.fits", "application/fits", aia);
        MockMultipartFile junk = new MockMultipartFile("file", "junk.fits", "application/fits", "junk".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/api/v1/ingest").file(known).file(junk).with(httpBasic("archivist", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.quarantined").value(1))
                .andExpect(jsonPath("$.outcomes[0].fileName").value("aia.fits"))
                .andExpect(jsonPath("$.outcomes[1].reason").value(org.hamcrest.Matchers.startsWith("not a FITS file")));
    }

    @Test
    void archivistsSeeQuarantinedFilesWithTheirReasons() throws Exception {
        MockMultipartFile junk = new MockMultipartFile("file", "listed.fits", "application/fits",
                "SIMPLE  = nonsense, listed in quarantine".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(multipart("/api/v1/ingest").file(junk).with(httpBasic("archivist", "secret"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/quarantine")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/quarantine").with(httpBasic("planner", "secret"))).andExpect(status().isForbidden());
        MvcResult listed = mvc.perform(get("/api/v1/quarantine?size=1000").with(httpBasic("archivist", "secret")))
                .andExpect(status().isOk()).andReturn();
        JsonNode body = json.readTree(listed.getResponse().getContentAsString());
        assertThat(body.get("total").asInt()).isPositive();
        assertThat(body.get("items").valueStream().filter(i -> i.get("fileName").asString().equals("listed.fits")))
                .singleElement().satisfies(i -> assertThat(i.get("reason").asString()).startsWith("not a FITS file"));
    }

    @Test
    void restrictedObservationsAreInvisibleToAnonymousVisitorsOnly() throws Exception {
        long id = getJson("/api/v1/observations?detector=SPICE/SW&from=2020-06-02&to=2020-06-02").get("items").get(0).get("id").asLong();
        dsl.update(OBSERVATION).set(OBSERVATION.ACCESS, "RESTRICTED").where(OBSERVATION.ID.eq(id)).execute();
        try {
            assertThat(getJson("/api/v1/observations?detector=SPICE/SW&from=2020-06-02&to=2020-06-02").get("total").asLong()).isZero();
            mvc.perform(get("/api/v1/observations/" + id)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/observations/" + id + "/file")).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/downloads").contentType(MediaType.APPLICATION_JSON).content("{\"ids\":[" + id + "]}"))
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/api/v1/observations?detector=SPICE/SW&from=2020-06-02&to=2020-06-02").with(httpBasic("planner", "secret")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
            mvc.perform(get("/api/v1/observations/" + id + "/file").with(httpBasic("planner", "secret"))).andExpect(status().isOk());
        } finally {
            dsl.update(OBSERVATION).set(OBSERVATION.ACCESS, "PUBLIC").where(OBSERVATION.ID.eq(id)).execute();
        }
    }

    @Test
    void theSearchVocabularyComesFromTheRegistry() throws Exception {
        JsonNode vocabulary = getJson("/api/v1/observations/vocabulary");
        assertThat(vocabulary.get("missions").valueStream().map(m -> m.get("code").asString()))
                .contains("SOHO", "SDO", "SOLO", "STEREO-A", "STEREO-B", "TRACE", "CORONAS-F", "PICARD", "IRIS");
        assertThat(vocabulary.get("detectors").valueStream().map(d -> d.get("qualifiedName").asString()))
                .contains("LASCO/C2", "SECCHI/EUVI", "SPICE/SW", "AIA/AIA", "SODISM/SODISM");
        JsonNode aia = vocabulary.get("detectors").valueStream()
                .filter(d -> d.get("qualifiedName").asString().equals("AIA/AIA")).findFirst().orElseThrow();
        assertThat(aia.get("wavelengthsAngstrom").valueStream().map(JsonNode::asDouble)).contains(94.0, 171.0, 335.0, 1600.0);
    }

    @Test
    void headAnswersTheFileHeaders() throws Exception {
        // (the servlet container, not MockMvc, drops the body of a HEAD response)
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .head("/api/v1/observations/" + aiaLevelOneId() + "/file"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_LENGTH, "149760"))
                .andExpect(header().exists(HttpHeaders.ETAG));
    }

    @Test
    void unknownApiPathsAnswer404WithAProblem() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").with(httpBasic("planner", "secret"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("GET /api/v1/nothing-here")));
    }

    @Test
    void theApiIsDescribedInOpenApi() throws Exception {
        JsonNode api = getJson("/v3/api-docs");
        assertThat(api.get("openapi").asString()).startsWith("3.");
        assertThat(api.get("info").get("title").asString()).isEqualTo("medoc API");
        assertThat(api.get("paths").has("/api/v1/observations")).isTrue();
        assertThat(api.get("paths").has("/api/v1/observations/{id}/file")).isTrue();
        assertThat(api.get("paths").has("/api/v1/downloads")).isTrue();
        List<String> parameters = api.get("paths").get("/api/v1/observations").get("get").get("parameters")
                .valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(parameters).contains("from", "to", "mission", "instrument", "detector", "wavelength",
                "wavelengthMin", "wavelengthMax", "level", "keyword", "page", "size", "sort", "cursor");
    }

    private byte[] bulk(String request, String format) throws Exception {
        MvcResult started = mvc.perform(post("/api/v1/downloads?format=" + format)
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static void checkSums(Map<String, byte[]> entries) throws Exception {
        String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
        List<String> lines = sums.lines().toList();
        assertThat(lines).hasSize(entries.size() - 1);
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            assertThat(sha256(entries.get(parts[1]))).isEqualTo(parts[0]);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

}
