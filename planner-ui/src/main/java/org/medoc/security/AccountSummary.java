package org.medoc.security;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A staff account as the administrators see it.
 *
 * @param failedAttempts          failed log-ins within the current failure window
 * @param lockedUntil             null unless the account is locked now
 * @param passwordChangeRequired  the account has a one-time password its owner has not replaced yet
 * @param oidcIssuer              the OpenID Connect provider the owner signs in with; null for a local account
 */
public record AccountSummary(String username, String fullName, boolean enabled, List<Role> roles,
                             OffsetDateTime createdAt, OffsetDateTime lastLoginAt, int failedAttempts,
                             OffsetDateTime lockedUntil, boolean passwordChangeRequired, String oidcIssuer) {

    public boolean locked() {
        return lockedUntil != null;
    }
}
