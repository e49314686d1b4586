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

    /** @param oidcIssuer the OpenID Connect provider its owner signs in with, null for a local account */
    record Account(String username, String passwordHash, String fullName, boolean enabled, List<Role> roles,
                   boolean passwordChangeRequired, OffsetDateTime lastLoginAt, OffsetDateTime createdAt, String oidcIssuer) {

        boolean federated() {
            return oidcIssuer != null;
        }
    }

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

    /** The account linked to this OpenID Connect identity (issuer and subject), if any. */
    Optional<Account> findByOidcIdentity(String issuer, String subject) {
        return dsl.select(APP_USER.USERNAME).from(APP_USER)
                .where(APP_USER.OIDC_ISSUER.eq(issuer).and(APP_USER.OIDC_SUBJECT.eq(subject)))
                .fetchOptional(APP_USER.USERNAME).flatMap(this::find);
    }

    /**
     * Creates the account of a person's first sign-in through an OpenID Connect provider, linked to their identity
     * there; true when it was created (false when the name is taken). Recorded with the person as the actor: nobody
     * else created it.
     */
    @Transactional
    boolean createFederated(String username, String passwordHash, String fullName, Set<Role> roles, String issuer, String subject) {
        if (!insert(username, passwordHash, fullName, roles, false, issuer, subject)) {
            return false;
        }
        audit.recordAs(username, "user.created", "user", username, null, Map.of("enabled", true, "roles",
                roles.stream().map(Role::name).sorted().toList(), "oidcIssuer", issuer), "first sign-in through " + issuer);
        return true;
    }

    /** Links an existing local account to an OpenID Connect identity; true when it was linked. */
    boolean linkOidcIdentity(String username, String issuer, String subject) {
        boolean linked = dsl.update(APP_USER).set(APP_USER.OIDC_ISSUER, issuer).set(APP_USER.OIDC_SUBJECT, subject)
                .where(APP_USER.USERNAME.eq(username)).and(APP_USER.OIDC_ISSUER.isNull()).execute() == 1;
        if (linked) {
            audit.recordAs(username, "user.oidc-linked", "user", username, Map.of("oidcIssuer", "none"),
                    Map.of("oidcIssuer", issuer), "sign-in through " + issuer + " as the local account of the same name");
        }
        return linked;
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
        if (!insert(username, passwordHash, fullName, roles, passwordChangeRequired, null, null)) {
            return false;
        }
        audit.record("user.created", "user", username, null, Map.of("enabled", true, "roles", roles.stream().map(Role::name).sorted().toList()), fullName);
        return true;
    }

    /** Inserts an enabled account with its roles unless the name is taken; true when it was inserted. */
    private boolean insert(String username, String passwordHash, String fullName, Set<Role> roles, boolean passwordChangeRequired,
                           String oidcIssuer, String oidcSubject) {
        int inserted = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, bcrypt(passwordHash))
                .set(APP_USER.FULL_NAME, fullName)
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.PASSWORD_CHANGE_REQUIRED, passwordChangeRequired)
                .set(APP_USER.OIDC_ISSUER, oidcIssuer)
                .set(APP_USER.OIDC_SUBJECT, oidcSubject)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        setRoles(username, roles);
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
        setRoles(username, roles, AuditTrail.currentActor(), null);
    }

    /** As {@link #setRoles(String, Set)}, recorded for a named actor (the roles a provider gave at a sign-in). */
    @Transactional
    void setRoles(String username, Set<Role> roles, String actor, String detail) {
        List<String> before = dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USERNAME.eq(username))
                .orderBy(USER_ROLE.ROLE).fetch(USER_ROLE.ROLE);
        List<String> after = roles.stream().map(Role::name).sorted().toList();
        if (!before.isEmpty() && !before.equals(after) || before.isEmpty() && detail != null && !after.isEmpty()) {
            audit.recordAs(actor, "user.roles-changed", "user", username, Map.of("roles", before), Map.of("roles", after), detail);
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
                user.get(APP_USER.CREATED_AT), user.get(APP_USER.OIDC_ISSUER));
    }
}
