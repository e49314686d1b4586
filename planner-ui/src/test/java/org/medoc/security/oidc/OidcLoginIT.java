package org.medoc.security.oidc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medoc.cli.PackagedMedoc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OIDC login end to end: the packaged application, started in its own JVM with {@code medoc.oidc.enabled=true}
 * against a {@link StandInIssuer} (one Spring test context per JVM is all planner-ui allows, so the setting cannot be
 * given to the shared test context), driven like a browser by an HTTP client that keeps cookies: medoc's redirect to
 * the provider, the provider's approval, the callback, then the session. Local demo accounts (HTTP Basic) work beside
 * it and act as the administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcLoginIT {

    private static final String CLIENT_ID = "medoc-web";
    private static final String CLIENT_SECRET = "stand-in-client-secret";
    private static final String DEMO_PASSWORD = "oidc demo password 1";
    private static final String FAILED = "/login?oidc-failed";

    private StandInIssuer issuer;
    private Path data;
    private Process medoc;
    private final StringBuffer output = new StringBuffer();
    private String origin;

    @BeforeAll
    void startTheProviderAndMedoc() throws Exception {
        issuer = new StandInIssuer(CLIENT_ID, CLIENT_SECRET);
        // its own data directory (embedded PostgreSQL, archive), made here: a @TempDir field is not yet set in @BeforeAll
        data = Files.createTempDirectory("oidc-it-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        origin = "http://localhost:" + port;
        assertThat(data).isDirectory();
        medoc = new PackagedMedoc(data).start("--server.port=" + port,
                // demo accounts only (one per role, known password): no demo data to make
                "--medoc.demo=true", "--medoc.demo.password=" + DEMO_PASSWORD, "--medoc.demo.archive=false",
                "--medoc.demo.releases=false", "--medoc.demo.golf=false", "--medoc.demo.planning=false",
                "--medoc.oidc.enabled=true", "--medoc.oidc.provider-name=Centre SSO",
                "--medoc.oidc.issuer-uri=" + issuer.issuer(), "--medoc.oidc.client-id=" + CLIENT_ID,
                "--medoc.oidc.client-secret=" + CLIENT_SECRET,
                "--medoc.oidc.roles-claim=realm_access.roles",
                "--medoc.oidc.role-mapping.golf-operator=golf-ops,golf-leads",
                "--medoc.oidc.role-mapping.planner=spice-planners");
        Thread.ofVirtual().start(() -> {
            try {
                byte[] buffer = new byte[8192];
                for (int n; (n = medoc.getInputStream().read(buffer)) > 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException gone) {
                // the process has ended
            }
        });
        awaitAnswer(Duration.ofMinutes(4));
    }

    @AfterAll
    void stop() throws Exception {
        if (medoc != null) {
            medoc.destroy();
            if (!medoc.waitFor(60, TimeUnit.SECONDS)) {
                medoc.destroyForcibly();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
        if (data != null && (medoc == null || !medoc.isAlive())) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Test
    void aGolfOperatorSignsInGetsTheMappedRoleAndCanActOnGolf() throws Exception {
        issuer.signInAs(person("sub-olga", "olga", "Olga Operator", "golf-ops", "offline_access"));
        HttpClient browser = browser();
        assertThat(signIn(browser)).isEqualTo(origin + "/");

        StandInIssuer.AuthorizationRequest asked = issuer.requests().getLast();
        assertThat(asked.parameters()).containsEntry("code_challenge_method", "S256").containsKey("code_challenge")
                .containsKey("nonce").containsKey("state").containsEntry("client_id", CLIENT_ID);
        assertThat(asked.parameters().get("scope")).contains("openid");

        HttpResponse<String> me = send(browser, get("/api/v1/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"olga\"").contains("\"displayName\":\"Olga Operator\"")
                .contains("\"roles\":[\"GOLF_OPERATOR\"]");
        // the session opened by the provider acts on GOLF operations (the CSRF token of its pages, as the UI sends it):
        // an unknown alarm is not found, where another role is forbidden
        assertThat(golfAcknowledge(browser).statusCode()).isEqualTo(404);
        assertThat(send(browser, get("/api/v1/admin/users")).statusCode()).as("not an administrator").isEqualTo(403);

        String account = admin(get("/api/v1/admin/users/olga")).body();
        assertThat(account).contains("\"roles\":[\"GOLF_OPERATOR\"]").contains("\"oidcIssuer\":\"" + issuer.issuer() + "\"")
                .contains("\"enabled\":true").doesNotContain("\"lastLoginAt\":null");
        assertThat(admin(get("/api/v1/admin/audit?action=auth.login&objectId=olga")).body())
                .contains("\"action\":\"auth.login\"").contains("\"actor\":\"olga\"");
        assertThat(admin(get("/api/v1/admin/audit?action=user.created&objectId=olga")).body()).contains("first sign-in through");
    }

    @Test
    void loggingOutEndsTheSessionAtTheProviderToo() throws Exception {
        issuer.signInAs(person("sub-lea", "lea", "Lea Leaving", "spice-planners"));
        HttpClient browser = browser();
        assertThat(signIn(browser)).isEqualTo(origin + "/");
        assertThat(send(browser, get("/api/v1/me")).statusCode()).isEqualTo(200);

        // the logout the UI makes: POST /logout with the session and the CSRF token of its pages
        HttpResponse<String> logout = send(browser, HttpRequest.newBuilder(URI.create(origin + "/logout"))
                .header("X-CSRF-TOKEN", csrfToken(browser)).POST(HttpRequest.BodyPublishers.noBody()));
        String endSession = location(logout);
        assertThat(endSession).startsWith(issuer.issuer() + "/end-session?").contains("id_token_hint=");
        assertThat(java.net.URLDecoder.decode(endSession, StandardCharsets.UTF_8))
                .contains("post_logout_redirect_uri=" + origin + "/archive");
        assertThat(send(browser, get("/api/v1/me")).statusCode()).as("medoc's session is gone").isEqualTo(401);

        // the provider ends the session of the person the ID token names and sends the browser back to medoc
        assertThat(location(send(browser, HttpRequest.newBuilder(URI.create(endSession))))).isEqualTo(origin + "/archive");
        assertThat(issuer.endSessions().getLast()).isEqualTo(new StandInIssuer.EndSession("sub-lea", origin + "/archive"));
        assertThat(admin(get("/api/v1/admin/audit?action=auth.logout&objectId=lea")).body()).contains("\"actor\":\"lea\"");
    }

    @Test
    void aLocalAccountsLogoutStaysOnMedoc() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create(origin + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=planner&password="
                        + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrfToken(browser))));
        assertThat(location(login)).as("the form login succeeds").doesNotContain("error");
        assertThat(send(browser, get("/api/v1/me")).body()).contains("\"username\":\"planner\"");
        int endSessions = issuer.endSessions().size();

        HttpResponse<String> logout = send(browser, HttpRequest.newBuilder(URI.create(origin + "/logout"))
                .header("X-CSRF-TOKEN", csrfToken(browser)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(location(logout)).isEqualTo(origin + "/archive");
        assertThat(issuer.endSessions()).hasSize(endSessions);
        assertThat(send(browser, get("/api/v1/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void anotherRoleFromTheProviderIsForbiddenGolfActions() throws Exception {
        issuer.signInAs(person("sub-piet", "piet", "Piet Planner", "spice-planners"));
        HttpClient browser = browser();
        assertThat(signIn(browser)).isEqualTo(origin + "/");
        assertThat(send(browser, get("/api/v1/me")).body()).contains("\"roles\":[\"PLANNER\"]");
        assertThat(golfAcknowledge(browser).statusCode()).isEqualTo(403);
    }

    @Test
    void somebodyWhoseGroupsMapToNoRoleIsRefusedAndGetsNoAccount() throws Exception {
        issuer.signInAs(person("sub-uma", "uma", "Uma Unmapped", "staff", "GOLF-OPS"));
        HttpClient browser = browser();
        assertThat(signIn(browser)).isEqualTo(origin + FAILED);
        assertThat(send(browser, get("/api/v1/me")).statusCode()).isEqualTo(401);
        assertThat(admin(get("/api/v1/admin/users/uma")).statusCode()).isEqualTo(404);
        assertThat(admin(get("/api/v1/admin/audit?action=auth.login-refused&objectId=uma")).body()).contains("NO_ROLE");
    }

    @Test
    void aDisabledAccountIsRefusedAtItsNextSignIn() throws Exception {
        issuer.signInAs(person("sub-dora", "dora", "Dora Disabled", "golf-leads"));
        assertThat(signIn(browser())).isEqualTo(origin + "/");
        assertThat(admin(post("/api/v1/admin/users/dora/disable")).statusCode()).isBetween(200, 299);

        HttpClient browser = browser();
        assertThat(signIn(browser)).isEqualTo(origin + FAILED);
        assertThat(send(browser, get("/api/v1/me")).statusCode()).isEqualTo(401);
        assertThat(admin(get("/api/v1/admin/audit?action=auth.login-disabled&objectId=dora")).body())
                .contains("\"action\":\"auth.login-disabled\"");
    }

    @Test
    void anIdTokenSignedByAnotherKeyIsRefused() throws Exception {
        refusedWhenTheProviderPlays(StandInIssuer.Trick.FOREIGN_SIGNATURE, person("sub-fred", "fred", "Fred Forger", "golf-ops"));
        assertThat(admin(get("/api/v1/admin/users/fred")).statusCode()).isEqualTo(404);
        assertThat(admin(get("/api/v1/admin/audit?action=auth.login-failed")).body()).contains("invalid_id_token");
    }

    @Test
    void anIdTokenWithAnotherSignInsNonceIsRefused() throws Exception {
        refusedWhenTheProviderPlays(StandInIssuer.Trick.WRONG_NONCE, person("sub-nina", "nina", "Nina Nonce", "golf-ops"));
        assertThat(admin(get("/api/v1/admin/audit?action=auth.login-failed")).body()).contains("invalid_nonce");
    }

    @Test
    void aCallbackWhoseStateWasNotIssuedToThisBrowserIsRefused() throws Exception {
        issuer.signInAs(person("sub-sam", "sam", "Sam State", "golf-ops"));
        HttpClient victim = browser();
        String authorize = location(send(victim, get("/oauth2/authorization/oidc")));
        String callback = location(send(victim, HttpRequest.newBuilder(URI.create(authorize))));

        // an attacker's browser presenting the victim's code and state: no sign-in was begun in its session
        HttpClient attacker = browser();
        assertThat(location(send(attacker, HttpRequest.newBuilder(URI.create(callback))))).isEqualTo(origin + FAILED);
        assertThat(send(attacker, get("/api/v1/me")).statusCode()).isEqualTo(401);

        // the right browser with a state that is not the one it was given
        String forged = callback.replaceFirst("state=[^&]*", "state=" + URLEncoder.encode("forged", StandardCharsets.UTF_8));
        assertThat(location(send(victim, HttpRequest.newBuilder(URI.create(forged))))).isEqualTo(origin + FAILED);
        assertThat(send(victim, get("/api/v1/me")).statusCode()).isEqualTo(401);
        assertThat(admin(get("/api/v1/admin/audit?action=auth.login-failed")).body()).contains("authorization_request_not_found");
    }

    @Test
    void localAccountsKeepWorkingBesideTheProvider() throws Exception {
        HttpResponse<String> me = send(HttpClient.newHttpClient(), get("/api/v1/me").header("Authorization", basic("golf-operator")));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"golf-operator\"").contains("GOLF_OPERATOR");
    }

    /** A sign-in with the provider playing {@code trick} ends on the login page, with no session. */
    private void refusedWhenTheProviderPlays(StandInIssuer.Trick trick, StandInIssuer.Person person) throws Exception {
        issuer.signInAs(person);
        issuer.trick(trick);
        try {
            HttpClient browser = browser();
            assertThat(signIn(browser)).isEqualTo(origin + FAILED);
            assertThat(send(browser, get("/api/v1/me")).statusCode()).isEqualTo(401);
        } finally {
            issuer.trick(StandInIssuer.Trick.NONE);
        }
    }

    /** Follows a sign-in from medoc to the provider and back; returns where the callback sends the browser. */
    private String signIn(HttpClient browser) throws Exception {
        HttpResponse<String> start = send(browser, get("/oauth2/authorization/oidc"));
        assertThat(start.statusCode()).as(start.body()).isEqualTo(302);
        String authorize = location(start);
        assertThat(authorize).startsWith(issuer.issuer() + "/authorize?");
        HttpResponse<String> approved = send(browser, HttpRequest.newBuilder(URI.create(authorize)));
        assertThat(approved.statusCode()).isEqualTo(302);
        String callback = location(approved);
        assertThat(callback).startsWith(origin + "/login/oauth2/code/oidc?code=");
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(callback)));
        assertThat(back.statusCode()).as("callback answer\n%s", tail()).isEqualTo(302);
        return location(back);
    }

    /** A GOLF action through the API with the session and the CSRF token a page of the UI carries. */
    private HttpResponse<String> golfAcknowledge(HttpClient browser) throws Exception {
        return send(browser, HttpRequest.newBuilder(URI.create(origin + "/api/v1/ops/golf/alarms/987654321/acknowledge"))
                .header("X-CSRF-TOKEN", csrfToken(browser)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"seen\"}")));
    }

    /** The CSRF token a page of the UI carries for this browser's session. */
    private String csrfToken(HttpClient browser) throws Exception {
        String page = send(browser, get("/archive")).body();
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page carries the CSRF token").isTrue();
        return token.group(1);
    }

    private static StandInIssuer.Person person(String subject, String username, String name, String... realmRoles) {
        return new StandInIssuer.Person(subject, username, name, Map.of("realm_access", Map.of("roles", List.of(realmRoles))));
    }

    private HttpResponse<String> admin(HttpRequest.Builder request) throws Exception {
        return send(HttpClient.newHttpClient(), request.header("Authorization", basic("admin")));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("a redirect\n%s", response.body()).isBetween(300, 399);
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private void awaitAnswer(Duration patience) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(medoc.isAlive()).as("medoc died:\n%s", output).isTrue();
            try {
                if (client.send(get("/api/v1/me").header("Authorization", basic("admin")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("medoc did not answer within " + patience + ":\n" + output);
    }

    private String tail() {
        return output.length() < 6000 ? output.toString() : output.substring(output.length() - 6000);
    }
}
