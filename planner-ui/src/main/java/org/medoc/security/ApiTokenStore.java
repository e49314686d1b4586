package org.medoc.security;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.db.jooq.auth.tables.records.ApiTokenRecord;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.medoc.db.jooq.auth.Tables.API_TOKEN;

/** jOOQ access to {@code auth.api_token}. */
@Repository
class ApiTokenStore {

    private final DSLContext dsl;

    ApiTokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    ApiTokenInfo insert(String username, String name, byte[] sha256, String hint, OffsetDateTime expiresAt) {
        return info(dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.USERNAME, username)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_SHA256, sha256)
                .set(API_TOKEN.TOKEN_HINT, hint)
                .set(API_TOKEN.EXPIRES_AT, expiresAt)
                .returning().fetchOne());
    }

    List<ApiTokenInfo> list(Condition condition) {
        return dsl.selectFrom(API_TOKEN).where(condition).orderBy(API_TOKEN.USERNAME, API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(ApiTokenStore::info);
    }

    Optional<ApiTokenInfo> find(long id) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchOptional(ApiTokenStore::info);
    }

    /** The owner of the live (not revoked, not expired) token with this digest; stamps its use (at most once a minute). */
    Optional<String> use(byte[] sha256) {
        Optional<String> owner = dsl.select(API_TOKEN.USERNAME).from(API_TOKEN)
                .where(API_TOKEN.TOKEN_SHA256.eq(sha256), API_TOKEN.REVOKED_AT.isNull(),
                        API_TOKEN.EXPIRES_AT.isNull().or(DSL.condition("{0} > now()", API_TOKEN.EXPIRES_AT)))
                .fetchOptional(API_TOKEN.USERNAME);
        owner.ifPresent(any -> dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, DSL.currentOffsetDateTime())
                .where(API_TOKEN.TOKEN_SHA256.eq(sha256))
                .and(API_TOKEN.LAST_USED_AT.isNull().or(DSL.condition("{0} < now() - interval '1 minute'", API_TOKEN.LAST_USED_AT)))
                .execute());
        return owner;
    }

    boolean revoke(long id, String revokedBy) {
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, DSL.currentOffsetDateTime()).set(API_TOKEN.REVOKED_BY, revokedBy)
                .where(API_TOKEN.ID.eq(id), API_TOKEN.REVOKED_AT.isNull()).execute() == 1;
    }

    private static ApiTokenInfo info(ApiTokenRecord row) {
        return new ApiTokenInfo(row.getId(), row.getUsername(), row.getName(), row.getTokenHint(), row.getCreatedAt(),
                row.getLastUsedAt(), row.getExpiresAt(), row.getRevokedAt(), row.getRevokedBy());
    }
}
