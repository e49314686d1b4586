package org.medoc.security;

import java.time.OffsetDateTime;

/**
 * A personal API token as its owner and the administrators see it: never the token itself, only its last characters.
 *
 * @param hint      the token's last four characters, to tell tokens apart
 * @param expiresAt null when the token does not expire
 * @param revokedAt null while the token is live
 * @param revokedBy who revoked it (the owner or an administrator)
 */
public record ApiTokenInfo(long id, String username, String name, String hint, OffsetDateTime createdAt,
                           OffsetDateTime lastUsedAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy) {

    /** Whether the token still authenticates requests. */
    public boolean live() {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(OffsetDateTime.now()));
    }
}
