package org.medoc.security.oidc;

import org.medoc.security.MedocUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.HashMap;
import java.util.Map;

/**
 * A medoc account signed in through the OpenID Connect provider: to the application the same {@link MedocUser} as
 * after a form login (name, display name, roles from the account), to Spring Security's OAuth2 client the provider's
 * user with its ID token. Its name is the medoc account name, not the provider's subject, so that the audit trail,
 * the last log-in and every view name the account.
 */
public final class MedocOidcUser extends MedocUser implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    MedocOidcUser(MedocUser account, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(account);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    @Override
    public Map<String, Object> getClaims() {
        Map<String, Object> claims = new HashMap<>(idToken.getClaims());
        if (userInfo != null) {
            claims.putAll(userInfo.getClaims());
        }
        return claims;
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return getClaims();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
