package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/admin/users} and {@code /api/v1/admin/tokens}: administrators only, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminUsersApiTests {

    @LocalServerPort int port;
    @Autowired DSLContext dsl;
    @Autowired ObjectMapper json;
    @Autowired ApiTokens tokens;
    @Autowired AccountService accounts;
    private ApiCalls api;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }

    private HttpResponse<String> asAdmin(HttpRequest.Builder request) {
        return api.send(request.header("Authorization", ApiCalls.basic("admin", ApiCalls.DEMO_PASSWORD)));
    }

    @Test
    void onlyAdministratorsReachTheAdminApi() {
        assertThat(api.send(api.get("/api/v1/admin/users")).statusCode()).isEqualTo(401);
        assertThat(api.send(api.get("/api/v1/admin/users").header("Authorization", ApiCalls.basic("planner", ApiCalls.DEMO_PASSWORD)))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> list = asAdmin(api.get("/api/v1/admin/users"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json.readTree(list.body()).findValuesAsString("username")).contains("admin", "planner", "archivist");
    }

    @Test
    void anAdministratorCreatesAnAccountSetsItsRolesResetsAndDisablesIt() {
        HttpResponse<String> created = asAdmin(api.postJson("/api/v1/admin/users",
                "{\"username\":\"api-made\",\"fullName\":\"Made By API\",\"roles\":[\"PLANNER\"]}"));
        assertThat(created.statusCode()).isEqualTo(201);
        String oneTime = json.readTree(created.body()).get("password").asString();
        assertThat(oneTime).hasSize(16);
        // a one-time password opens only the change-password screen of the web UI
        HttpResponse<String> withOneTime = api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.basic("api-made", oneTime)));
        assertThat(withOneTime.statusCode()).isEqualTo(403);
        assertThat(withOneTime.body()).contains("one-time password");

        HttpResponse<String> roles = asAdmin(HttpRequest.newBuilder(java.net.URI.create(api.origin() + "/api/v1/admin/users/api-made/roles"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"ARCHIVIST\",\"PLANNER\"]}")));
        assertThat(roles.statusCode()).isEqualTo(200);
        assertThat(json.readTree(roles.body()).get("roles").toString()).isEqualTo("[\"ARCHIVIST\",\"PLANNER\"]");

        HttpResponse<String> reset = asAdmin(api.post("/api/v1/admin/users/api-made/reset-password"));
        assertThat(json.readTree(reset.body()).get("password").asString()).isNotEqualTo(oneTime);

        JsonNode disabled = json.readTree(asAdmin(api.post("/api/v1/admin/users/api-made/disable")).body());
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(json.readTree(asAdmin(api.post("/api/v1/admin/users/api-made/enable")).body()).get("enabled").asBoolean()).isTrue();
    }

    @Test
    void refusedChangesAndUnknownAccountsAreProblems() {
        HttpResponse<String> taken = asAdmin(api.postJson("/api/v1/admin/users", "{\"username\":\"planner\",\"roles\":[]}"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(json.readTree(taken.body()).get("detail").asString()).contains("exists already");
        assertThat(asAdmin(api.post("/api/v1/admin/users/no-such-user/unlock")).statusCode()).isEqualTo(404);
        assertThat(asAdmin(api.post("/api/v1/admin/users/admin/disable")).statusCode()).isEqualTo(422);
    }

    @Test
    void anAdministratorListsAndRevokesAnyonesTokens() {
        String owner = TestAccounts.ensure(accounts, "api-token-owner", "owner of a token", Set.of(Role.PLANNER));
        ApiTokens.CreatedToken token = tokens.create(owner, "listed", null);
        HttpResponse<String> list = asAdmin(api.get("/api/v1/admin/tokens"));
        assertThat(list.body()).contains("\"listed\"").doesNotContain(token.token());
        HttpRequest.Builder revoke = HttpRequest.newBuilder(java.net.URI.create(api.origin() + "/api/v1/admin/tokens/" + token.info().id())).DELETE();
        assertThat(asAdmin(revoke).statusCode()).isEqualTo(204);
        assertThat(api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.bearer(token.token()))).statusCode()).isEqualTo(401);
        assertThat(tokens.own(owner)).filteredOn(t -> t.id() == token.info().id()).first()
                .satisfies(t -> assertThat(t.revokedBy()).isEqualTo("admin"));
    }
}
