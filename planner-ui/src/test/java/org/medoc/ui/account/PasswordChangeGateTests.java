package org.medoc.ui.account;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.security.AccountService;
import org.medoc.security.Role;
import org.medoc.security.TestAccounts;
import org.medoc.ui.archive.ArchiveView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A user who logged in with a one-time password is kept on the change-password screen until they choose their own. */
@PlanningIntegrationTest
@ViewPackages(classes = {ChangePasswordView.class, ArchiveView.class})
class PasswordChangeGateTests extends SpringBrowserlessTest {

    @Autowired DSLContext dsl;
    @Autowired AccountService accounts;
    static String oneTime;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @BeforeEach
    void oneTimeAccount() {
        if (accounts.list().stream().noneMatch(a -> a.username().equals("gate-user"))) {
            oneTime = accounts.create("test", "gate-user", null, Set.of(Role.PLANNER)).password();
        }
    }

    @Test
    @WithUserDetails(value = "gate-user", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void everyViewLeadsToTheChangePasswordScreenUntilThePasswordIsChanged() {
        navigate("archive", ChangePasswordView.class);
        ChangePasswordView view = (ChangePasswordView) getCurrentView();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("password-change-required").getText()).contains("one-time password");

        test(view.form.current).setValue(oneTime);
        test(view.form.chosen).setValue("my very own password");
        test(view.form.repeated).setValue("my very own password");
        test(view.form.save).click();

        assertThat(accounts.passwordChangeRequired("gate-user")).isFalse();
        navigate(ArchiveView.class);
        assertThat(getCurrentView()).isInstanceOf(ArchiveView.class);
    }
}
