package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie's attributes and the login form's lockout, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionAndFormLoginTests {

    @LocalServerPort int port;
    @Autowired DSLContext dsl;
    @Autowired AccountService accounts;
    @Autowired LoginThrottle throttle;

    @AfterEach
    void forgetThisMachinesFailures() {
        TestAccounts.removeAll(dsl);
        throttle.unlockAddress("test", "127.0.0.1");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() {
        ApiCalls api = new ApiCalls(port);
        String cookie = sessionCookie(api.send(api.get("/login")));
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsSecureBehindATlsProxy() {
        ApiCalls api = new ApiCalls(port);
        // a reverse proxy on this machine terminated TLS and says so
        String cookie = sessionCookie(api.send(api.get("/login").header("X-Forwarded-Proto", "https")));
        assertThat(cookie).contains("Secure").contains("SameSite=Lax");
    }

    @Test
    void fiveWrongPasswordsOnTheLoginFormLockTheAccount() {
        String user = TestAccounts.ensure(accounts, "form-locked", "form login password", Set.of(Role.PLANNER));
        for (int i = 1; i <= 5; i++) {
            assertThat(formLogin(user, "wrong " + i)).endsWith("/login?error");
        }
        assertThat(throttle.accountLockedUntil(user)).isPresent();
        assertThat(formLogin(user, "form login password")).endsWith("/login?error");
        throttle.unlockAccount("test", user);
        assertThat(formLogin(user, "form login password")).doesNotContain("error");
    }

    /** Posts the login form as the browser would (session cookie and CSRF token of the login page); returns where it redirects. */
    private String formLogin(String username, String password) {
        ApiCalls api = new ApiCalls(port);
        HttpResponse<String> page = api.send(api.get("/login"));
        String cookie = sessionCookie(page).split(";")[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(java.net.URI.create(api.origin() + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
