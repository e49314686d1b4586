package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.db.jooq.auth.Tables.APP_USER;

/** Only bcrypt hashes log in; weaker bcrypt hashes are upgraded at the log-in (finding 6). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PasswordHashTests {

    private static final String PASSWORD = "hash upgrade test";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired PasswordEncoder encoder;
    @Autowired DSLContext dsl;
    @Autowired org.medoc.audit.AuditTrail audit;
    private ApiCalls api;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }

    private String storeHash(String username, String hash) {
        TestAccounts.ensure(accounts, username, PASSWORD, Set.of(Role.PLANNER));
        // as a legacy installation (or a hand-made row) would have it: bypasses the repository's bcrypt-only guard
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.USERNAME.eq(username)).execute();
        return username;
    }

    private String hashOf(String username) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOne(APP_USER.PASSWORD_HASH);
    }

    private int me(String username) {
        return api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.basic(username, PASSWORD))).statusCode();
    }

    @Test
    void aNoopHashNeverLogsIn() {
        String user = storeHash("hash-noop", "{noop}" + PASSWORD);
        assertThat(me(user)).isEqualTo(401);
        assertThat(encoder.matches(PASSWORD, "{noop}" + PASSWORD)).isFalse();
        assertThat(encoder.matches(PASSWORD, "{sha256}whatever")).isFalse();
        assertThat(hashOf(user)).isEqualTo("{noop}" + PASSWORD);
    }

    @Test
    void aLowCostBcryptHashLogsInAndIsUpgradedToTheConfiguredCost() {
        String user = storeHash("hash-cost4", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
        assertThat(me(user)).isEqualTo(200);
        assertThat(hashOf(user)).startsWith("{bcrypt}$2a$10$");
        assertThat(me(user)).isEqualTo(200);
    }

    @Test
    void aBcryptHashWithoutItsPrefixLogsInAndGetsThePrefix() {
        String user = storeHash("hash-bare", new BCryptPasswordEncoder(10).encode(PASSWORD));
        assertThat(me(user)).isEqualTo(200);
        assertThat(hashOf(user)).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void newHashesAreBcryptAndNothingElseIsStored() {
        assertThat(encoder.encode("anything at all")).startsWith("{bcrypt}$2a$10$");
        assertThatThrownBy(() -> new UserAccounts(dsl, audit).setPassword("admin", "{noop}x", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
