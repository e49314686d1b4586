package org.medoc.release.landing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.release.DataCiteSchema;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.doi.MetadataValidator;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.packaging.IndependentBagVerifier;
import org.medoc.release.release.ReleaseService;
import org.medoc.release.selection.CatalogRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.release.ReleaseFixtures.asManager;
import static org.medoc.release.ReleaseFixtures.newCollection;

/** The public pages, exports, files, packages and JSON API over real HTTP, with the application's access rules. */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleasePagesTests {

    @LocalServerPort
    int port;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    ReleaseService releases;
    @Autowired
    ArchiveStore store;
    @Autowired
    MetadataValidator validator;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    @Test
    void theTarPackageIsABagThatAnIndependentCheckAcceptsAndThatFailsWhenAByteIsFlipped() throws Exception {
        String collection = newCollection();
        fixtures.published(collection, "2.0");
        HttpResponse<InputStream> response = http.send(get("/releases/" + collection + "/2.0/package.tar").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-tar");
        Path root = Files.createTempDirectory("bag-");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(response.body())) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                extract(root, entry.getName(), tar);
            }
        }
        Path bag = root.resolve("release-2.0");
        assertThat(IndependentBagVerifier.problems(bag)).isEmpty();
        // and the Library of Congress's implementation agrees (it throws on any invalid bag)
        try (gov.loc.repository.bagit.verify.BagVerifier loc = new gov.loc.repository.bagit.verify.BagVerifier()) {
            gov.loc.repository.bagit.domain.Bag read = new gov.loc.repository.bagit.reader.BagReader().read(bag);
            assertThat(read.getVersion().toString()).isEqualTo("1.0");
            loc.isValid(read, false);
        }
        assertThat(Files.readString(bag.resolve("bagit.txt"))).isEqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        String info = Files.readString(bag.resolve("bag-info.txt"));
        assertThat(info).contains("External-Identifier: medoc-local:" + collection + "/2.0")
                .contains("Citation: SPICE consortium; Buchlin, Éric (")
                .contains("Identifier-Note: local identifier, not a DOI");
        assertThat(bag.resolve("catalog.csv")).isRegularFile();
        assertThat(bag.resolve("release-notes.md")).content().contains("no DOI is registered");
        String dataCiteXml = Files.readString(bag.resolve("datacite.xml"));

        Path fits;
        try (var files = Files.walk(bag.resolve("data"))) {
            fits = files.filter(p -> p.toString().endsWith(".fits")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(fits);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(fits, bytes);
        try (gov.loc.repository.bagit.verify.BagVerifier loc = new gov.loc.repository.bagit.verify.BagVerifier()) {
            gov.loc.repository.bagit.domain.Bag read = new gov.loc.repository.bagit.reader.BagReader().read(bag);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> loc.isValid(read, false))
                    .isInstanceOf(gov.loc.repository.bagit.exceptions.CorruptChecksumException.class);
        }
        assertThat(IndependentBagVerifier.problems(bag))
                .anySatisfy(problem -> assertThat(problem).contains("manifest-sha256.txt").contains("different sha256 checksum"))
                .anySatisfy(problem -> assertThat(problem).contains("manifest-sha512.txt"));
        Files.writeString(bag.resolve("data/extra.fits"), "not in any manifest");
        assertThat(IndependentBagVerifier.problems(bag)).anySatisfy(problem -> assertThat(problem).contains("data/extra.fits is in the payload but not in"));
        DataCiteSchema.require();
        assertThat(validator.validateXml(dataCiteXml)).isEmpty();
    }

    @Test
    void theZipPackageHoldsTheSameBag() throws Exception {
        String collection = newCollection();
        fixtures.published(collection, "1.0");
        HttpResponse<InputStream> response = http.send(get("/releases/" + collection + "/1.0/package.zip").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("release-1.0.zip"));
        Path root = Files.createTempDirectory("bag-");
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(response.body())) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                extract(root, entry.getName(), zip);
            }
        }
        assertThat(IndependentBagVerifier.problems(root.resolve("release-1.0"))).isEmpty();
        assertThat(root.resolve("release-1.0/data")).isDirectory();
    }

    @Test
    void catalogCsvHasEveryColumnTheSospiceReaderRequiresAndPointsAtTheFiles() throws Exception {
        String collection = newCollection();
        Release release = fixtures.published(collection, "1.0");
        HttpResponse<String> response = send(get("/releases/" + collection + "/1.0/files/catalog.csv"));
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().split(","));
        assertThat(header).containsAll(CatalogRows.SPICE_REQUIRED).contains("FILE_PATH", "SIZE", "SHA256");
        assertThat(lines).hasSize(1 + 3);
        int path = header.indexOf("FILE_PATH");
        int name = header.indexOf("FILENAME");
        int sha = header.indexOf("SHA256");
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",");
            HttpResponse<byte[]> file = http.send(get("/releases/" + collection + "/1.0/files/" + row[path] + "/" + row[name]).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(org.medoc.release.packaging.BagIt.digest("sha256", file.body())).isEqualTo(row[sha]);
        }
        assertThat(releases.files(release)).hasSize(3);
    }

    @Test
    void filesAreServedWithRangesHeadAndTheirChecksumAsETag() throws Exception {
        String collection = newCollection();
        Release release = fixtures.published(collection, "1.0");
        ReleaseFile file = releases.files(release).getFirst();
        String url = "/releases/" + collection + "/1.0/files/" + file.packagePath();
        byte[] stored;
        try (InputStream in = store.open(file.storageKey())) {
            stored = in.readAllBytes();
        }
        HttpResponse<byte[]> range = http.send(get(url).header("Range", "bytes=2880-2889").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 2880-2889/" + file.sizeBytes());
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(stored, 2880, 2890));
        HttpResponse<Void> head = http.send(get(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).hasValue("\"" + file.sha256() + "\"");
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Long.toString(file.sizeBytes()));
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        HttpResponse<String> unsatisfiable = send(get(url).header("Range", "bytes=" + (file.sizeBytes() + 10) + "-"));
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(send(get("/releases/" + collection + "/1.0/files/data/../bagit.txt")).statusCode()).isIn(400, 404);
        HttpResponse<String> index = send(get("/releases/" + collection + "/1.0/files/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains(file.packagePath()).contains("manifest-sha256.txt");
    }

    @Test
    void theLandingPageCarriesTheCitationMetaTagsJsonLdAndSaysPlainlyThatNoDoiIsRegistered() throws Exception {
        String collection = newCollection();
        Release release = fixtures.published(collection, "2.0");
        HttpResponse<String> page = send(get("/releases/" + collection + "/2.0"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains("<meta name=\"citation_title\" content=\"SPICE Data Release 2.0\">")
                .contains("<meta name=\"citation_author\" content=\"SPICE consortium\">")
                .contains("<meta name=\"citation_author\" content=\"Buchlin, Éric\">")
                .contains("<meta name=\"DC.Identifier\" scheme=\"local\" content=\"medoc-local:" + collection + "/2.0\">")
                .doesNotContain("citation_doi")
                .contains("No DOI is registered for this release.")
                .contains("href=\"/releases/" + collection + "/2.0/package.zip\"")
                .contains("href=\"/releases/" + collection + "/2.0/files/\"")
                .contains("href=\"/releases/" + collection + "/2.0/files/catalog.csv\"")
                .contains("3</span> files")
                .contains("Calibrated SPICE rasters &amp; their catalogue, for &quot;testing&quot; &lt;release&gt; pages.")
                .contains("Creative Commons Attribution 4.0 International");
        String jsonLd = html.substring(html.indexOf("<script type=\"application/ld+json\">") + 35, html.indexOf("</script>"));
        JsonNode ld = json.readTree(jsonLd);
        assertThat(ld.get("@type").asString()).isEqualTo("Dataset");
        assertThat(ld.get("version").asString()).isEqualTo("2.0");
        assertThat(ld.get("creator").get(1).get("@id").asString()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
        assertThat(ld.get("distribution").get(0).get("contentUrl").asString())
                .isEqualTo("https://data.example.org/releases/" + collection + "/2.0/package.zip");
        assertThat(release.state().name()).isEqualTo("PUBLISHED");
    }

    @Test
    void citationsExportAsBibtexRisDataCiteXmlAndJsonLd() throws Exception {
        String collection = newCollection();
        fixtures.published(collection, "2.0");
        String base = "/releases/" + collection + "/2.0";
        HttpResponse<String> bibtex = send(get(base + "/cite.bib"));
        assertThat(bibtex.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-bibtex"));
        assertThat(bibtex.body()).startsWith("@misc{medoc_" + collection.replace('-', '_') + "_2_0,")
                .contains("author    = {{SPICE consortium} and Buchlin, Éric}")
                .contains("title     = {{SPICE Data Release 2.0}}")
                .contains("version   = {2.0}")
                .contains("url       = {https://data.example.org/releases/" + collection + "/2.0}")
                .doesNotContain("doi ");
        HttpResponse<String> ris = send(get(base + "/cite.ris"));
        assertThat(ris.body()).startsWith("TY  - DATA\r\nAU  - SPICE consortium\r\n").contains("ET  - 2.0\r\n").endsWith("ER  - \r\n");
        HttpResponse<String> xml = send(get(base + "/datacite.xml"));
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<identifier identifierType=\"Local\">medoc-local:" + collection + "/2.0</identifier>");
        JsonNode ld = json.readTree(send(get(base + "/schema.jsonld")).body());
        assertThat(ld.get("@id").asString()).isEqualTo("https://data.example.org/releases/" + collection + "/2.0");
        DataCiteSchema.require();
        assertThat(validator.validateXml(xml.body())).isEmpty();
    }

    @Test
    void aWithdrawnReleaseIsA410TombstoneWithItsReasonAndCitationAndServesNoFile() throws Exception {
        String collection = newCollection();
        Release release = fixtures.published(collection, "1.0");
        ReleaseFile file = releases.files(release).getFirst();
        asManager(() -> releases.withdraw(collection, "1.0", null, "wrong pointing in all rasters"));
        String base = "/releases/" + collection + "/1.0";

        HttpResponse<String> page = send(get(base));
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This release was withdrawn").contains("wrong pointing in all rasters")
                .contains("SPICE consortium; Buchlin, Éric (");
        assertThat(send(get(base + "/package.zip")).statusCode()).isEqualTo(410);
        assertThat(send(get(base + "/package.tar")).statusCode()).isEqualTo(410);
        assertThat(send(get(base + "/files/" + file.packagePath())).statusCode()).isEqualTo(410);
        assertThat(send(get(base + "/files/")).statusCode()).isEqualTo(410);
        HttpResponse<String> api = send(get("/api/v1/releases/" + collection + "/1.0"));
        assertThat(api.statusCode()).isEqualTo(410);
        JsonNode tombstone = json.readTree(api.body());
        assertThat(tombstone.get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(tombstone.get("withdrawalReason").asString()).isEqualTo("wrong pointing in all rasters");
        assertThat(tombstone.get("citation").asString()).contains("Version 1.0");
        assertThat(send(get("/releases/" + collection + "/metadata/latest-release.txt")).statusCode()).isEqualTo(404);
    }

    @Test
    void draftsAreInvisibleToTheAnonymousPublicAndVisibleToReleaseManagers() throws Exception {
        String collection = newCollection();
        fixtures.draft(collection, "1.0");
        assertThat(send(get("/releases/" + collection + "/1.0")).statusCode()).isEqualTo(404);
        assertThat(send(get("/api/v1/releases/" + collection + "/1.0")).statusCode()).isEqualTo(404);
        assertThat(send(get("/api/v1/releases")).body()).doesNotContain(collection);
        HttpResponse<String> asManager = send(get("/api/v1/releases/" + collection + "/1.0").header("Authorization", basic("manager")));
        assertThat(asManager.statusCode()).isEqualTo(200);
        assertThat(json.readTree(asManager.body()).get("state").asString()).isEqualTo("DRAFT");
        assertThat(send(get("/releases/" + collection + "/1.0").header("Authorization", basic("manager"))).body())
                .contains("this release is <strong>DRAFT</strong> and not public");
    }

    @Test
    void anonymousUsersAndOtherRolesCannotChangeAnything() throws Exception {
        String collection = newCollection();
        fixtures.draft(collection, "1.0");
        String base = "/api/v1/releases/" + collection + "/1.0";
        String body = "{\"collection\":\"" + newCollection() + "\",\"version\":\"1.0\"}";
        for (HttpRequest.Builder change : List.of(
                post("/api/v1/releases", body), post(base + "/freeze", ""), post(base + "/publish", ""),
                post(base + "/withdraw", "{\"reason\":\"x\"}"), post(base + "/versions", "{\"version\":\"2.0\"}"),
                put(base + "/metadata", "{}"), put(base + "/selection", "{}"))) {
            HttpResponse<String> anonymous = send(change);
            assertThat(anonymous.statusCode()).as(anonymous.request().method() + " " + anonymous.request().uri()).isEqualTo(401);
            HttpResponse<String> planner = send(change.header("Authorization", basic("planner")));
            assertThat(planner.statusCode()).as(planner.request().method() + " " + planner.request().uri()).isEqualTo(403);
        }
        assertThat(send(get(base + "/history")).statusCode()).isEqualTo(401);
        assertThat(send(get(base + "/validation").header("Authorization", basic("planner"))).statusCode()).isEqualTo(403);
        assertThat(releases.get(collection, "1.0").state().name()).isEqualTo("DRAFT");
    }

    @Test
    void aReleaseManagerDrivesTheWholeLifecycleOverTheApi() throws Exception {
        String collection = newCollection();
        String create = """
                {"collection":"%s","collectionTitle":"SPICE","catalogFormat":"SPICE","version":"3.0",
                 "metadata":%s, "selection":{"instruments":["SPICE"],"stps":[{"first":122,"last":122}]}}"""
                .formatted(collection, json.writeValueAsString(ReleaseFixtures.metadata("SPICE Data Release 3.0")));
        HttpResponse<String> created = send(post("/api/v1/releases", create).header("Authorization", basic("manager")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/releases/" + collection + "/3.0");
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String base = "/api/v1/releases/" + collection + "/3.0";

        JsonNode summary = json.readTree(send(get(base + "/selection/summary").header("Authorization", basic("manager"))).body());
        assertThat(summary.get("fileCount").asLong()).isEqualTo(1);
        assertThat(summary.get("totalBytes").asLong()).isPositive();
        assertThat(summary.get("preview").get(0).get("packagePath").asString()).startsWith("data/level2/2020/11/20/");

        HttpResponse<String> stale = send(post(base + "/freeze", "").header("Authorization", basic("manager")).header("If-Match", "\"7\""));
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> frozen = send(post(base + "/freeze", "").header("Authorization", basic("manager")).header("If-Match", etag));
        assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(200);
        assertThat(json.readTree(frozen.body()).get("fileCount").asInt()).isEqualTo(1);
        HttpResponse<String> editFrozen = send(put(base + "/metadata", json.writeValueAsString(ReleaseFixtures.metadata("edited")))
                .header("Authorization", basic("manager")));
        assertThat(editFrozen.statusCode()).isEqualTo(409);
        assertThat(json.readTree(editFrozen.body()).get("detail").asString()).contains("is FROZEN");
        HttpResponse<String> published = send(post(base + "/publish", "").header("Authorization", basic("manager")));
        assertThat(published.statusCode()).isEqualTo(200);

        JsonNode detail = json.readTree(send(get(base)).body());
        assertThat(detail.get("state").asString()).isEqualTo("PUBLISHED");
        assertThat(detail.get("doi").isNull()).isTrue();
        assertThat(detail.get("identifier").asString()).isEqualTo("medoc-local:" + collection + "/3.0");
        assertThat(detail.get("fileCount").asInt()).isEqualTo(1);
        assertThat(detail.get("metadata").get("creators").get(1).get("orcid").asString()).isEqualTo("0000-0002-1825-0097");
        assertThat(detail.has("selection")).isFalse();
        assertThat(send(get("/api/v1/releases")).body()).contains("\"collection\":\"" + collection + "\"");
        HttpResponse<String> history = send(get(base + "/history").header("Authorization", basic("manager")));
        assertThat(json.readTree(history.body()).findValuesAsString("action")).containsExactly("CREATED", "FROZEN", "PUBLISHED");

        assertThat(send(get("/releases/" + collection + "/metadata/latest-release.txt")).body()).isEqualTo("3.0\n");
        HttpResponse<String> latest = send(get("/releases/" + collection + "/latest"));
        assertThat(latest.statusCode()).isEqualTo(302);
        assertThat(latest.headers().firstValue("Location")).hasValue("/releases/" + collection + "/3.0");
        assertThat(send(get("/releases/" + collection)).body()).contains("href=\"/releases/" + collection + "/3.0\"");
        assertThat(send(get("/releases")).body()).contains("no DOI registrar configured");
    }

    @Test
    void freezingAnInvalidReleaseOverTheApiAnswers422WithEveryProblemAndItsPointer() throws Exception {
        String collection = newCollection();
        String create = "{\"collection\":\"" + collection + "\",\"version\":\"1.0\",\"metadata\":{\"title\":\"\",\"creators\":[{\"name\":\"X\",\"orcid\":\"0000-0002-1825-0098\"}]}}";
        assertThat(send(post("/api/v1/releases", create).header("Authorization", basic("manager"))).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = send(post("/api/v1/releases/" + collection + "/1.0/freeze", "").header("Authorization", basic("manager")));
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problems = json.readTree(refused.body()).get("problems");
        assertThat(problems.findValuesAsString("pointer")).contains("/title", "/creators/0/orcid", "/publisher/name", "/selection");
        HttpResponse<String> badRange = send(put("/api/v1/releases/" + collection + "/1.0/selection",
                "{\"timeRanges\":[{\"from\":\"2021-01-02T00:00:00Z\",\"to\":\"2021-01-01T00:00:00Z\"}]}").header("Authorization", basic("manager")));
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badRange.body()).get("detail").asString()).contains("must have a start before its end");
    }

    private static void extract(Path root, String name, InputStream in) throws IOException {
        Path target = root.resolve(name).normalize();
        assertThat(target.startsWith(root)).as("entry %s stays inside the extraction directory", name).isTrue();
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + ReleaseTestApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
