package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Spring Security's authentication events, from the login form, HTTP Basic and API tokens alike: a wrong password or
 * token counts towards the locks of {@link LoginThrottle} and holds the answer back a little; every refusal is logged;
 * a success resets the account's count and records the log-in.
 */
@Component
class AuthenticationEvents {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationEvents.class);
    private final LoginThrottle throttle;

    AuthenticationEvents(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void badCredentials(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = attempt instanceof ApiTokenAuthentication ? null : attempt.getName();
        Duration delay = throttle.failed(username, ThrottledDaoAuthenticationProvider.address(attempt), method(attempt));
        if (!delay.isZero()) {
            try {
                // the request's own (virtual) thread waits: slows a guesser down without holding a platform thread
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
            Authentication attempt = event.getAuthentication();
            log.warn("Refused log-in ({}) for {} from {}: {}", method(attempt), attempt.getName(),
                    ThrottledDaoAuthenticationProvider.address(attempt), event.getException().getMessage());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String method(Authentication attempt) {
        return attempt instanceof ApiTokenAuthentication ? "API token" : "password";
    }
}
