package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/**
 * Password hashing, needed by the web application and by batch commands that create accounts alike. Only bcrypt is
 * accepted: a stored {@code {noop}}, {@code {sha256}}, {@code {MD5}}... hash never matches (the log says why), so a
 * legacy row cannot be used to log in until an administrator resets its password. A bcrypt hash without the
 * {@code {bcrypt}} prefix, or of a lower cost than {@code medoc.security.bcrypt-strength}, still matches and is
 * re-hashed at that log-in ({@link AppUserDetailsService#updatePassword}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountProperties.class)
class PasswordConfiguration {

    static final String BCRYPT = "bcrypt";
    private static final Logger log = LoggerFactory.getLogger(PasswordConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder(AccountProperties properties) {
        return encoder(properties.bcryptStrength());
    }

    static PasswordEncoder encoder(int strength) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(strength);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(BCRYPT, Map.of(BCRYPT, bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                throw new UnsupportedOperationException("new hashes are always {bcrypt}");
            }

            @Override
            public boolean matches(CharSequence rawPassword, String storedHash) {
                if (storedHash != null && storedHash.matches("^\\$2[aby]?\\$\\d\\d\\$.{53}$")) {
                    return bcrypt.matches(rawPassword, storedHash);
                }
                String scheme = storedHash == null || !storedHash.startsWith("{") || storedHash.indexOf('}') < 0
                        ? "unknown" : storedHash.substring(0, storedHash.indexOf('}') + 1);
                log.warn("Refused a log-in against a {} password hash: only bcrypt is accepted; an administrator must "
                        + "reset this account's password", scheme);
                return false;
            }
        });
        return encoder;
    }
}
