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
import org.medoc.release.model.DoiRegistration;
import org.medoc.release.model.ReleaseEvent;
import org.medoc.release.registrar.DoiReconciler;
import org.medoc.release.registrar.RegistrarJobs;
import org.medoc.release.registrar.RegistrarQueue;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
 * hides it. DataCite is only ever called by the registrar jobs, after the change committed: here the scheduled task is
 * off and each test runs the due jobs itself ({@link RegistrarJobs#runDue()}), so it sees the state in between. A
 * DataCite refusal or outage leaves the release published with its registration FAILED or PENDING; the reconciler
 * finds a DOI whose state diverged at DataCite and repairs it.
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
        properties.add("medoc.release.doi.max-attempts", () -> "2");
        properties.add("medoc.release.registrar.scheduled", () -> "false");
        properties.add("medoc.release.registrar.first-retry", () -> "PT0.001S");
        properties.add("medoc.release.registrar.max-attempts", () -> "3");
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
    @Autowired
    RegistrarJobs registrarJobs;
    @Autowired
    DoiReconciler reconciler;
    @Autowired
    RegistrarQueue queue;
    @Autowired
    PlatformTransactionManager transactions;

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
        assertThat(draft.doiState()).as("nothing is sent before the draft committed").isNull();
        assertThat(puts(doi)).isEmpty();
        assertThat(releases.registration(draft).orElseThrow().status()).isEqualTo(DoiRegistration.Status.PENDING);
        registrarJobs.runDue();
        assertThat(releases.get(collection, "2.0").doiState()).isEqualTo("draft");
        assertThat(releases.get(collection, "2.0").lockVersion()).as("a registration is no edit").isEqualTo(draft.lockVersion());
        assertThat(puts(doi)).singleElement().satisfies(request -> assertThat(attributes(request).has("event")).isFalse());

        asManager(() -> releases.freeze(collection, "2.0", null));
        Release published = asManager(() -> releases.publish(collection, "2.0", null));
        assertThat(published.doiState()).isEqualTo("draft");
        registrarJobs.runDue();
        published = releases.get(collection, "2.0");
        assertThat(published.doiState()).isEqualTo("findable");
        assertThat(releases.registration(published).orElseThrow().status()).isEqualTo(DoiRegistration.Status.DONE);
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
        registrarJobs.runDue();
        String first = "10.80000/idoc.medoc." + collection + ".1.0";
        JsonNode update = attributes(puts(first).getLast());
        assertThat(update.get("event").asString()).as("the full state, event included: repeating it changes nothing").isEqualTo("publish");
        assertThat(new String(Base64.getDecoder().decode(update.get("xml").asString()), StandardCharsets.UTF_8))
                .contains("relationType=\"IsPreviousVersionOf\" resourceTypeGeneral=\"Dataset\">10.80000/idoc.medoc." + collection + ".2.0<");

        asManager(() -> releases.withdraw(collection, "2.0", null, "superseded by a fix"));
        registrarJobs.runDue();
        Release withdrawn = releases.get(collection, "2.0");
        assertThat(withdrawn.doiState()).isEqualTo("registered");
        JsonNode hide = attributes(puts("10.80000/idoc.medoc." + collection + ".2.0").getLast());
        assertThat(hide.get("event").asString()).isEqualTo("hide");
        assertThat(new String(Base64.getDecoder().decode(hide.get("xml").asString()), StandardCharsets.UTF_8)).contains("dateType=\"Withdrawn\"");
    }

    @Test
    void aDataCiteRefusalLeavesTheReleasePublishedWithItsRegistrationFailedAndNamesTheFailingAttribute() {
        String collection = newCollection();
        fixtures.draft(collection, "1.0");
        asManager(() -> releases.freeze(collection, "1.0", null));
        var refusal = DATACITE.stubFor(put(urlPathMatching("/dois/10\\.80000/idoc\\.medoc\\." + collection + "\\.1\\.0"))
                .withRequestBody(matchingJsonPath("$.data.attributes.event", equalTo("publish")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(422).withBody("{\"errors\":[{\"status\":\"422\",\"source\":\"url\",\"title\":\"URL is not allowed by repository domain settings.\"}]}")));
        Release published = asManager(() -> releases.publish(collection, "1.0", null));
        registrarJobs.runDue();

        assertThat(releases.get(collection, "1.0").state().name()).isEqualTo("PUBLISHED");
        DoiRegistration registration = releases.registration(published).orElseThrow();
        assertThat(registration.status()).as("a refusal is not retried blindly").isEqualTo(DoiRegistration.Status.FAILED);
        assertThat(registration.lastError()).contains("422").contains("/data/attributes/url");
        assertThat(releases.history(published)).extracting(ReleaseEvent::action).contains("DOI_REGISTRATION_FAILED");

        // the centre fixes its DataCite domain settings, and the release manager retries at once
        DATACITE.removeStub(refusal);
        asManager(() -> releases.retryDoiRegistration(collection, "1.0"));
        DoiRegistration queued = releases.registration(published).orElseThrow();
        assertThat(queued.status()).isEqualTo(DoiRegistration.Status.PENDING);
        assertThat(queued.attempts()).isZero();
        registrarJobs.runDue();
        assertThat(releases.registration(published).orElseThrow().status()).isEqualTo(DoiRegistration.Status.DONE);
        assertThat(releases.get(collection, "1.0").doiState()).isEqualTo("findable");
        assertThat(releases.history(published)).extracting(ReleaseEvent::action).contains("DOI_RETRY_REQUESTED");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> asManager(() -> releases.retryDoiRegistration(collection, "1.0")))
                .as("a registration that is not FAILED").isInstanceOf(org.medoc.release.model.ReleaseException.WrongState.class)
                .hasMessageContaining("not FAILED");
    }

    @Test
    void dataCiteDownDuringPublishLeavesTheReleasePublishedWithItsDoiPendingUntilDataCiteIsBack() {
        String collection = newCollection();
        fixtures.draft(collection, "1.0");
        registrarJobs.runDue();
        asManager(() -> releases.freeze(collection, "1.0", null));
        String doi = "10.80000/idoc.medoc." + collection + ".1.0";
        var outage = DATACITE.stubFor(put(urlPathMatching("/dois/10\\.80000/.+")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));

        Release published = asManager(() -> releases.publish(collection, "1.0", null));
        assertThat(published.state().name()).isEqualTo("PUBLISHED");
        registrarJobs.runDue();
        DoiRegistration pending = releases.registration(published).orElseThrow();
        assertThat(pending.status()).isEqualTo(DoiRegistration.Status.PENDING);
        assertThat(pending.attempts()).isEqualTo(1);
        assertThat(pending.lastError()).contains("503");
        assertThat(releases.get(collection, "1.0").doiState()).as("DataCite still has the draft").isEqualTo("draft");

        DATACITE.removeStub(outage);
        registrarJobs.runDue();
        assertThat(releases.registration(published).orElseThrow().status()).isEqualTo(DoiRegistration.Status.DONE);
        assertThat(releases.get(collection, "1.0").doiState()).isEqualTo("findable");
        assertThat(attributes(puts(doi).getLast()).get("event").asString()).isEqualTo("publish");
        assertThat(releases.history(published)).extracting(ReleaseEvent::action).containsOnlyOnce("PUBLISHED");
    }

    @Test
    void aRepeatedJobSendsTheSameFullStateToTheSameDoiAndNeverCreatesAnother() {
        String collection = newCollection();
        Release release = fixtures.published(collection, "1.0");
        registrarJobs.runDue();
        String doi = release.identifier();
        int before = puts(doi).size();
        new TransactionTemplate(transactions).executeWithoutResult(status -> queue.request(doi, collection, release.id()));
        new TransactionTemplate(transactions).executeWithoutResult(status -> queue.request(doi, collection, release.id()));
        assertThat(registrarJobs.runDue()).as("two requests for one DOI fold into one job").isGreaterThanOrEqualTo(1);
        assertThat(registrarJobs.runDue()).as("nothing is due any more").isZero();

        List<LoggedRequest> sent = puts(doi);
        assertThat(sent).hasSize(before + 1);
        assertThat(attributes(sent.getLast()).toString()).isEqualTo(attributes(sent.get(before - 1)).toString());
        assertThat(DATACITE.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathMatching("/.*"))))
                .as("DOIs are only ever PUT to their own address, never POSTed into existence").isEmpty();
        assertThat(releases.get(collection, "1.0").doiState()).isEqualTo("findable");
    }

    @Test
    void theRegistrarRefusesToCallDataCiteInsideADatabaseTransaction() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> registrarJobs.runDue()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never called inside a database transaction");
        assertThatThrownBy(() -> queue.request("10.80000/x", "x", null))
                .as("a job is only queued together with the change it follows")
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void theReconcilerRepairsADoiWhoseStateDivergedAtDataCiteAndFlagsOneItCannotLeadBack() {
        String collection = newCollection();
        Release published = fixtures.published(collection, "1.0");
        Release draft = asManager(() -> releases.newVersion(collection, "1.0", "2.0"));
        registrarJobs.runDue();
        String doi = published.identifier();
        String landing = "https://data.example.org/releases/" + collection + "/1.0";
        // someone hid the published DOI at DataCite, and made the new draft's DOI findable
        stubGet(doi, "registered", landing);
        stubGet("10.80000/idoc.medoc." + collection, "findable", "https://data.example.org/releases/" + collection + "/latest");
        stubGet(draft.identifier(), "findable", "https://data.example.org/releases/" + collection + "/2.0");
        int before = puts(doi).size();

        reconciler.reconcile();
        DoiRegistration repaired = releases.registration(published).orElseThrow();
        assertThat(repaired.status()).isEqualTo(DoiRegistration.Status.PENDING);
        assertThat(repaired.lastError()).contains("registered, expected findable");
        DoiRegistration conflict = releases.registration(draft).orElseThrow();
        assertThat(conflict.status()).isEqualTo(DoiRegistration.Status.CONFLICT);
        assertThat(conflict.lastError()).contains("never goes back to draft");
        assertThat(releases.history(draft)).extracting(ReleaseEvent::action).contains("DOI_CONFLICT");

        registrarJobs.runDue();
        assertThat(puts(doi)).hasSize(before + 1);
        assertThat(attributes(puts(doi).getLast()).get("event").asString()).isEqualTo("publish");
        stubGet(doi, "findable", landing);
        reconciler.reconcile();
        assertThat(releases.registration(published).orElseThrow().status()).isEqualTo(DoiRegistration.Status.DONE);
        assertThat(releases.history(published)).extracting(ReleaseEvent::action).contains("DOI_REPAIR_QUEUED");
    }

    private static void stubGet(String doi, String state, String url) {
        DATACITE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/dois/" + doi))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"data\":{\"id\":\"" + doi + "\",\"type\":\"dois\",\"attributes\":{\"doi\":\"" + doi
                                + "\",\"state\":\"" + state + "\",\"url\":\"" + url + "\"}}}")));
    }
}
