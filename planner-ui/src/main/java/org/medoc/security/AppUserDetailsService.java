package org.medoc.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads staff accounts from {@code auth.app_user} and their roles from {@code auth.user_role}. */
@Service
public class AppUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AppUserDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username)
                .map(account -> new MedocUser(account.username(), account.passwordHash(), account.enabled(),
                        account.fullName(),
                        account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()))
                .orElseThrow(() -> new UsernameNotFoundException("no account named " + username));
    }
}
