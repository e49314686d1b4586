package org.medoc.capabilities;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/capabilities} and what every search row carries for clients, anonymously and over real HTTP,
 * against the demo (AIA six-channel sets yesterday from 12:00 UTC, the published release spice-demo 1.0).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CapabilitiesApiTests {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asString().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    @Test
    void anonymousCallersGetTheSearchVocabularyWithWavelengthsLevelsAndTimeCoverage() throws Exception {
        JsonNode capabilities = getJson("/api/v1/capabilities");
        assertThat(capabilities.path("provider").asString()).isEqualTo("MEDOC");
        assertThat(find(capabilities.path("missions"), "code", "SDO").path("name").asString()).isEqualTo("Solar Dynamics Observatory");

        JsonNode aia = find(capabilities.path("detectors"), "qualifiedName", "AIA/AIA");
        List<Double> catalogued = new ArrayList<>();
        aia.path("catalogedWavelengthsAngstrom").forEach(w -> catalogued.add(w.asDouble()));
        assertThat(catalogued).contains(94.0, 131.0, 171.0, 193.0, 211.0, 335.0);
        assertThat(strings(aia.path("levels"))).contains("1.5");
        assertThat(aia.path("observations").asLong()).isGreaterThanOrEqualTo(24);

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        JsonNode instrument = find(capabilities.path("instruments"), "code", "AIA");
        assertThat(instrument.path("lastObservation").asString()).startsWith(yesterday + "T13:30");
        assertThat(instrument.path("firstObservation").asString()).isLessThanOrEqualTo(yesterday + "T12:00:00Z");
        JsonNode spirit = find(capabilities.path("instruments"), "code", "SPIRIT");
        assertThat(spirit.path("observations").asLong()).isZero();
        assertThat(spirit.path("firstObservation").isNull()).isTrue();
    }

    @Test
    void productTypesComeWithTheirVersionsAndReleaseCollectionsWithTheirPublishedVersionsOnly() throws Exception {
        JsonNode capabilities = getJson("/api/v1/capabilities");
        JsonNode dem = find(capabilities.path("productTypes"), "type", "dem");
        assertThat(dem.path("currentVersion").asString()).isEqualTo("1.0");
        assertThat(strings(dem.path("versions"))).contains("1.0");
        assertThat(dem.path("cadenceSeconds").asLong()).isEqualTo(1800);

        JsonNode collections = capabilities.path("releaseCollections");
        JsonNode spice = find(collections, "collection", "spice-demo");
        assertThat(spice.path("versions").get(0).path("identifier").asString()).isEqualTo("medoc-local:spice-demo/1.0");
        // the demo's AIA and DEM releases are drafts: not searchable, not listed
        List<String> codes = new ArrayList<>();
        collections.forEach(collection -> codes.add(collection.path("collection").asString()));
        assertThat(codes).contains("spice-demo").doesNotContain("aia-demo", "dem-maps");
    }

    @Test
    void everySearchRowCarriesSizeChecksumFileUrlAndItsPublishedRelease() throws Exception {
        JsonNode spice = getJson("/api/v1/observations?instrument=SPICE&level=2").path("items");
        assertThat(spice).hasSize(3);
        spice.forEach(row -> {
            assertThat(row.path("release").asString()).isEqualTo("medoc-local:spice-demo/1.0");
            assertThat(row.path("sha256").asString()).hasSize(64);
            assertThat(row.path("size").asLong()).isPositive();
            assertThat(row.path("fileUrl").asString()).isEqualTo("/api/v1/observations/" + row.path("id").asLong() + "/file");
        });
        JsonNode eit = getJson("/api/v1/observations?instrument=EIT").path("items");
        assertThat(eit.get(0).path("release").isNull()).isTrue();
        long id = spice.get(0).path("id").asLong();
        assertThat(getJson("/api/v1/observations/" + id).path("release").asString()).isEqualTo("medoc-local:spice-demo/1.0");
    }

    @Test
    void theCadenceParameterThinsAnApiSearchAndAnInvalidOneIsAProblemNamingIt() throws Exception {
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String search = "/api/v1/observations?instrument=AIA&wavelength=171&from=" + day + "&to=" + day + "&sort=dateObs,asc";
        assertThat(getJson(search).path("total").asLong()).isEqualTo(4);
        JsonNode hourly = getJson(search + "&cadence=3600");
        assertThat(hourly.path("total").asLong()).isEqualTo(2);
        assertThat(hourly.path("items").get(0).path("dateObs").asString()).startsWith(day + "T12:00");
        assertThat(hourly.path("items").get(1).path("dateObs").asString()).startsWith(day + "T13:00");

        HttpResponse<String> refused = get(search + "&cadence=0");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("parameter").asString()).isEqualTo("cadence");
    }
}
