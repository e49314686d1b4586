package org.medoc.ui.login;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.junit.jupiter.api.Test;
import org.medoc.security.oidc.OidcLogin;
import org.medoc.security.oidc.OidcLogins;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The login page offers the centre's identity provider beside the form only when the OIDC login is on. */
class LoginViewTests {

    @Test
    void withTheOidcLoginOnThePageLinksToTheProvidersSignIn() {
        LoginView view = new LoginView(new AuthenticationContext(), new MockEnvironment(),
                provider(Map.of("oidcLogin", OidcLogins.named("Centre SSO"))));
        Anchor signIn = (Anchor) child(view, "oidc-sign-in").orElseThrow();
        assertThat(signIn.getText()).isEqualTo("Sign in with Centre SSO");
        assertThat(signIn.getHref()).isEqualTo("oauth2/authorization/oidc");
        assertThat(signIn.getElement().hasAttribute("router-ignore")).as("the sign-in starts outside the views").isTrue();
        Paragraph failed = (Paragraph) child(view, "oidc-failed").orElseThrow();
        assertThat(failed.isVisible()).as("shown only after a failed sign-in").isFalse();
        assertThat(failed.getText()).startsWith("Signing in with Centre SSO did not succeed");
        assertThat(child(view, "login-form")).isPresent();
    }

    @Test
    void withTheOidcLoginOffThereIsOnlyTheForm() {
        LoginView view = new LoginView(new AuthenticationContext(), new MockEnvironment(), provider(Map.of()));
        assertThat(child(view, "oidc-sign-in")).isEmpty();
        assertThat(child(view, "login-form")).isPresent();
    }

    private static ObjectProvider<OidcLogin> provider(Map<String, OidcLogin> beans) {
        return new StaticListableBeanFactory(new HashMap<>(beans)).getBeanProvider(OidcLogin.class);
    }

    private static Optional<Component> child(Component parent, String id) {
        List<Component> children = parent.getChildren().toList();
        return children.stream().filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }
}
