package org.medoc.security.oidc;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** An {@link OidcLogin} for view tests, which need only what the login page shows; it never reaches a provider. */
public final class OidcLogins {

    private OidcLogins() {
    }

    public static OidcLogin named(String providerName) {
        OidcProperties properties = new OidcProperties(true, providerName, URI.create("http://127.0.0.1:9/none"), "medoc",
                "unused", List.of("openid"), "preferred_username", "groups", Map.of(), false, true);
        return new OidcLogin(properties, new ProviderRegistration(properties), null, null);
    }
}
