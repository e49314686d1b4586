package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.medoc.db.jooq.auth.Tables.API_TOKEN;

/**
 * Personal API tokens: scripts send one as {@code Authorization: Bearer medoc_…} instead of a password. A token is
 * made by its owner, shown once, and stored only as its SHA-256 (a 256-bit random token needs no slow hash); it
 * carries its owner's roles, and its owner or an administrator may revoke it. One method per action, each naming who
 * acts, so that every change can be recorded.
 */
@Service
public class ApiTokens {

    /** A token just made: {@code token} is the only time the secret is seen. */
    public record CreatedToken(ApiTokenInfo info, String token) {}

    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);
    private final ApiTokenStore store;
    private final UserAccounts accounts;
    private final org.medoc.audit.AuditTrail audit;

    ApiTokens(ApiTokenStore store, UserAccounts accounts, org.medoc.audit.AuditTrail audit) {
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Makes a token for {@code username} (who must be the one asking), named for its use, expiring at {@code expiresAt} or never. */
    public CreatedToken create(String username, String name, OffsetDateTime expiresAt) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw new AccountRejectedException("Name the token after its use (1 to 80 characters), e.g. \"nightly ingest script\".");
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw new AccountRejectedException("The expiry must be in the future.");
        }
        if (!accounts.exists(username)) {
            throw new AccountNotFoundException("There is no account named " + username + ".");
        }
        String token = Secrets.apiToken();
        ApiTokenInfo info = store.insert(username, trimmed, Secrets.sha256(token), token.substring(token.length() - 4), expiresAt);
        log.info("{} created API token {} \"{}\"", username, info.id(), trimmed);
        // the token's name and last characters, never the token
        audit.recordAs(username, "token.created", "api-token", Long.toString(info.id()), null,
                java.util.Map.of("owner", username, "name", trimmed), null);
        return new CreatedToken(info, token);
    }

    /** The caller's own tokens, live and revoked, newest first. */
    public List<ApiTokenInfo> own(String username) {
        return store.list(API_TOKEN.USERNAME.eq(username));
    }

    /** Every account's tokens (for administrators). */
    public List<ApiTokenInfo> all() {
        return store.list(org.jooq.impl.DSL.trueCondition());
    }

    /** Revokes one of the caller's own tokens; another account's token is "not found". */
    public void revokeOwn(String username, long id) {
        ApiTokenInfo token = store.find(id).filter(t -> t.username().equals(username))
                .orElseThrow(() -> new AccountNotFoundException("You have no API token " + id + "."));
        revoke(username, token);
    }

    /** Revokes any account's token (administrators). */
    public void revoke(String actor, long id) {
        revoke(actor, store.find(id).orElseThrow(() -> new AccountNotFoundException("There is no API token " + id + ".")));
    }

    private void revoke(String actor, ApiTokenInfo token) {
        if (store.revoke(token.id(), actor)) {
            log.info("{} revoked API token {} of {}", actor, token.id(), token.username());
            audit.recordAs(actor, "token.revoked", "api-token", Long.toString(token.id()), null,
                    java.util.Map.of("owner", token.username()), null);
        }
    }

    /** The owner of a live token, stamping its use; empty for an unknown, revoked or expired token. */
    Optional<String> owner(String token) {
        if (token == null || !token.startsWith(Secrets.TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return store.use(Secrets.sha256(token));
    }
}
