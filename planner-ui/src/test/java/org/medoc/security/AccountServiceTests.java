package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Account administration on the real database: creation, roles, disabling, resets, own password changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountServiceTests {

    @Autowired DSLContext dsl;
    @Autowired AccountService accounts;
    @Autowired AppUserDetailsService users;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @Test
    void aNewAccountHasItsRolesAndAOneTimePasswordThatMustBeChanged() {
        AccountService.OneTimePassword created = accounts.create("admin", "svc-new", "New Person", EnumSet.of(Role.PLANNER, Role.ARCHIVIST));
        assertThat(created.password()).hasSize(16);
        AccountSummary account = accounts.get("svc-new");
        assertThat(account.roles()).containsExactly(Role.ARCHIVIST, Role.PLANNER);
        assertThat(account.passwordChangeRequired()).isTrue();
        assertThat(account.enabled()).isTrue();
        assertThat(users.loadUserByUsername("svc-new").passwordChangeRequired()).isTrue();
    }

    @Test
    void aTakenOrMalformedUserNameIsRefused() {
        assertThatThrownBy(() -> accounts.create("admin", "planner", null, Set.of())).isInstanceOf(AccountRejectedException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> accounts.create("admin", "Bad Name", null, Set.of())).isInstanceOf(AccountRejectedException.class)
                .hasMessageContaining("lower-case");
    }

    @Test
    void changingTheOneTimePasswordClearsTheForcedChange() {
        AccountService.OneTimePassword created = accounts.create("admin", "svc-change", null, Set.of(Role.PLANNER));
        assertThatThrownBy(() -> accounts.changeOwnPassword("svc-change", "not it", "a long enough password"))
                .hasMessageContaining("current password");
        assertThatThrownBy(() -> accounts.changeOwnPassword("svc-change", created.password(), "too short"))
                .hasMessageContaining("at least 12");
        accounts.changeOwnPassword("svc-change", created.password(), "a long enough password");
        assertThat(accounts.passwordChangeRequired("svc-change")).isFalse();
    }

    @Test
    void aResetGivesANewOneTimePasswordAndForcesAChange() {
        TestAccounts.ensure(accounts, "svc-reset", "the original password", Set.of(Role.PLANNER));
        AccountService.OneTimePassword reset = accounts.resetPassword("admin", "svc-reset");
        assertThat(accounts.passwordChangeRequired("svc-reset")).isTrue();
        assertThatThrownBy(() -> accounts.changeOwnPassword("svc-reset", "the original password", "another long password"))
                .hasMessageContaining("current password");
        accounts.changeOwnPassword("svc-reset", reset.password(), "another long password");
    }

    @Test
    void aDisabledAccountIsLoadedDisabledAndCanBeEnabledAgain() {
        TestAccounts.ensure(accounts, "svc-disable", "the original password", Set.of(Role.PLANNER));
        accounts.disable("admin", "svc-disable");
        assertThat(users.loadUserByUsername("svc-disable").isEnabled()).isFalse();
        accounts.enable("admin", "svc-disable");
        assertThat(users.loadUserByUsername("svc-disable").isEnabled()).isTrue();
    }

    @Test
    void theLastAdministratorKeepsTheRoleAndCannotBeDisabled() {
        // the demo "admin" is the only enabled administrator
        assertThatThrownBy(() -> accounts.setRoles("someone", "admin", Set.of(Role.PLANNER)))
                .isInstanceOf(AccountRejectedException.class).hasMessageContaining("last enabled administrator");
        assertThatThrownBy(() -> accounts.disable("someone", "admin"))
                .isInstanceOf(AccountRejectedException.class).hasMessageContaining("last enabled administrator");
        assertThatThrownBy(() -> accounts.disable("admin", "admin")).hasMessageContaining("your own account");
        assertThat(accounts.get("admin").roles()).contains(Role.ADMIN);
    }

    @Test
    void rolesAreReplacedExactly() {
        TestAccounts.ensure(accounts, "svc-roles", "the original password", Set.of(Role.PLANNER));
        accounts.setRoles("admin", "svc-roles", EnumSet.of(Role.GOLF_OPERATOR, Role.RELEASE_MANAGER));
        assertThat(accounts.get("svc-roles").roles()).containsExactly(Role.GOLF_OPERATOR, Role.RELEASE_MANAGER);
        assertThat(users.loadUserByUsername("svc-roles").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_GOLF_OPERATOR", "ROLE_RELEASE_MANAGER");
    }
}
