package org.medoc.ui.account;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.security.AccountService;
import org.medoc.security.ApiTokenInfo;
import org.medoc.security.ApiTokens;
import org.medoc.security.Role;
import org.medoc.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every user's own account screen: password change and personal API tokens, without a browser. */
@PlanningIntegrationTest
@ViewPackages(classes = MyAccountView.class)
@WithMockUser(username = "my-account", roles = "PLANNER")
class MyAccountViewTests extends SpringBrowserlessTest {

    private static final String PASSWORD = "my account password";

    @Autowired DSLContext dsl;
    @Autowired AccountService accounts;
    @Autowired ApiTokens tokens;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @BeforeEach
    void account() {
        TestAccounts.ensure(accounts, "my-account", PASSWORD, Set.of(Role.PLANNER));
    }

    @Test
    void aNewTokenIsShownOnceAndListedWithoutItsSecret() {
        MyAccountView view = navigate(MyAccountView.class);
        test(view.tokens.name).setValue("nightly ingest");
        test(view.tokens.create).click();

        String secret = view.tokens.shown.secret();
        assertThat(secret).startsWith("medoc_");
        assertThat(view.tokens.shown.isOpened()).isTrue();
        ApiTokenInfo listed = test(view.tokens.tokens).getRow(0);
        assertThat(listed.name()).isEqualTo("nightly ingest");
        assertThat(test(view.tokens.tokens).getCellText(0, 1)).isEqualTo("…" + secret.substring(secret.length() - 4));
        assertThat(test(view.tokens.tokens).getCellText(0, 5)).isEqualTo("live");
    }

    @Test
    void aTokenWithoutANameIsRefusedOnTheNameField() {
        MyAccountView view = navigate(MyAccountView.class);
        int before = tokens.own("my-account").size();
        test(view.tokens.create).click();
        assertThat(view.tokens.name.isInvalid()).isTrue();
        assertThat(tokens.own("my-account")).hasSize(before);
    }

    @Test
    void theOwnerRevokesTheirToken() {
        ApiTokens.CreatedToken token = tokens.create("my-account", "to revoke in the view", null);
        MyAccountView view = navigate(MyAccountView.class);
        assertThat(test(view.tokens.tokens).getRow(0).id()).isEqualTo(token.info().id());
        test((Button) test(view.tokens.tokens).getCellComponent(0, 6)).click();
        assertThat(tokens.own("my-account")).filteredOn(t -> t.id() == token.info().id()).first()
                .satisfies(t -> assertThat(t.live()).isFalse());
        assertThat(test(view.tokens.tokens).getCellText(0, 5)).startsWith("revoked");
    }

    @Test
    void aWrongCurrentPasswordAndAWeakNewOneAreRefusedOnTheirFields() {
        MyAccountView view = navigate(MyAccountView.class);
        test(view.password.current).setValue("not my password");
        test(view.password.chosen).setValue("a brand new password");
        test(view.password.repeated).setValue("a brand new password");
        test(view.password.save).click();
        assertThat(view.password.current.isInvalid()).isTrue();
        assertThat(view.password.current.getErrorMessage()).isEqualTo("The current password is not right.");

        test(view.password.current).setValue(PASSWORD);
        test(view.password.chosen).setValue("qwertyuiopasdf");
        test(view.password.repeated).setValue("qwertyuiopasdf");
        test(view.password.save).click();
        assertThat(view.password.chosen.isInvalid()).isTrue();
        assertThat(view.password.chosen.getErrorMessage()).contains("commonly used");
    }

    @Test
    void aGoodNewPasswordIsStored() {
        MyAccountView view = navigate(MyAccountView.class);
        test(view.password.current).setValue(PASSWORD);
        test(view.password.chosen).setValue("an even better password");
        test(view.password.repeated).setValue("an even better password");
        test(view.password.save).click();
        assertThat(view.password.current.getValue()).isEmpty();
        // back to the known password for the other tests
        accounts.changeOwnPassword("my-account", "an even better password", PASSWORD);
    }
}
