package org.medoc.security.oidc;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code medoc.oidc.enabled=true} (the shared test context sets nothing) there is no OIDC login at all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcLoginOffTests {

    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    @Test
    void theOidcLoginIsOffByDefault() throws Exception {
        assertThat(context.getBeanProvider(OidcLogin.class).getIfAvailable()).isNull();
        HttpResponse<String> start = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + OidcLogin.SIGN_IN_PATH)).build(),
                        HttpResponse.BodyHandlers.ofString());
        // no redirect to any provider: an anonymous visitor of an unknown UI path is sent to the login page at most
        assertThat(start.headers().firstValue("Location").orElse("")).doesNotContain("authorize").doesNotContain("oauth2");
    }
}
