package org.medoc.release.doi;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.release.ReleaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.release.ReleaseFixtures.asManager;
import static org.medoc.release.ReleaseFixtures.newCollection;

/**
 * The lifecycle with a DataCite registrar configured (a WireMock stand-in): a draft's DOI is reserved, publication
 * makes it findable with the landing page URL and updates the previous version and the concept DOI, withdrawal
 * hides it; a DataCite refusal leaves the release frozen and is reported with DataCite's pointer.
 */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DoiRegistrationTests {

    static final WireMockServer DATACITE = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @DynamicPropertySource
    static void registrar(DynamicPropertyRegistry properties) {
        if (!DATACITE.isRunning()) {
            DATACITE.start();
        }
        properties.add("medoc.release.doi.endpoint", () -> "http://localhost:" + DATACITE.port());
        properties.add("medoc.release.doi.repository-id", () -> "INIST.MEDOC");
        properties.add("medoc.release.doi.password", () -> "s3cret");
        properties.add("medoc.release.doi.prefix", () -> "10.80000");
        properties.add("medoc.release.doi.first-backoff", () -> "PT0.01S");
    }

    @AfterAll
    static void stop() {
        DATACITE.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    ReleaseService releases;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void dataCiteAnswersLikeDataCite() throws Exception {
        fixtures.ingestDemoData();
        DATACITE.resetAll();
        stub(absent(), "draft", 201);
        stub(equalTo("publish"), "findable", 200);
        stub(equalTo("hide"), "registered", 200);
    }

    private static void stub(com.github.tomakehurst.wiremock.matching.StringValuePattern event, String state, int status) {
        DATACITE.stubFor(put(urlPathMatching("/dois/10\\.80000/.+"))
                .withBasicAuth("INIST.MEDOC", "s3cret")
                .withHeader("Content-Type", equalTo("application/vnd.api+json"))
                .withRequestBody(matchingJsonPath("$.data.attributes.event", event))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"data\":{\"type\":\"dois\",\"attributes\":{\"state\":\"" + state + "\"}}}")));
    }

    private List<LoggedRequest> puts(String doi) {
        return DATACITE.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/dois/" + doi)));
    }

    private JsonNode attributes(LoggedRequest request) {
        return json.readTree(request.getBodyAsString()).get("data").get("attributes");
    }

    @Test
    void theDraftDoiIsReservedThenPublishedWithTheLandingPageAndTheConceptDoiFollows() throws Exception {
        String collection = newCollection();
        Release draft = fixtures.draft(collection, "2.0");
        String doi = "10.80000/idoc.medoc." + collection + ".2.0";
        assertThat(draft.identifier()).isEqualTo(doi);
        assertThat(draft.hasDoi()).isTrue();
        assertThat(draft.doiState()).isEqualTo("draft");
        assertThat(puts(doi)).singleElement().satisfies(request -> assertThat(attributes(request).has("event")).isFalse());

        asManager(() -> releases.freeze(collection, "2.0", null));
        Release published = asManager(() -> releases.publish(collection, "2.0", null));
        assertThat(published.doiState()).isEqualTo("findable");
        JsonNode publish = attributes(puts(doi).getLast());
        assertThat(publish.get("event").asString()).isEqualTo("publish");
        assertThat(publish.get("url").asString()).isEqualTo("https://data.example.org/releases/" + collection + "/2.0");
        String xml = new String(Base64.getDecoder().decode(publish.get("xml").asString()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<identifier identifierType=\"DOI\">" + doi + "</identifier>").contains("dateType=\"Issued\"");

        JsonNode concept = attributes(puts("10.80000/idoc.medoc." + collection).getLast());
        assertThat(concept.get("event").asString()).isEqualTo("publish");
        assertThat(concept.get("url").asString()).isEqualTo("https://data.example.org/releases/" + collection + "/latest");
        assertThat(new String(Base64.getDecoder().decode(concept.get("xml").asString()), StandardCharsets.UTF_8))
                .contains("relationType=\"HasVersion\" resourceTypeGeneral=\"Dataset\">" + doi + "<");

        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/releases/"
                + collection + "/2.0")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("<meta name=\"citation_doi\" content=\"" + doi + "\">")
                .contains("<meta name=\"DC.Identifier\" scheme=\"doi\" content=\"" + doi + "\">")
                .contains("href=\"https://doi.org/" + doi + "\"")
                .doesNotContain("No DOI is registered");
    }

    @Test
    void publishingANewVersionUpdatesThePreviousVersionsDoiAndWithdrawalHidesTheDoi() {
        String collection = newCollection();
        fixtures.published(collection, "1.0");
        asManager(() -> releases.newVersion(collection, "1.0", "2.0"));
        asManager(() -> releases.freeze(collection, "2.0", null));
        asManager(() -> releases.publish(collection, "2.0", null));
        String first = "10.80000/idoc.medoc." + collection + ".1.0";
        JsonNode update = attributes(puts(first).getLast());
        assertThat(update.has("event")).isFalse();
        assertThat(new String(Base64.getDecoder().decode(update.get("xml").asString()), StandardCharsets.UTF_8))
                .contains("relationType=\"IsPreviousVersionOf\" resourceTypeGeneral=\"Dataset\">10.80000/idoc.medoc." + collection + ".2.0<");

        Release withdrawn = asManager(() -> releases.withdraw(collection, "2.0", null, "superseded by a fix"));
        assertThat(withdrawn.doiState()).isEqualTo("registered");
        JsonNode hide = attributes(puts("10.80000/idoc.medoc." + collection + ".2.0").getLast());
        assertThat(hide.get("event").asString()).isEqualTo("hide");
        assertThat(new String(Base64.getDecoder().decode(hide.get("xml").asString()), StandardCharsets.UTF_8)).contains("dateType=\"Withdrawn\"");
    }

    @Test
    void aDataCiteRefusalLeavesTheReleaseFrozenAndNamesTheFailingAttribute() {
        String collection = newCollection();
        fixtures.draft(collection, "1.0");
        asManager(() -> releases.freeze(collection, "1.0", null));
        DATACITE.stubFor(put(urlPathMatching("/dois/10\\.80000/idoc\\.medoc\\." + collection + "\\.1\\.0"))
                .withRequestBody(matchingJsonPath("$.data.attributes.event", equalTo("publish")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(422).withBody("{\"errors\":[{\"status\":\"422\",\"source\":\"url\",\"title\":\"URL is not allowed by repository domain settings.\"}]}")));
        assertThatThrownBy(() -> asManager(() -> releases.publish(collection, "1.0", null)))
                .isInstanceOfSatisfying(ReleaseException.Registration.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.pointer()).isEqualTo("/data/attributes/url")));
        assertThat(releases.get(collection, "1.0").state().name()).isEqualTo("FROZEN");
    }
}
