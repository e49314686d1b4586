package org.medoc.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Authenticates an {@link ApiTokenAuthentication}: a live token of an enabled, unlocked account, from an unlocked client
 * address. A wrong token is a bad credential like a wrong password, so it counts towards the address's lock.
 */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final AppUserDetailsService users;
    private final LoginThrottle throttle;

    ApiTokenAuthenticationProvider(ApiTokens tokens, AppUserDetailsService users, LoginThrottle throttle) {
        this.tokens = tokens;
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ThrottledDaoAuthenticationProvider.refuseLockedAddress(throttle, authentication);
        String owner = tokens.owner((String) authentication.getCredentials())
                .orElseThrow(() -> new BadCredentialsException("unknown, revoked or expired API token"));
        MedocUser user;
        try {
            user = users.loadUserByUsername(owner);
        } catch (UsernameNotFoundException e) {
            throw new BadCredentialsException("the token's account is gone");
        }
        if (!user.isEnabled()) {
            throw new DisabledException("the token's account is disabled");
        }
        if (!user.isAccountNonLocked()) {
            throw new LockedException("the token's account is locked");
        }
        return ApiTokenAuthentication.authenticated(user, authentication.getDetails());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }
}
