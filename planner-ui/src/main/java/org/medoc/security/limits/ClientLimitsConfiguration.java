package org.medoc.security.limits;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs {@link ClientLimitsFilter} ahead of Spring Security's filter chain. */
@Configuration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ClientLimits.class)
class ClientLimitsConfiguration {

    /** Spring Security's filter runs at order -100 (SecurityProperties.DEFAULT_FILTER_ORDER): the limits come first. */
    static final int ORDER = -110;

    @Bean
    FilterRegistrationBean<ClientLimitsFilter> clientLimitsFilter(ClientLimits limits) {
        FilterRegistrationBean<ClientLimitsFilter> registration = new FilterRegistrationBean<>(new ClientLimitsFilter(limits));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
