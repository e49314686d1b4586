package org.medoc.security;

import java.util.Set;

/** Accounts with a known password (not a one-time one) for tests that must not disturb the shared demo accounts. */
public final class TestAccounts {

    private TestAccounts() {
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
