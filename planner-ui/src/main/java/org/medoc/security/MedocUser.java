package org.medoc.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/** A staff account as Spring Security sees it, with the display name the UI shows. */
public class MedocUser extends User {

    private final String fullName;

    MedocUser(String username, String passwordHash, boolean enabled, String fullName,
              Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.fullName = fullName;
    }

    /** The full name, or the user name when the account has none. */
    public String displayName() {
        return fullName == null || fullName.isBlank() ? getUsername() : fullName;
    }
}
