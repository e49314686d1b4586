package org.medoc.security.limits;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits as the running application installs them, over real HTTP. It shares the suite's one application context
 * (a second context in the same JVM would take over Vaadin's global security-context holder), whose test profile
 * raises the per-address rates for the whole suite; the rates themselves, request by request, are
 * ClientLimitsFilterTests' business.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClientLimitsTests {

    @LocalServerPort
    int port;

    @Autowired
    FilterRegistrationBean<ClientLimitsFilter> registration;

    @Autowired
    ClientLimits limits;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    @Test
    void theLimitsRunBeforeSpringSecurityWithTheConfiguredValues() {
        assertThat(registration.getOrder()).isLessThan(-100); // SecurityProperties.DEFAULT_FILTER_ORDER
        assertThat(limits.maxBodySize().toMegabytes()).isEqualTo(1);
        assertThat(limits.uploadPaths()).contains("/api/v1/ingest", "/api/v1/ops/golf/hk");
        assertThat(limits.requestsPerSecond()).isEqualTo(100_000); // raised by the test profile
    }

    @Test
    void aTenMegabyteJsonBodyIsRefusedWith413BeforeAuthenticationOrParsing() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/downloads").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).contains("at most 1048576");
    }

    @Test
    void multipartIsRefusedOutsideTheUploadPaths() throws Exception {
        HttpResponse<String> response = send(at("/api/v1/downloads")
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--")));

        assertThat(response.statusCode()).isEqualTo(415);
    }
}
