package org.medoc.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed by the web application and by batch commands that create accounts alike. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default; the prefix in auth.app_user.password_hash lets the algorithm change later without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
