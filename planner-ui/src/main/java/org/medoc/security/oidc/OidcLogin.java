package org.medoc.security.oidc;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * The OIDC login when it is on ({@code medoc.oidc.enabled=true}; {@link OidcLoginConfiguration}): what the login page
 * offers, the authentication provider the application's one authentication manager adds to the form login and API
 * tokens, and the UI chain's part (Spring Security's {@code oauth2Login}: the authorization code flow with state,
 * nonce and PKCE).
 *
 * <p>Its two paths are handled by Spring Security's filters on the UI chain, before any view:
 * {@value #SIGN_IN_PATH} starts a sign-in (a redirect to the provider) and {@code /login/oauth2/code/oidc} receives
 * the provider's answer. The API chain is unchanged: it accepts the web session an OIDC sign-in opened, like a form
 * login's, and its Bearer tokens stay medoc's own API tokens.
 */
public final class OidcLogin {

    /** Where the login page's "Sign in with …" link goes. */
    public static final String SIGN_IN_PATH = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
            + "/" + ProviderRegistration.ID;

    private final OidcProperties properties;
    private final ProviderRegistration registration;
    private final MedocOidcUserService users;
    private final OidcLoginFailures failures;

    OidcLogin(OidcProperties properties, ProviderRegistration registration, MedocOidcUserService users, OidcLoginFailures failures) {
        this.properties = properties;
        this.registration = registration;
        this.users = users;
        this.failures = failures;
    }

    /** The provider's name as the login page shows it. */
    public String providerName() {
        return properties.providerName();
    }

    /**
     * Checks the authorization code flow's answer: the code is exchanged at the token endpoint, the ID token verified
     * (signature against the provider's JWKS, issuer, audience, expiry, the nonce of this sign-in), and the person
     * becomes their medoc account ({@link MedocOidcUserService}).
     */
    public AuthenticationProvider authenticationProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(), users);
    }

    /**
     * Where a logout sends the browser. Somebody who signed in through the provider is sent to its
     * {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0 §2) with the ID token of the sign-in as
     * {@code id_token_hint} and {@code defaultTarget} on medoc as {@code post_logout_redirect_uri}, so that leaving medoc also ends
     * the session at the provider: otherwise the next "Sign in with …" on a shared computer would let the next person
     * in as the previous one without a password. A local account, or a provider whose discovery document names no
     * such endpoint, goes to {@code defaultTarget} as before.
     */
    public LogoutSuccessHandler logoutSuccessHandler(String defaultTarget) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registration);
        // the provider must have this address registered as a post-logout redirect URI of the client
        handler.setPostLogoutRedirectUri("{baseUrl}" + defaultTarget);
        handler.setDefaultTargetUrl(defaultTarget);
        return handler;
    }

    /**
     * Adds the sign-in to the UI chain. The chain must use the application's authentication manager, to which
     * {@link #authenticationProvider()} was added: the sign-in then publishes the same events as a form login (last
     * log-in, {@code auth.login} in the audit trail).
     */
    public void configure(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(registration,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE (RFC 7636) on top of the client secret: an intercepted code is useless without this session's verifier
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(registration)
                // the provider's tokens live and die with the web session, instead of in a map that only grows
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(requests))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                .failureHandler(failures));
    }
}
