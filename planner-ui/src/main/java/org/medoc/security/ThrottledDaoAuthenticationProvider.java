package org.medoc.security;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * User name and password (login form and HTTP Basic) against {@link AppUserDetailsService}, refused without checking
 * the password when the client address is locked (a locked account is refused by the account's own lock flag), and
 * with the hash upgraded after a successful log-in when it is of an older format or cost.
 */
final class ThrottledDaoAuthenticationProvider extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    ThrottledDaoAuthenticationProvider(AppUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        super(users);
        setPasswordEncoder(encoder);
        setUserDetailsPasswordService(users);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        refuseLockedAddress(throttle, authentication);
        return super.authenticate(authentication);
    }

    /** The client address of an authentication request, when the web layer recorded it. */
    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    static void refuseLockedAddress(LoginThrottle throttle, Authentication authentication) {
        throttle.addressLockedUntil(address(authentication)).ifPresent(until -> {
            throw new LockedException("too many failed log-ins from this client address; locked until " + until);
        });
    }
}
