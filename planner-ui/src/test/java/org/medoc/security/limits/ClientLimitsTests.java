package org.medoc.security.limits;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits as the running application applies them, over real HTTP, with their default values. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "medoc.limits.requests-per-second=20", "medoc.limits.authenticated-requests-per-second=200",
        "medoc.limits.concurrent-downloads-per-client=2"})
@ActiveProfiles("test")
class ClientLimitsTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void aTenMegabyteJsonBodyIsRefusedWith413BeforeAuthenticationOrParsing() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/downloads").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    @Test
    void searchesBeyondTwentyASecondFromOneAddressGet429WithRetryAfter() throws Exception {
        // sent together, so that they fall in one one-second period even on a loaded machine (the exact count per
        // period is ClientLimitsFilterTests' business)
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(http.sendAsync(at("/api/v1/observations?size=1").build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> refused = new ArrayList<>();
        int served = 0;
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.get();
            if (response.statusCode() == 429) {
                refused.add(response);
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                served++;
            }
        }
        assertThat(refused).isNotEmpty();
        assertThat(served).isGreaterThanOrEqualTo(20);
        assertThat(refused.getFirst().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.getFirst().body()).contains("\"status\":429");
    }
}
