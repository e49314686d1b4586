package org.medoc.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Settings of authentication and accounts ({@code medoc.security.*}).
 *
 * @param passwordMinLength      shortest password the policy accepts (never below 12)
 * @param bcryptStrength         bcrypt cost of new hashes; hashes of a lower cost are re-hashed at the next log-in
 * @param maxFailures            failed log-ins of one account within {@code failureWindow} that lock it
 * @param addressMaxFailures     failed log-ins from one client address within {@code failureWindow} that lock the address
 * @param failureWindow          how long failures are remembered; an older failure starts the count again
 * @param lockDuration           how long a lock lasts before it lifts by itself (an administrator may unlock earlier)
 * @param throttleStep           delay added to the answer of a failed log-in per earlier failure of the same account
 *                               or address (slows down guessing before the lock)
 * @param maxThrottle            longest such delay
 * @param trustedOrigins         origins besides the application's own from which browsers may send unsafe requests
 *                               authenticated by cookie or HTTP Basic (e.g. {@code https://portal.example.org})
 */
@ConfigurationProperties("medoc.security")
public record AccountProperties(
        @DefaultValue("12") int passwordMinLength,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("5") int maxFailures,
        @DefaultValue("20") int addressMaxFailures,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("200ms") Duration throttleStep,
        @DefaultValue("2s") Duration maxThrottle,
        @DefaultValue List<String> trustedOrigins) {

    public AccountProperties {
        if (passwordMinLength < 12) {
            throw new IllegalArgumentException("medoc.security.password-min-length must be at least 12, was " + passwordMinLength);
        }
        if (bcryptStrength < 10 || bcryptStrength > 16) {
            throw new IllegalArgumentException("medoc.security.bcrypt-strength must be between 10 and 16, was " + bcryptStrength);
        }
        if (maxFailures < 1 || addressMaxFailures < 1) {
            throw new IllegalArgumentException("medoc.security.max-failures and address-max-failures must be at least 1");
        }
        trustedOrigins = trustedOrigins == null ? List.of() : List.copyOf(trustedOrigins);
    }
}
