package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.context.ActiveProfiles;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The medoc accounts of people signing in through an OpenID Connect provider, on the real database (the shared test
 * context, where the OIDC login itself is off): created at the first sign-in, found again by the provider's subject,
 * given the provider's roles each time, refused when disabled, and never taking a local account over by its name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FederatedAccountsTests {

    private static final String ISSUER = "https://idp.example.org/realms/centre";

    @Autowired DSLContext dsl;
    @Autowired FederatedAccounts federated;
    @Autowired AccountService accounts;
    @Autowired AppUserDetailsService users;
    @Autowired AuditTrail audit;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @Test
    void theFirstSignInCreatesALinkedAccountTheAdministratorsSeeAndAudit() {
        MedocUser user = federated.signIn(identity("sub-1", "Jane.Doe@centre.org", Role.GOLF_OPERATOR), false, true);
        assertThat(user.getUsername()).isEqualTo("jane.doe-centre.org");
        assertThat(user.displayName()).isEqualTo("Jane Doe");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_GOLF_OPERATOR");

        AccountSummary account = accounts.get("jane.doe-centre.org");
        assertThat(account.roles()).containsExactly(Role.GOLF_OPERATOR);
        assertThat(account.oidcIssuer()).isEqualTo(ISSUER);
        assertThat(account.enabled()).isTrue();
        assertThat(account.passwordChangeRequired()).isFalse();
        List<AuditEvent> created = audit.search(new AuditQuery(null, null, null, "user.created", "user", "jane.doe-centre.org", null, 10)).events();
        assertThat(created).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("jane.doe-centre.org");
            assertThat(event.detail()).isEqualTo("first sign-in through " + ISSUER);
        });
    }

    @Test
    void theSubjectFindsTheAccountAgainAndItTakesTheRolesOfEachSignIn() {
        federated.signIn(identity("sub-2", "pat", Role.PLANNER), false, true);
        MedocUser again = federated.signIn(identity("sub-2", "pat.renamed", Role.PLANNER, Role.ADMIN), false, true);
        assertThat(again.getUsername()).as("the subject, not the changed name, names the person").isEqualTo("pat");
        assertThat(accounts.get("pat").roles()).containsExactlyInAnyOrder(Role.PLANNER, Role.ADMIN);
        assertThat(accounts.list()).noneMatch(a -> a.username().equals("pat.renamed"));
        List<AuditEvent> changed = audit.search(new AuditQuery(null, null, "pat", "user.roles-changed", "user", "pat", null, 10)).events();
        assertThat(changed).singleElement().satisfies(event -> {
            assertThat(event.after()).contains("ADMIN");
            assertThat(event.detail()).isEqualTo("roles from " + ISSUER);
        });
    }

    @Test
    void aDisabledAccountIsRefused() {
        federated.signIn(identity("sub-3", "dis", Role.ARCHIVIST), false, true);
        accounts.disable("admin", "dis");
        assertThatThrownBy(() -> federated.signIn(identity("sub-3", "dis", Role.ARCHIVIST), false, true))
                .isInstanceOfSatisfying(FederatedAccounts.SignInRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(FederatedAccounts.Refusal.DISABLED);
                    assertThat(refused.username()).isEqualTo("dis");
                });
    }

    @Test
    void aLocalAccountOfTheSameNameIsNotTakenOverUnlessLinkingIsOn() {
        TestAccounts.ensure(accounts, "local-kim", "a local password 1", Set.of(Role.PLANNER));
        assertThatThrownBy(() -> federated.signIn(identity("sub-4", "local-kim", Role.ADMIN), false, true))
                .isInstanceOfSatisfying(FederatedAccounts.SignInRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(FederatedAccounts.Refusal.NAME_TAKEN));
        assertThat(accounts.get("local-kim").roles()).as("untouched").containsExactly(Role.PLANNER);
        assertThat(accounts.get("local-kim").oidcIssuer()).isNull();
        assertThatThrownBy(() -> federated.signIn(identity("sub-4", "local-kim"), true, true))
                .as("no role at the provider: the local account is not linked").isInstanceOf(FederatedAccounts.SignInRefusedException.class);
        assertThat(accounts.get("local-kim").roles()).containsExactly(Role.PLANNER);
        assertThat(accounts.get("local-kim").oidcIssuer()).isNull();

        MedocUser linked = federated.signIn(identity("sub-4", "local-kim", Role.ARCHIVIST), true, true);
        assertThat(linked.getUsername()).isEqualTo("local-kim");
        assertThat(accounts.get("local-kim").oidcIssuer()).isEqualTo(ISSUER);
        assertThat(accounts.get("local-kim").roles()).containsExactly(Role.ARCHIVIST);
    }

    @Test
    void somebodyWithoutAMappedRoleGetsNoAccountAndLosesTheRolesOfAnExistingOne() {
        assertThatThrownBy(() -> federated.signIn(identity("sub-5", "nobody"), false, true))
                .isInstanceOfSatisfying(FederatedAccounts.SignInRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(FederatedAccounts.Refusal.NO_ROLE));
        assertThat(accounts.list()).noneMatch(a -> a.username().equals("nobody"));

        federated.signIn(identity("sub-6", "leaver", Role.RELEASE_MANAGER), false, true);
        assertThatThrownBy(() -> federated.signIn(identity("sub-6", "leaver"), false, true))
                .isInstanceOf(FederatedAccounts.SignInRefusedException.class);
        assertThat(accounts.get("leaver").roles()).as("its API tokens lose the withdrawn rights").isEmpty();

        assertThat(federated.signIn(identity("sub-7", "reader"), false, false).getAuthorities())
                .as("with no role required, an account without roles").isEmpty();
    }

    @Test
    void aFederatedAccountHasNoLocalPasswordToUseOrReset() {
        federated.signIn(identity("sub-8", "remote", Role.PLANNER), false, true);
        assertThat(users.loadUserByUsername("remote").getPassword()).startsWith("{bcrypt}$2");
        assertThatThrownBy(() -> accounts.resetPassword("admin", "remote")).isInstanceOf(AccountRejectedException.class)
                .hasMessageContaining("identity provider");
    }

    @Test
    void providerUserNamesBecomeValidAccountNamesOrNone() {
        assertThat(FederatedAccounts.accountName("Jane.Doe@Centre.ORG")).contains("jane.doe-centre.org");
        assertThat(FederatedAccounts.accountName("  _ops team ")).contains("ops-team");
        assertThat(FederatedAccounts.accountName("x".repeat(80))).contains("x".repeat(64));
        assertThat(FederatedAccounts.accountName("é")).isEmpty();
        assertThat(FederatedAccounts.accountName(null)).isEmpty();
    }

    private static FederatedAccounts.Identity identity(String subject, String name, Role... roles) {
        return new FederatedAccounts.Identity(ISSUER, subject, name, name.startsWith("Jane") ? "Jane Doe" : null,
                roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }
}
