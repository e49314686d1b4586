package org.medoc.security.oidc;

import org.medoc.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code medoc.oidc.*}: the optional sign-in through the centre's OpenID Connect provider (docs/security.md, "OIDC
 * login"). Off unless {@code enabled}.
 *
 * @param providerName      shown on the login page: "Sign in with {providerName}"
 * @param issuerUri         the provider's issuer; its {@code /.well-known/openid-configuration} names the endpoints
 * @param clientId          medoc's client at the provider
 * @param clientSecret      its secret (a confidential client; keep it out of files others can read)
 * @param scopes            the scopes asked for; {@code openid} is always among them
 * @param usernameClaim     the claim whose value becomes the medoc account name at the first sign-in
 * @param rolesClaim        the claim that carries the person's groups or roles; a dotted path reaches into nested
 *                          objects ({@code realm_access.roles})
 * @param roleMapping       for each medoc role, the claim values that grant it; other values grant nothing
 * @param linkLocalAccounts whether a provider's user whose name is that of an existing local account becomes that
 *                          account (off: the sign-in is refused, so a provider's user can never take a local account over)
 * @param requireRole       whether a person whose claims map to no medoc role is refused (and gets no account)
 */
@ConfigurationProperties("medoc.oidc")
public record OidcProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("single sign-on") String providerName,
                             URI issuerUri,
                             String clientId,
                             String clientSecret,
                             @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                             @DefaultValue("preferred_username") String usernameClaim,
                             @DefaultValue("groups") String rolesClaim,
                             Map<Role, List<String>> roleMapping,
                             @DefaultValue("false") boolean linkLocalAccounts,
                             @DefaultValue("true") boolean requireRole) {

    public OidcProperties {
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
    }

    /** The scopes asked for, {@code openid} first: without it the provider answers no ID token. */
    Set<String> scopesWithOpenid() {
        Set<String> all = new LinkedHashSet<>();
        all.add("openid");
        all.addAll(scopes == null ? List.of() : scopes);
        return all;
    }

    /** Refuses to start with the login half configured, naming the setting that is missing. */
    void requireComplete() {
        if (issuerUri == null) {
            throw new IllegalStateException("medoc.oidc.enabled=true needs medoc.oidc.issuer-uri (the provider's issuer)");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalStateException("medoc.oidc.enabled=true needs medoc.oidc.client-id");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("medoc.oidc.enabled=true needs medoc.oidc.client-secret");
        }
    }
}
