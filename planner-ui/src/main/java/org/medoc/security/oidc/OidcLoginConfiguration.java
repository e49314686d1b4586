package org.medoc.security.oidc;

import org.medoc.audit.AuditTrail;
import org.medoc.security.FederatedAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs the {@link OidcLogin} when {@code medoc.oidc.enabled=true}; without it nothing of OIDC exists. */
@Configuration
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "medoc.oidc", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OidcProperties.class)
class OidcLoginConfiguration {

    @Bean
    OidcLogin oidcLogin(OidcProperties properties, FederatedAccounts accounts, AuditTrail audit) {
        properties.requireComplete();
        return new OidcLogin(properties, new ProviderRegistration(properties), new MedocOidcUserService(accounts, properties),
                new OidcLoginFailures(audit, properties.issuerUri().toString()));
    }
}
