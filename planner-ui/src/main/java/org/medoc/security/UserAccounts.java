package org.medoc.security;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.medoc.audit.AuditTrail;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.medoc.db.jooq.auth.Tables.APP_USER;
import static org.medoc.db.jooq.auth.Tables.USER_ROLE;

/** jOOQ access to {@code auth.app_user} and {@code auth.user_role}. */
@Repository
class UserAccounts {

    record Account(String username, String passwordHash, String fullName, boolean enabled, List<Role> roles,
                   boolean passwordChangeRequired, OffsetDateTime lastLoginAt, OffsetDateTime createdAt) {}

    private final DSLContext dsl;
    private final AuditTrail audit;

    UserAccounts(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    Optional<Account> find(String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(user -> account(user, dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USERNAME.eq(username))
                        .orderBy(USER_ROLE.ROLE).fetch(r -> Role.valueOf(r.value1()))));
    }

    List<Account> all() {
        Map<String, List<Role>> roles = dsl.select(USER_ROLE.USERNAME, USER_ROLE.ROLE).from(USER_ROLE).orderBy(USER_ROLE.ROLE)
                .fetchGroups(USER_ROLE.USERNAME, r -> Role.valueOf(r.value2()));
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME)
                .fetch(user -> account(user, roles.getOrDefault(user.getUsername(), List.of())));
    }

    boolean exists(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    /** Names of the enabled accounts holding {@code role}. */
    Set<String> enabledWith(Role role) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER).join(USER_ROLE).on(USER_ROLE.USERNAME.eq(APP_USER.USERNAME))
                .where(USER_ROLE.ROLE.eq(role.name()).and(APP_USER.ENABLED)).fetchSet(APP_USER.USERNAME);
    }

    /** Creates the account with its roles unless one of that name exists; true when it was created. */
    @Transactional
    boolean createIfMissing(String username, String passwordHash, String fullName, Set<Role> roles) {
        return create(username, passwordHash, fullName, roles, false);
    }

    @Transactional
    boolean create(String username, String passwordHash, String fullName, Set<Role> roles, boolean passwordChangeRequired) {
        int inserted = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, bcrypt(passwordHash))
                .set(APP_USER.FULL_NAME, fullName)
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.PASSWORD_CHANGE_REQUIRED, passwordChangeRequired)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        setRoles(username, roles);
        audit.record("user.created", "user", username, null, Map.of("enabled", true, "roles", roles.stream().map(Role::name).sorted().toList()), fullName);
        return true;
    }

    /** Stores a new hash; {@code changeRequired} when it is a one-time password the owner must replace. */
    boolean setPassword(String username, String passwordHash, boolean changeRequired) {
        boolean changed = dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, bcrypt(passwordHash))
                .set(APP_USER.PASSWORD_CHANGE_REQUIRED, changeRequired)
                .set(APP_USER.PASSWORD_CHANGED_AT, DSL.currentOffsetDateTime())
                .where(APP_USER.USERNAME.eq(username)).execute() == 1;
        if (changed) {
            // never the password or its hash: who set it, and whether it is a one-time password
            audit.record(changeRequired ? "user.password-reset" : "user.password-changed", "user", username, null,
                    Map.of("changeRequired", changeRequired), null);
        }
        return changed;
    }

    /** A re-hash of the same password (stronger cost or format): nothing else about the account changes. */
    boolean rehash(String username, String passwordHash) {
        return dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, bcrypt(passwordHash))
                .where(APP_USER.USERNAME.eq(username)).execute() == 1;
    }

    boolean setEnabled(String username, boolean enabled) {
        boolean changed = dsl.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.USERNAME.eq(username)).execute() == 1;
        if (changed) {
            audit.record(enabled ? "user.enabled" : "user.disabled", "user", username, Map.of("enabled", !enabled),
                    Map.of("enabled", enabled), null);
        }
        return changed;
    }

    @Transactional
    void setRoles(String username, Set<Role> roles) {
        List<String> before = dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USERNAME.eq(username))
                .orderBy(USER_ROLE.ROLE).fetch(USER_ROLE.ROLE);
        List<String> after = roles.stream().map(Role::name).sorted().toList();
        if (!before.isEmpty() && !before.equals(after)) {
            audit.record("user.roles-changed", "user", username, Map.of("roles", before), Map.of("roles", after), null);
        }
        dsl.deleteFrom(USER_ROLE).where(USER_ROLE.USERNAME.eq(username)).execute();
        for (Role role : roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)) {
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USERNAME, username).set(USER_ROLE.ROLE, role.name()).execute();
        }
    }

    /** Records a log-in; at most one write a minute per account, as every HTTP Basic call is a log-in. */
    void recordLogin(String username) {
        dsl.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, DSL.currentOffsetDateTime())
                .where(APP_USER.USERNAME.eq(username))
                .and(APP_USER.LAST_LOGIN_AT.isNull().or(DSL.condition("{0} < now() - interval '1 minute'", APP_USER.LAST_LOGIN_AT)))
                .execute();
    }

    private static String bcrypt(String passwordHash) {
        // the last line of defence of "only bcrypt": nothing else is ever written, whoever the caller
        if (passwordHash == null || !passwordHash.startsWith("{" + PasswordConfiguration.BCRYPT + "}$2")) {
            throw new IllegalArgumentException("only {bcrypt} password hashes are stored");
        }
        return passwordHash;
    }

    private static Account account(Record user, List<Role> roles) {
        return new Account(user.get(APP_USER.USERNAME), user.get(APP_USER.PASSWORD_HASH), user.get(APP_USER.FULL_NAME),
                Boolean.TRUE.equals(user.get(APP_USER.ENABLED)), roles,
                Boolean.TRUE.equals(user.get(APP_USER.PASSWORD_CHANGE_REQUIRED)), user.get(APP_USER.LAST_LOGIN_AT),
                user.get(APP_USER.CREATED_AT));
    }
}
