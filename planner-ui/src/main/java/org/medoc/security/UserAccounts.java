package org.medoc.security;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.medoc.db.jooq.auth.Tables.APP_USER;
import static org.medoc.db.jooq.auth.Tables.USER_ROLE;

/** jOOQ access to {@code auth.app_user} and {@code auth.user_role}. */
@Repository
class UserAccounts {

    record Account(String username, String passwordHash, String fullName, boolean enabled, List<Role> roles) {}

    private final DSLContext dsl;
    private final AuditTrail audit;

    UserAccounts(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    Optional<Account> find(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(user -> new Account(user.getUsername(), user.getPasswordHash(), user.getFullName(),
                        Boolean.TRUE.equals(user.getEnabled()),
                        dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USERNAME.eq(username))
                                .orderBy(USER_ROLE.ROLE).fetch(r -> Role.valueOf(r.value1()))));
    }

    boolean exists(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    /** Creates the account with its roles unless one of that name exists; true when it was created. */
    @Transactional
    boolean createIfMissing(String username, String passwordHash, String fullName, Set<Role> roles) {
        int inserted = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.FULL_NAME, fullName)
                .set(APP_USER.ENABLED, true)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        for (Role role : roles) {
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USERNAME, username).set(USER_ROLE.ROLE, role.name()).execute();
        }
        audit.record("user.created", "user", username, null, Map.of("enabled", true, "roles", roles.stream().map(Role::name).sorted().toList()), fullName);
        return true;
    }
}
