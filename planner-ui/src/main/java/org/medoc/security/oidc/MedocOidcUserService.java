package org.medoc.security.oidc;

import org.medoc.security.FederatedAccounts;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the provider's verified user (ID token checked by Spring Security: signature, issuer, audience, expiry, nonce)
 * into a medoc account: the claims map to roles ({@link RoleMapping}), and {@link FederatedAccounts} finds or creates
 * the account, refuses a disabled one and gives it those roles.
 */
final class MedocOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** A sign-in the account rules refused, with the account name and why; the login page says only that it failed. */
    static final class SignInRefused extends OAuth2AuthenticationException {
        private final FederatedAccounts.SignInRefusedException refusal;

        SignInRefused(FederatedAccounts.SignInRefusedException refusal) {
            super(new OAuth2Error("access_denied", refusal.getMessage(), null), refusal.getMessage(), refusal);
            this.refusal = refusal;
        }

        FederatedAccounts.SignInRefusedException refusal() {
            return refusal;
        }
    }

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final FederatedAccounts accounts;
    private final OidcProperties properties;
    private final RoleMapping roles;

    MedocOidcUserService(FederatedAccounts accounts, OidcProperties properties) {
        this(new OidcUserService(), accounts, properties);
    }

    MedocOidcUserService(OAuth2UserService<OidcUserRequest, OidcUser> provider, FederatedAccounts accounts, OidcProperties properties) {
        this.provider = provider;
        this.accounts = accounts;
        this.properties = properties;
        this.roles = new RoleMapping(properties.rolesClaim(), properties.roleMapping());
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String name = user.getClaimAsString(properties.usernameClaim());
        FederatedAccounts.Identity identity = new FederatedAccounts.Identity(user.getIdToken().getIssuer().toString(),
                user.getSubject(), name == null ? user.getSubject() : name, user.getFullName(), roles.rolesOf(user.getClaims()));
        try {
            return new MedocOidcUser(accounts.signIn(identity, properties.linkLocalAccounts(), properties.requireRole()),
                    user.getIdToken(), user.getUserInfo());
        } catch (FederatedAccounts.SignInRefusedException refused) {
            throw new SignInRefused(refused);
        }
    }
}
