package org.medoc.ui.login;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.medoc.security.oidc.OidcLogin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The last of the security filter chains (after the API and the release pages of
 * {@link org.medoc.security.SecurityConfiguration}): everything else is the Vaadin UI, configured by
 * {@link VaadinSecurityConfigurer} with this login view, logout, and view access control from
 * {@code @AnonymousAllowed}/{@code @PermitAll}/{@code @RolesAllowed}, and the OIDC sign-in when it is on. It lives
 * beside the login view so that the
 * security package never depends on the views.
 */
@Configuration
@ConditionalOnWebApplication
class UiSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain uiSecurity(HttpSecurity http, AuthenticationManager authentication, ObjectProvider<OidcLogin> oidc)
            throws Exception {
        // the application's one authentication manager: the login form is throttled and locked like HTTP Basic
        http.authenticationManager(authentication).authorizeHttpRequests(authorize -> authorize
                .requestMatchers("/styles/**", "/images/**", "/error").permitAll());
        // "Sign in with …" beside the form, when the OIDC login is on
        for (OidcLogin login : oidc) {
            login.configure(http);
        }
        // where a logout lands: the public Archive view
        String afterLogout = "/archive";
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class, afterLogout);
            // a logout of somebody who signed in through the provider ends the provider's session too
            for (OidcLogin login : oidc) {
                vaadin.logoutSuccessHandler(login.logoutSuccessHandler(afterLogout));
            }
        }).build();
    }
}
