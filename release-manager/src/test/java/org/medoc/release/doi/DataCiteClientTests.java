package org.medoc.release.doi;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ValidationProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The DataCite REST client over real HTTP against a local stand-in (WireMock) that checks the requests' shape and
 * replays DataCite's answers (bodies after support.datacite.org "Creating DOIs with the REST API" and the error
 * examples of ARCHIVE_AND_RELEASES.md §8.6).
 */
class DataCiteClientTests {

    static final String DOI = "10.80000/idoc.medoc.spice.2.0";
    static final String PATH = "/dois/" + DOI;
    private WireMockServer dataCite;
    private DataCiteClient client;
    private final List<Duration> pauses = new ArrayList<>();
    private final ObjectMapper json = JsonMapper.builder().build();

    @BeforeEach
    void startTheStandIn() {
        dataCite = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        dataCite.start();
        RegistrarSettings settings = new RegistrarSettings("http://localhost:" + dataCite.port(), "INIST.MEDOC", "s3cret",
                "10.80000", "idoc.medoc.<collection>.<version>", "idoc.medoc.<collection>", "https://data.example.org", 4,
                Duration.ofMillis(100), "medoc release-manager (mailto:ops@example.org)");
        client = new DataCiteClient(settings, json, pauses::add);
    }

    @AfterEach
    void stopTheStandIn() {
        dataCite.stop();
    }

    /** A PUT to the DOI with DataCite's media type and the repository's HTTP Basic credentials. */
    private MappingBuilder dataCitePut() {
        return put(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/vnd.api+json"))
                .withHeader("Accept", equalTo("application/vnd.api+json"))
                .withBasicAuth("INIST.MEDOC", "s3cret")
                .withRequestBody(matchingJsonPath("$.data.type", equalTo("dois")))
                .withRequestBody(matchingJsonPath("$.data.attributes.doi", equalTo(DOI)));
    }

    private static String answer(String state) {
        return """
                {"data":{"id":"%s","type":"dois","attributes":{"doi":"%s","prefix":"10.80000","suffix":"idoc.medoc.spice.2.0",
                 "state":"%s","url":null,"created":"2026-11-24T10:00:00.000Z"},"relationships":{"client":{"data":{"id":"inist.medoc","type":"clients"}}}}}
                """.formatted(DOI, DOI, state);
    }

    @Test
    void reservingADoiSendsADraftWithoutEventOrMetadata() {
        dataCite.stubFor(dataCitePut().withRequestBody(matchingJsonPath("$.data.attributes.event", com.github.tomakehurst.wiremock.client.WireMock.absent()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/vnd.api+json").withBody(answer("draft"))));
        assertThat(client.reserve(DOI)).isEqualTo("draft");
        JsonNode sent = json.readTree(dataCite.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        assertThat(sent.get("data").get("attributes").has("xml")).isFalse();
        assertThat(sent.get("data").get("attributes").has("url")).isFalse();
        assertThat(dataCite.getAllServeEvents().getFirst().getRequest().getHeader("User-Agent")).contains("mailto:");
    }

    @Test
    void publishingSendsThePublishEventTheLandingUrlAndTheXmlInBase64() {
        String xml = "<resource xmlns=\"http://datacite.org/schema/kernel-4\"><identifier identifierType=\"DOI\">" + DOI + "</identifier></resource>";
        dataCite.stubFor(dataCitePut()
                .withRequestBody(matchingJsonPath("$.data.attributes.event", equalTo("publish")))
                .withRequestBody(matchingJsonPath("$.data.attributes.url", equalTo("https://data.example.org/releases/spice/2.0")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody(answer("findable"))));
        assertThat(client.publish(DOI, "https://data.example.org/releases/spice/2.0", xml)).isEqualTo("findable");
        JsonNode sent = json.readTree(dataCite.getAllServeEvents().getFirst().getRequest().getBodyAsString());
        String decoded = new String(Base64.getDecoder().decode(sent.get("data").get("attributes").get("xml").asString()), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(xml);
    }

    @Test
    void withdrawalHidesTheDoi() {
        dataCite.stubFor(dataCitePut().withRequestBody(matchingJsonPath("$.data.attributes.event", equalTo("hide")))
                .willReturn(aResponse().withStatus(200).withBody(answer("registered"))));
        assertThat(client.hide(DOI, "https://data.example.org/releases/spice/2.0", "<resource/>")).isEqualTo("registered");
    }

    @Test
    void aRepeatedRegistrationUpdatesTheSameDoiAndNeverCreatesASecondOne() {
        dataCite.stubFor(dataCitePut().willReturn(aResponse().withStatus(200).withBody(answer("findable"))));
        client.publish(DOI, "https://data.example.org/releases/spice/2.0", "<resource/>");
        client.publish(DOI, "https://data.example.org/releases/spice/2.0", "<resource/>");
        dataCite.verify(2, putRequestedFor(urlEqualTo(PATH)));
        dataCite.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void rateLimitAnswersAreRetriedAfterTheTimeDataCiteAsksFor() {
        dataCite.stubFor(dataCitePut().inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("calm"));
        dataCite.stubFor(dataCitePut().inScenario("rate limit").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(answer("findable"))));
        assertThat(client.publish(DOI, "https://data.example.org/x", "<resource/>")).isEqualTo("findable");
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
        dataCite.verify(2, putRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void serverErrorsAreRetriedWithGrowingPausesThenReportedWithoutPretendingSuccess() {
        dataCite.stubFor(dataCitePut().willReturn(aResponse().withStatus(503).withBody("{\"errors\":[{\"status\":\"503\",\"title\":\"Service unavailable\"}]}")));
        assertThatThrownBy(() -> client.publish(DOI, "https://data.example.org/x", "<resource/>"))
                .isInstanceOf(ReleaseException.Registration.class)
                .hasMessageContaining("503").hasMessageContaining("after 4 attempts").hasMessageContaining("retrying later is safe");
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        dataCite.verify(4, putRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a422IsReportedWithThePointerToTheFailingAttribute() {
        dataCite.stubFor(dataCitePut().willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/vnd.api+json")
                .withBody("""
                        {"errors":[{"status":"422","source":"metadata","uid":"%s","title":"Is invalid"},
                                   {"status":"422","source":{"pointer":"/data/attributes/xml"},"title":"[facet 'minLength'] The value has a length of '0'"}]}
                        """.formatted(DOI))));
        assertThatThrownBy(() -> client.publish(DOI, "https://data.example.org/x", "<resource/>"))
                .isInstanceOfSatisfying(ReleaseException.Registration.class, e -> {
                    assertThat(e.getMessage()).contains("rejected the metadata").contains("/data/attributes/metadata: Is invalid");
                    assertThat(e.problems()).extracting(ValidationProblem::pointer)
                            .containsExactly("/data/attributes/metadata", "/data/attributes/xml");
                    assertThat(e.problems().get(1).message()).contains("minLength");
                });
        dataCite.verify(1, putRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void wrongCredentialsAreNamedAsSuch() {
        dataCite.stubFor(put(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withBody("{\"errors\":[{\"status\":\"401\",\"title\":\"Bad credentials.\"}]}")));
        assertThatThrownBy(() -> client.reserve(DOI)).isInstanceOf(ReleaseException.Registration.class)
                .hasMessageContaining("refused the repository credentials");
    }

    @Test
    void theDoiFollowsTheConfiguredPatternInLowerCase() {
        RegistrarSettings settings = new RegistrarSettings("http://localhost:1", "A", "B", "10.48326",
                "idoc.medoc.<collection>.<version>", "idoc.medoc.<collection>", "https://x", 1, Duration.ZERO, "ua");
        assertThat(settings.identifier("spice", "2.0")).isEqualTo("10.48326/idoc.medoc.spice.2.0");
        assertThat(settings.conceptIdentifier("dem-maps")).isEqualTo("10.48326/idoc.medoc.dem-maps");
        RegistrarSettings none = new RegistrarSettings("", "", "", "", "x", "y", "https://x", 1, Duration.ZERO, "ua");
        assertThat(none.registrarConfigured()).isFalse();
        assertThat(none.identifier("spice", "2.0")).isEqualTo("medoc-local:spice/2.0").doesNotStartWith("10.");
    }

    @Test
    void aGetReadsDataCitesStateAndUrlAndAnUnknownDoiIsEmptyAndAnOutageIsRetryable() {
        dataCite.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(PATH)).withBasicAuth("INIST.MEDOC", "s3cret")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody(answer("findable").replace("\"url\":null", "\"url\":\"https://data.example.org/releases/spice/2.0\""))));
        assertThat(client.fetch(DOI)).contains(new Registrar.RemoteDoi(DOI, "findable", "https://data.example.org/releases/spice/2.0"));

        assertThat(client.fetch("10.80000/unknown")).isEmpty();

        dataCite.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/dois/10.80000/busy"))
                .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client.fetch("10.80000/busy"))
                .isInstanceOfSatisfying(ReleaseException.Registration.class, e -> assertThat(e.retryable()).isTrue());
    }
}
