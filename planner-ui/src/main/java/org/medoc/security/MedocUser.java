package org.medoc.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/** A staff account as Spring Security sees it, with the display name the UI shows. */
public class MedocUser extends User {

    private final String fullName;
    private final boolean passwordChangeRequired;

    MedocUser(String username, String passwordHash, boolean enabled, String fullName,
              Collection<? extends GrantedAuthority> authorities) {
        this(username, passwordHash, enabled, true, false, fullName, authorities);
    }

    MedocUser(String username, String passwordHash, boolean enabled, boolean accountNonLocked, boolean passwordChangeRequired,
              String fullName, Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, accountNonLocked, authorities);
        this.fullName = fullName;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    /**
     * The same account, for a subclass that adds what another way of signing in knows about it (the OpenID Connect
     * tokens of {@code org.medoc.security.oidc}); no password travels with it.
     */
    protected MedocUser(MedocUser account) {
        this(account.getUsername(), "", account.isEnabled(), account.isAccountNonLocked(), account.passwordChangeRequired(),
                account.fullName, account.getAuthorities());
    }

    /** The full name, or the user name when the account has none. */
    public String displayName() {
        return fullName == null || fullName.isBlank() ? getUsername() : fullName;
    }

    /** Whether the account logged in with a one-time password it must replace before doing anything else. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }
}
