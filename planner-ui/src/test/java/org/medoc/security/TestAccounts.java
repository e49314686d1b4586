package org.medoc.security;

import org.jooq.DSLContext;

import java.util.Set;

import static org.medoc.db.jooq.auth.Tables.API_TOKEN;
import static org.medoc.db.jooq.auth.Tables.APP_USER;
import static org.medoc.db.jooq.auth.Tables.LOGIN_FAILURE;

/** Accounts with a known password (not a one-time one) for tests that must not disturb the shared demo accounts. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /**
     * Removes every account but the demo ones, with their tokens, and forgets all failed log-ins: the tests share one
     * database, and the demo-account tests assert on exactly what demo mode created.
     */
    public static void removeAll(DSLContext dsl) {
        dsl.deleteFrom(APP_USER).where(APP_USER.USERNAME.notIn(DemoAccounts.ACCOUNTS.keySet())).execute();
        dsl.deleteFrom(API_TOKEN).execute();
        dsl.deleteFrom(LOGIN_FAILURE).execute();
    }

    /** Creates {@code username} with {@code roles} and {@code password} unless it exists; returns the user name. */
    public static String ensure(AccountService accounts, String username, String password, Set<Role> roles) {
        if (accounts.list().stream().noneMatch(a -> a.username().equals(username))) {
            AccountService.OneTimePassword oneTime = accounts.create("test", username, null, roles);
            accounts.changeOwnPassword(username, oneTime.password(), password);
        }
        return username;
    }
}
