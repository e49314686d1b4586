package org.medoc.ui.account;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.security.AccountService;
import org.medoc.security.AccountSummary;
import org.medoc.security.ApiTokens;
import org.medoc.security.PasswordPolicy;
import org.medoc.security.Role;
import org.medoc.ui.base.Notices;

import java.util.stream.Collectors;

/** Every signed-in user's own account: who they are, their password, and their personal API tokens. */
@Route("account")
@PageTitle("My account · medoc")
@PermitAll
public class MyAccountView extends VerticalLayout {

    final PasswordChangeForm password;
    final ApiTokenPanel tokens;

    public MyAccountView(AuthenticationContext authentication, AccountService accounts, PasswordPolicy policy, ApiTokens apiTokens) {
        setId("my-account-view");
        String username = authentication.getPrincipalName().orElseThrow();
        AccountSummary me = accounts.get(username);
        Paragraph who = new Paragraph(username + (me.fullName() == null ? "" : " (" + me.fullName() + ")") + " · roles: "
                + (me.roles().isEmpty() ? "none" : me.roles().stream().map(Role::name).collect(Collectors.joining(", "))));
        who.setId("my-account-who");
        password = new PasswordChangeForm(username, accounts, policy, () -> Notices.success("Password changed."));
        tokens = new ApiTokenPanel(username, apiTokens);
        add(new H2("My account"), who, new H3("Password"), password, new H3("API tokens"), tokens);
    }
}
