package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.auth.Tables.APP_USER;
import static org.medoc.db.jooq.auth.Tables.USER_ROLE;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoAccountsTests {

    @Autowired
    DSLContext dsl;

    @Autowired
    org.medoc.audit.AuditTrail audit;

    @Autowired
    DemoAccounts demoAccounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void demoModeCreatesOneAccountPerRoleWithABcryptHash() {
        Map<String, String> hashes = dsl.select(APP_USER.USERNAME, APP_USER.PASSWORD_HASH).from(APP_USER).fetchMap(APP_USER.USERNAME, APP_USER.PASSWORD_HASH);
        assertThat(hashes).containsOnlyKeys("archivist", "planner", "golf-operator", "release-manager", "admin");
        assertThat(hashes.values()).allSatisfy(hash -> {
            assertThat(hash).startsWith("{bcrypt}$2");
            assertThat(passwordEncoder.matches("test-demo-password", hash)).isTrue();
        });
        Map<String, String> roles = dsl.select(USER_ROLE.USERNAME, USER_ROLE.ROLE).from(USER_ROLE).fetchMap(USER_ROLE.USERNAME, USER_ROLE.ROLE);
        assertThat(roles).containsEntry("archivist", "ARCHIVIST").containsEntry("planner", "PLANNER")
                .containsEntry("golf-operator", "GOLF_OPERATOR").containsEntry("release-manager", "RELEASE_MANAGER")
                .containsEntry("admin", "ADMIN").hasSize(5);
    }

    @Test
    void aSecondStartLeavesExistingAccountsUntouched() {
        Map<String, String> before = dsl.select(APP_USER.USERNAME, APP_USER.PASSWORD_HASH).from(APP_USER).fetchMap(APP_USER.USERNAME, APP_USER.PASSWORD_HASH);
        demoAccounts.run(new DefaultApplicationArguments());
        Map<String, String> after = dsl.select(APP_USER.USERNAME, APP_USER.PASSWORD_HASH).from(APP_USER).fetchMap(APP_USER.USERNAME, APP_USER.PASSWORD_HASH);
        assertThat(after).isEqualTo(before);
        assertThat(dsl.fetchCount(USER_ROLE)).isEqualTo(5);
    }

    @Test
    void demoModeIsOnByDefaultOnlyWithTheEmbeddedDatabase() {
        assertThat(DemoAccounts.enabled(new MockEnvironment())).isTrue();
        assertThat(DemoAccounts.enabled(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/medoc"))).isFalse();
        assertThat(DemoAccounts.enabled(new MockEnvironment().withProperty("medoc.demo", "false"))).isFalse();
        assertThat(DemoAccounts.enabled(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/medoc")
                .withProperty("medoc.demo", "true"))).isTrue();
    }

    @Test
    void aProductionStartCreatesNoDemoAccountAndADemoStartCreatesTheMissingOne() {
        dsl.deleteFrom(APP_USER).where(APP_USER.USERNAME.eq("golf-operator")).execute();
        try {
            new DemoAccounts(new UserAccounts(dsl, audit), passwordEncoder, new MockEnvironment().withProperty("medoc.demo", "false"))
                    .run(new DefaultApplicationArguments());
            assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("golf-operator"))).isFalse();
        } finally {
            // as the test profile's demo start made it, so that the other tests find it
            new DemoAccounts(new UserAccounts(dsl, audit), passwordEncoder, new MockEnvironment().withProperty("medoc.demo", "true")
                    .withProperty("medoc.demo.password", "test-demo-password")).run(new DefaultApplicationArguments());
        }
        assertThat(dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USERNAME.eq("golf-operator")).fetchOne(USER_ROLE.ROLE))
                .isEqualTo("GOLF_OPERATOR");
    }
}
