package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads staff accounts from {@code auth.app_user} and their roles from {@code auth.user_role}; an account locked after
 * failed log-ins ({@link LoginThrottle}) is loaded as locked, so it is refused before its password is checked. As the
 * {@link UserDetailsPasswordService} it stores the re-hash of a password whose hash is of an older format or cost,
 * made at a successful log-in.
 */
@Service
public class AppUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private static final Logger log = LoggerFactory.getLogger(AppUserDetailsService.class);
    private final UserAccounts accounts;
    private final LoginThrottle throttle;

    AppUserDetailsService(UserAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public MedocUser loadUserByUsername(String username) {
        return accounts.find(username)
                .map(account -> new MedocUser(account.username(), account.passwordHash(), account.enabled(),
                        throttle.accountLockedUntil(username).isEmpty(), account.passwordChangeRequired(), account.fullName(),
                        account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()))
                .orElseThrow(() -> new UsernameNotFoundException("no account named " + username));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accounts.rehash(user.getUsername(), newPassword);
        log.info("Upgraded the password hash of {} to the current bcrypt cost", user.getUsername());
        return loadUserByUsername(user.getUsername());
    }
}
