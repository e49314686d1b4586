package org.medoc.ui.admin;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.security.AccountService;
import org.medoc.security.AccountSummary;
import org.medoc.security.ApiTokens;
import org.medoc.security.Role;
import org.medoc.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' Users screen on the real application and database, without a browser. */
@PlanningIntegrationTest
@ViewPackages(classes = UsersView.class)
@WithMockUser(username = "admin", roles = "ADMIN")
class UsersViewTests extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired AccountService accounts;
    @Autowired ApiTokens tokens;
    @Autowired AuthenticationManager authentication;

    private int row(UsersView view, String username) {
        return IntStream.range(0, test(view.users).size()).filter(i -> test(view.users).getRow(i).username().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " is not listed"));
    }

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @Test
    void creatingAnAccountShowsItsOneTimePasswordOnceAndListsIt() {
        UsersView view = navigate(UsersView.class);
        test(view.newUsername).setValue("view-made");
        test(view.newFullName).setValue("Made In The View");
        test(view.newRoles).selectItem("GOLF_OPERATOR");
        test(view.create).click();

        assertThat(view.oneTimeDialog.isOpened()).isTrue();
        assertThat(view.oneTimeDialog.secret()).hasSize(16);
        AccountSummary made = test(view.users).getRow(row(view, "view-made"));
        assertThat(made.roles()).containsExactly(Role.GOLF_OPERATOR);
        assertThat(made.passwordChangeRequired()).isTrue();
        assertThat(view.newUsername.getValue()).isEmpty();
    }

    @Test
    void aMalformedUserNameIsRefusedOnItsField() {
        UsersView view = navigate(UsersView.class);
        test(view.newUsername).setValue("Not Valid");
        test(view.create).click();
        assertThat(view.newUsername.isInvalid()).isTrue();
        assertThat(view.newUsername.getErrorMessage()).startsWith("2 to 64 characters");
        assertThat(accounts.list()).noneMatch(a -> a.username().equalsIgnoreCase("not valid"));
    }

    @Test
    void theSelectedAccountGetsNewRolesAResetPasswordAndIsDisabled() {
        TestAccounts.ensure(accounts, "view-selected", "selected in the view", Set.of(Role.PLANNER));
        UsersView view = navigate(UsersView.class);
        test(view.users).select(row(view, "view-selected"));

        test(view.roles).selectItem("ARCHIVIST");
        test(view.saveRoles).click();
        assertThat(accounts.get("view-selected").roles()).containsExactly(Role.ARCHIVIST, Role.PLANNER);

        test(view.resetPassword).click();
        assertThat(view.oneTimeDialog.secret()).hasSize(16);
        assertThat(accounts.get("view-selected").passwordChangeRequired()).isTrue();

        test(view.disable).click();
        assertThat(accounts.get("view-selected").enabled()).isFalse();
        assertThat(view.selected.getText()).contains("disabled");
        assertThat(view.enable.isEnabled()).isTrue();
    }

    @Test
    void aLockedAccountShowsItsFailedAttemptsAndIsUnlocked() {
        TestAccounts.ensure(accounts, "view-locked", "locked in the view", Set.of(Role.PLANNER));
        for (int i = 0; i < 5; i++) {
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("view-locked", "wrong " + i);
            attempt.setDetails(new WebAuthenticationDetails("198.51.100.9", null));
            try {
                authentication.authenticate(attempt);
            } catch (AuthenticationException expected) {
                // counted by the lockout
            }
        }
        UsersView view = navigate(UsersView.class);
        int row = row(view, "view-locked");
        assertThat(test(view.users).getRow(row).failedAttempts()).isEqualTo(5);
        assertThat(test(view.users).getCellText(row, 3)).isEqualTo("enabled, locked");
        test(view.users).select(row);
        test(view.unlock).click();
        assertThat(accounts.get("view-locked").locked()).isFalse();
        assertThat(accounts.get("view-locked").failedAttempts()).isZero();
    }

    @Test
    void anAdministratorRevokesAnotherUsersToken() {
        String owner = TestAccounts.ensure(accounts, "view-token-owner", "owns a token here", EnumSet.of(Role.ARCHIVIST));
        ApiTokens.CreatedToken token = tokens.create(owner, "revoked from the users view", null);
        UsersView view = navigate(UsersView.class);
        int row = IntStream.range(0, test(view.tokens).size()).filter(i -> test(view.tokens).getRow(i).id() == token.info().id())
                .findFirst().orElseThrow();
        test((Button) test(view.tokens).getCellComponent(row, 6)).click();
        assertThat(tokens.own(owner)).filteredOn(t -> t.id() == token.info().id()).first()
                .satisfies(t -> assertThat(t.revokedBy()).isEqualTo("admin"));
    }
}
