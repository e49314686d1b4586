package org.medoc.ui.login;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.medoc.security.DemoAccounts;
import org.medoc.security.oidc.OidcLogin;
import org.medoc.ui.base.MainLayout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * Staff log-in. The form posts to Spring Security's form login ({@code POST /login}); a failed attempt comes back
 * as {@code /login?error}. With the OIDC login on, a link beside the form signs in through the centre's identity
 * provider; a failed sign-in there comes back as {@code /login?oidc-failed}. Anonymous visitors do not need it: the
 * archive and products are public.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · medoc")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final AuthenticationContext authentication;

    private final Paragraph oidcFailed = new Paragraph();

    public LoginView(AuthenticationContext authentication, Environment environment, ObjectProvider<OidcLogin> oidc) {
        this.authentication = authentication;
        setId("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        login.setId("login-form");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        H1 title = new H1("medoc");
        Paragraph subtitle = new Paragraph("Solar-physics data and operations centre: staff log-in");
        Anchor archive = new Anchor("archive", "Browse the public archive without logging in");
        add(title, subtitle);
        if (DemoAccounts.enabled(environment)) {
            add(MainLayout.demoBanner());
        }
        add(login);
        oidc.ifAvailable(provider -> {
            // a plain link, not a router link: the sign-in starts in Spring Security's filter, outside the views
            Anchor signIn = new Anchor(OidcLogin.SIGN_IN_PATH.substring(1), "Sign in with " + provider.providerName());
            signIn.setId("oidc-sign-in");
            signIn.setRouterIgnore(true);
            oidcFailed.setId("oidc-failed");
            oidcFailed.setText("Signing in with " + provider.providerName() + " did not succeed. If it keeps failing, "
                    + "ask an administrator: your account may be disabled or have no role here.");
            oidcFailed.setVisible(false);
            add(signIn, oidcFailed);
        });
        add(archive);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("archive");
            return;
        }
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        oidcFailed.setVisible(event.getLocation().getQueryParameters().getParameters().containsKey("oidc-failed"));
    }
}
