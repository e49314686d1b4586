package org.medoc.ui.account;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.security.AccountService;
import org.medoc.security.PasswordPolicy;
import org.medoc.ui.base.Notices;

/**
 * Where a signed-in user with a one-time password is sent ({@link PasswordChangeGate}) until they have chosen their
 * own; anyone may also come here to change theirs.
 */
@Route("account/password")
@PageTitle("Change password · medoc")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    final PasswordChangeForm form;

    public ChangePasswordView(AuthenticationContext authentication, AccountService accounts, PasswordPolicy policy) {
        setId("change-password-view");
        String username = authentication.getPrincipalName().orElseThrow();
        add(new H2("Change password"));
        if (accounts.passwordChangeRequired(username)) {
            Paragraph required = new Paragraph("You logged in with a one-time password: choose your own before you go on.");
            required.setId("password-change-required");
            add(required);
        }
        form = new PasswordChangeForm(username, accounts, policy, () -> {
            Notices.success("Password changed.");
            getUI().ifPresent(ui -> ui.navigate("archive"));
        });
        add(form);
    }
}
