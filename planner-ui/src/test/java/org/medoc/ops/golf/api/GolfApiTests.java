package org.medoc.ops.golf.api;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The GOLF operations API over real HTTP: access rules, an operator's import-to-log journey, problem details. */
@PlanningIntegrationTest
class GolfApiTests {

    private static final String PASSWORD = "test-demo-password";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String user, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private HttpResponse<String> postJson(String path, String user, Object body) throws Exception {
        return send("POST", path, user, "application/json", json.writeValueAsString(body));
    }

    @Test
    void anonymousCallersGetNothingAndOtherStaffOnlyRead() throws Exception {
        for (String path : List.of("/api/v1/ops/golf/alarms", "/api/v1/ops/golf/log", "/api/v1/ops/golf/anomalies", "/api/v1/ops/golf/modes")) {
            assertThat(send("GET", path, null, null, null).statusCode()).as(path).isEqualTo(401);
            assertThat(send("GET", path, "planner", null, null).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(postJson("/api/v1/ops/golf/log", "planner", Map.of("time", Instant.now().toString(), "category", "NOTE",
                "text", "not mine to write")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/ops/golf/hk", "archivist", "text/csv", "time_utc,mnemonic,raw\n").statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorImportsCsvSeesTheAlarmAcknowledgesItAndLogsIt() throws Exception {
        String mnemonic = GolfFixtures.mnemonic("API_CELL");
        Instant start = GolfFixtures.freshYear();
        ok(postJson("/api/v1/ops/golf/hk/parameters", "golf-operator", Map.of("mnemonic", mnemonic, "subsystem", "CELL",
                "unit", "degC", "polynomial", List.of(0.0, 0.1))), 201);
        ok(postJson("/api/v1/ops/golf/hk/parameters/" + mnemonic + "/limits", "golf-operator", Map.of(
                "validFrom", start.minus(Duration.ofDays(1)).toString(), "warningHigh", 30.0, "criticalHigh", 40.0,
                "reason", "cell nominal 25 degC")), 201);

        JsonNode report = ok(send("POST", "/api/v1/ops/golf/hk?fileName=cell.csv", "golf-operator", "text/csv",
                GolfFixtures.csv(mnemonic, start, Duration.ofMinutes(1), 250, 260, 330, 340, 255)), 200);

        assertThat(report.path("samplesAdded").asLong()).isEqualTo(5);
        assertThat(report.path("outOfLimits").path("WARNING").asLong()).isEqualTo(2);
        assertThat(report.path("violations").get(0).path("mnemonic").asString()).isEqualTo(mnemonic);
        JsonNode plot = ok(send("GET", "/api/v1/ops/golf/hk/" + mnemonic + "?from=" + start + "&to=" + start.plus(Duration.ofMinutes(5))
                + "&bins=5", "planner", null, null), 200);
        assertThat(plot.path("points")).hasSize(5);
        assertThat(plot.path("points").get(2).path("max").asDouble()).isEqualTo(33.0);
        assertThat(plot.path("alarms")).hasSize(1);
        long alarmId = plot.path("alarms").get(0).path("id").asLong();

        JsonNode refused = ok(postJson("/api/v1/ops/golf/alarms/" + alarmId + "/acknowledge", "golf-operator", Map.of("comment", "")), 422);
        assertThat(refused.path("title").asString()).isEqualTo("GOLF operations rule violated");
        JsonNode acknowledged = ok(postJson("/api/v1/ops/golf/alarms/" + alarmId + "/acknowledge", "golf-operator",
                Map.of("comment", "cell heater overshoot")), 200);
        assertThat(acknowledged.path("state").asString()).isEqualTo("CLOSED");
        JsonNode entry = ok(postJson("/api/v1/ops/golf/log", "golf-operator", Map.of("time", start.plus(Duration.ofMinutes(2)).toString(),
                "category", "ROUTINE_CHECK", "text", "cell overshoot " + mnemonic, "dataImpact", "NONE", "alarmId", alarmId)), 201);
        assertThat(entry.path("author").asString()).isEqualTo("golf-operator");

        HttpResponse<String> csv = send("GET", "/api/v1/ops/golf/log?text=" + mnemonic, "planner", null, null);
        HttpResponse<String> csvExport = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ops/golf/log?text=" + mnemonic))
                .header("Accept", "text/csv").header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("planner:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(csv.body())).hasSize(1);
        assertThat(csvExport.body().lines().toList()).hasSize(2).first().asString().startsWith("id,time_utc,author,category");
        assertThat(csvExport.body()).contains("cell overshoot " + mnemonic).contains("," + alarmId + ",");
    }

    @Test
    void aBadRowIsAnsweredAsAProblemWithItsLine() throws Exception {
        JsonNode problem = ok(send("POST", "/api/v1/ops/golf/hk?fileName=bad.csv", "golf-operator", "text/csv",
                "time_utc,mnemonic,raw\nyesterday,X,1\n"), 422);

        assertThat(problem.path("title").asString()).isEqualTo("Housekeeping file rejected");
        assertThat(problem.path("line").asLong()).isEqualTo(2);
    }

    @Test
    void anomaliesAreOpenedAndListedThroughTheApi() throws Exception {
        JsonNode opened = ok(postJson("/api/v1/ops/golf/anomalies", "golf-operator", Map.of("title", "Oven heater dropout",
                "description", "oven temperature fell 2 degC", "severity", "MINOR", "owner", "golf-operator",
                "targetCloseDate", "2030-01-01")), 201);

        JsonNode list = ok(send("GET", "/api/v1/ops/golf/anomalies", "release-manager", null, null), 200);
        assertThat(list.findValuesAsString("number")).contains(opened.path("number").asString());
        JsonNode advanced = ok(postJson("/api/v1/ops/golf/anomalies/" + opened.path("id").asLong() + "/advance", "golf-operator",
                Map.of("lockVersion", 0, "status", "ANALYSING")), 200);
        assertThat(advanced.path("status").asString()).isEqualTo("ANALYSING");
    }

    @Test
    void aCommandRequestIsCancelledThroughTheApiByAnOperatorOnly() throws Exception {
        JsonNode requested = ok(postJson("/api/v1/ops/golf/commands", "golf-operator", Map.of(
                "plannedExecution", GolfFixtures.freshYear().toString(), "commands", "GOLF MODE RED", "reason", "test")), 201);
        String cancel = "/api/v1/ops/golf/commands/" + requested.path("id").asLong() + "/cancel";

        assertThat(postJson(cancel, "planner", Map.of("reason", "not mine")).statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = postJson(cancel, "golf-operator", Map.of());
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("say why the command request is cancelled");
        JsonNode cancelled = ok(postJson(cancel, "golf-operator", Map.of("reason", "no longer needed")), 200);
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancelReason").asString()).isEqualTo("no longer needed");
        assertThat(postJson(cancel, "golf-operator", Map.of("reason", "again")).statusCode()).isEqualTo(409);
    }
}
