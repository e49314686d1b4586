package org.medoc.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may reach what, over real HTTP against the running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityTests {

    private static final String PASSWORD = "test-demo-password";

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymousMayReadTheOpenApiDocument() throws Exception {
        HttpResponse<String> response = send(get("/v3/api-docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
    }

    @Test
    void anonymousMaySearchTheCatalogue() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/observations"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).has("total")).isTrue();
    }

    @Test
    void anonymousMayOpenTheLoginPage() throws Exception {
        assertThat(send(get("/login")).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousMayOpenTheArchive() throws Exception {
        assertThat(send(get("/archive")).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousIsSentToTheLoginPageForAdmin() throws Exception {
        HttpResponse<String> response = send(get("/admin"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void httpBasicWithADemoAccountAuthenticatesApiCalls() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/me").header("Authorization", basic("archivist", PASSWORD)));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.get("username").asString()).isEqualTo("archivist");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("ARCHIVIST");
    }

    @Test
    void wrongPasswordIsAnsweredWith401ProblemNotARedirect() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/me").header("Authorization", basic("archivist", "not-the-password")));
        assertUnauthorizedProblem(response);
    }

    @Test
    void anonymousCallToAProtectedApiIsAnswered401Problem() throws Exception {
        assertUnauthorizedProblem(send(get("/api/v1/me")));
    }

    @Test
    void ingestNeedsTheArchivistRole() throws Exception {
        HttpResponse<String> anonymous = send(post("/api/v1/ingest"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> planner = send(post("/api/v1/ingest").header("Authorization", basic("planner", PASSWORD)));
        assertThat(planner.statusCode()).isEqualTo(403);
        assertThat(planner.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
    }

    @Test
    void anonymousMaySearchProductsButNotReadTheRuns() throws Exception {
        HttpResponse<String> products = send(get("/api/v1/products"));
        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(json.readTree(products.body()).has("items")).isTrue();
        assertThat(send(get("/api/v1/products/123456789/file")).statusCode()).isEqualTo(404);
        assertUnauthorizedProblem(send(get("/api/v1/product-runs")));
        assertThat(send(get("/api/v1/product-runs").header("Authorization", basic("planner", PASSWORD))).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousMayReadTheInstalledProductTypes() throws Exception {
        HttpResponse<String> types = send(get("/api/v1/product-types"));
        assertThat(types.statusCode()).isEqualTo(200);
        // by type: currents, dem, ...
        assertThat(json.readTree(types.body()).valueStream().map(type -> type.get("type").asString()).toList())
                .contains("currents", "dem");
        assertThat(send(get("/api/v1/product-types/dem")).statusCode()).isEqualTo(200);
        // read-only: anything else is for nobody, anonymous callers are asked to log in
        assertThat(send(post("/api/v1/product-types")).statusCode()).isEqualTo(401);
    }

    @Test
    void retryingAndReprocessingProductsNeedArchivistOrAdmin() throws Exception {
        assertThat(send(post("/api/v1/product-runs/1/retry")).statusCode()).isEqualTo(401);
        assertThat(send(post("/api/v1/product-runs/1/retry").header("Authorization", basic("planner", PASSWORD))).statusCode()).isEqualTo(403);
        assertThat(send(post("/api/v1/product-runs/123456789/retry").header("Authorization", basic("archivist", PASSWORD))).statusCode()).isEqualTo(404);
        assertThat(send(post("/api/v1/product-runs/123456789/retry").header("Authorization", basic("admin", PASSWORD))).statusCode()).isEqualTo(404);
    }

    @Test
    void apiRequestsCarryingASessionCookieNeedTheCsrfToken() throws Exception {
        HttpResponse<String> withCookie = send(post("/api/v1/ingest")
                .header("Authorization", basic("archivist", PASSWORD))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF"));
        assertThat(withCookie.statusCode()).isEqualTo(403);
        assertThat(withCookie.body()).contains("CSRF");
    }

    @Test
    void releasePagesArePublicAndNeverSentToTheLoginPage() throws Exception {
        HttpResponse<String> all = send(get("/releases"));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(all.body()).contains("Data releases");
        // the demo data includes a published release and a draft; the draft is invisible to the public
        assertThat(send(get("/releases/spice-demo/1.0")).statusCode()).isEqualTo(200);
        assertThat(send(get("/releases/spice-demo/1.0/files/bagit.txt")).body()).startsWith("BagIt-Version: 1.0");
        assertThat(send(get("/releases/aia-demo/1.0")).statusCode()).isEqualTo(404);
        assertThat(send(get("/releases/no-such-collection/9.9")).statusCode()).isEqualTo(404);
        assertThat(send(get("/api/v1/releases")).body()).contains("spice-demo").doesNotContain("aia-demo");
        assertThat(send(get("/api/v1/releases/spice-demo/1.0")).statusCode()).isEqualTo(200);
    }

    @Test
    void changesToReleasesNeedTheReleaseManagerRole() throws Exception {
        HttpResponse<String> anonymous = send(post("/api/v1/releases/aia-demo/1.0/freeze"));
        assertUnauthorizedProblem(anonymous);
        HttpResponse<String> planner = send(post("/api/v1/releases/aia-demo/1.0/freeze").header("Authorization", basic("planner", PASSWORD)));
        assertThat(planner.statusCode()).isEqualTo(403);
        assertThat(send(post("/releases/spice-demo/1.0")).statusCode()).isIn(401, 403);
        HttpResponse<String> validation = send(get("/api/v1/releases/aia-demo/1.0/validation")
                .header("Authorization", basic("release-manager", PASSWORD)));
        assertThat(validation.statusCode()).isEqualTo(200);
        assertThat(json.readTree(validation.body()).get("valid").asBoolean()).isTrue();
        assertThat(send(get("/release-manager")).statusCode()).isEqualTo(302);
    }

    private void assertUnauthorizedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"medoc\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
