package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.db.jooq.auth.Tables.API_TOKEN;

/** Personal API tokens and the cross-site guard of cookie and Basic requests, over real HTTP (finding 4). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiTokenTests {

    private static final String PASSWORD = "tokens are long enough";
    private static final String EVIL = "https://evil.example";

    @LocalServerPort int port;
    @Autowired ApiTokens tokens;
    @Autowired AccountService accounts;
    @Autowired DSLContext dsl;
    @Autowired ObjectMapper json;
    private ApiCalls api;
    private String archivist;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
        archivist = TestAccounts.ensure(accounts, "token-archivist", PASSWORD, Set.of(Role.ARCHIVIST));
    }

    @Test
    void aBearerTokenAuthenticatesItsOwnerWithTheOwnersRoles() {
        String token = tokens.create(archivist, "script", null).token();
        HttpResponse<String> me = api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.bearer(token)));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("username").asString()).isEqualTo(archivist);
        assertThat(json.readTree(me.body()).get("roles").get(0).asString()).isEqualTo("ARCHIVIST");
        assertThat(me.headers().firstValue("Set-Cookie")).as("a token call opens no session").isEmpty();
        assertThat(tokens.own(archivist)).filteredOn(t -> t.name().equals("script")).first()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
    }

    @Test
    void onlyTheSha256OfATokenIsStored() {
        ApiTokens.CreatedToken created = tokens.create(archivist, "stored", null);
        byte[] stored = dsl.select(API_TOKEN.TOKEN_SHA256).from(API_TOKEN).where(API_TOKEN.ID.eq(created.info().id())).fetchOne(API_TOKEN.TOKEN_SHA256);
        assertThat(HexFormat.of().formatHex(stored)).isEqualTo(HexFormat.of().formatHex(Secrets.sha256(created.token())));
        assertThat(created.token()).startsWith("medoc_").hasSizeGreaterThan(40);
        assertThat(created.info().hint()).isEqualTo(created.token().substring(created.token().length() - 4));
    }

    @Test
    void aBearerPostWorksEvenFromAForeignOrigin() {
        String token = tokens.create(archivist, "cross-site script", null).token();
        HttpResponse<String> retry = api.send(api.post("/api/v1/product-runs/123456789/retry")
                .header("Authorization", ApiCalls.bearer(token)).header("Origin", EVIL));
        // authenticated and authorised: the unknown run is the only thing wrong
        assertThat(retry.statusCode()).isEqualTo(404);
    }

    @Test
    void aRevokedTokenIsAnswered401() {
        ApiTokens.CreatedToken created = tokens.create(archivist, "to revoke", null);
        assertThat(api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.bearer(created.token()))).statusCode()).isEqualTo(200);
        tokens.revokeOwn(archivist, created.info().id());
        HttpResponse<String> revoked = api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.bearer(created.token())));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(tokens.own(archivist)).filteredOn(t -> t.id() == created.info().id()).first()
                .satisfies(t -> assertThat(t.revokedBy()).isEqualTo(archivist));
    }

    @Test
    void anExpiredTokenIsAnswered401() {
        ApiTokens.CreatedToken created = tokens.create(archivist, "short-lived", OffsetDateTime.now().plusMinutes(5));
        dsl.update(API_TOKEN).set(API_TOKEN.EXPIRES_AT, OffsetDateTime.now().minusSeconds(1)).where(API_TOKEN.ID.eq(created.info().id())).execute();
        assertThat(api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.bearer(created.token()))).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownTokenIsAnswered401EvenOnAPublicRoute() {
        assertThat(api.send(api.get("/api/v1/observations").header("Authorization", ApiCalls.bearer("medoc_not-a-real-token"))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aUserCannotRevokeAnotherUsersToken() {
        ApiTokens.CreatedToken created = tokens.create(archivist, "not yours", null);
        assertThatThrownBy(() -> tokens.revokeOwn("planner", created.info().id())).isInstanceOf(AccountNotFoundException.class);
        assertThat(api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.bearer(created.token()))).statusCode()).isEqualTo(200);
    }

    @Test
    void aCrossSitePostWithBasicCredentialsIsRefused403() {
        HttpResponse<String> forged = api.send(api.post("/api/v1/product-runs/123456789/retry")
                .header("Authorization", ApiCalls.basic(archivist, PASSWORD)).header("Origin", EVIL));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json.readTree(forged.body()).get("detail").asString()).contains("cross-site").contains("https://evil.example:443");
        HttpResponse<String> fetchMetadata = api.send(api.post("/api/v1/product-runs/123456789/retry")
                .header("Authorization", ApiCalls.basic(archivist, PASSWORD)).header("Sec-Fetch-Site", "cross-site"));
        assertThat(fetchMetadata.statusCode()).isEqualTo(403);
        HttpResponse<String> referer = api.send(api.post("/api/v1/product-runs/123456789/retry")
                .header("Authorization", ApiCalls.basic(archivist, PASSWORD)).header("Referer", EVIL + "/page.html"));
        assertThat(referer.statusCode()).isEqualTo(403);
    }

    @Test
    void aSameOriginOrScriptPostWithBasicCredentialsGoesThrough() {
        assertThat(api.send(api.post("/api/v1/product-runs/123456789/retry")
                .header("Authorization", ApiCalls.basic(archivist, PASSWORD)).header("Origin", api.origin())).statusCode()).isEqualTo(404);
        // curl and Python send no Origin: not a browser, nothing to forge
        assertThat(api.send(api.post("/api/v1/product-runs/123456789/retry")
                .header("Authorization", ApiCalls.basic(archivist, PASSWORD))).statusCode()).isEqualTo(404);
    }

    @Test
    void anAnonymousCrossSiteReadIsStillPublic() {
        assertThat(api.send(api.get("/api/v1/observations").header("Origin", EVIL)).statusCode()).isEqualTo(200);
    }
}
