package org.medoc.security.oidc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one client registration, {@value #ID}, from the provider's discovery document, read at the first sign-in and
 * kept: medoc starts (and its local accounts work) while the provider is unreachable, and the next sign-in tries the
 * discovery again.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

    /** The registration's id, in the sign-in path {@code /oauth2/authorization/oidc} and the redirect URI. */
    static final String ID = "oidc";
    private static final Logger log = LoggerFactory.getLogger(ProviderRegistration.class);
    private final OidcProperties properties;
    private volatile ClientRegistration registration;

    ProviderRegistration(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration found = registration;
        if (found == null) {
            synchronized (this) {
                found = registration;
                if (found == null) {
                    found = discover();
                    registration = found;
                }
            }
        }
        return found;
    }

    private ClientRegistration discover() {
        String issuer = properties.issuerUri().toString();
        try {
            // checks that the document's issuer is the configured one, as OpenID Connect Discovery 1.0 §4.3 asks
            ClientRegistration discovered = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(ID)
                    .clientName(properties.providerName())
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .scope(properties.scopesWithOpenid())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .userNameAttributeName("sub")
                    .build();
            log.info("OIDC provider {}: authorization at {}", issuer, discovered.getProviderDetails().getAuthorizationUri());
            return discovered;
        } catch (RuntimeException unreachable) {
            log.error("Cannot read the OIDC discovery document of {} (medoc.oidc.issuer-uri): {}", issuer, unreachable.getMessage());
            throw unreachable;
        }
    }
}
