package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff accounts: creation with a one-time password, enabling and disabling, password resets, roles, unlocking, and
 * each user's change of their own password. Every action is one method naming who acts ({@code actor}), so that it can
 * be recorded. A new or reset password is a one-time password: its owner must choose their own at the next log-in.
 */
@Service
public class AccountService {

    /** A one-time password to hand to the account's owner; it is not stored in clear anywhere. */
    public record OneTimePassword(String username, String password) {}

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;

    AccountService(UserAccounts accounts, PasswordEncoder encoder, PasswordPolicy policy, LoginThrottle throttle) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.throttle = throttle;
    }

    /** Every account with its roles, last log-in and recent failures, by user name. */
    public List<AccountSummary> list() {
        Map<String, LoginFailures.Count> failures = throttle.accountFailures();
        return accounts.all().stream().map(account -> {
            LoginFailures.Count count = failures.get(account.username());
            return new AccountSummary(account.username(), account.fullName(), account.enabled(), account.roles(),
                    account.createdAt(), account.lastLoginAt(), count == null ? 0 : count.failures(),
                    count == null ? null : count.lockedUntil(), account.passwordChangeRequired(), account.oidcIssuer());
        }).toList();
    }

    public AccountSummary get(String username) {
        return list().stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> notFound(username));
    }

    /** Creates an account with {@code roles} and a one-time password. */
    @Transactional
    public OneTimePassword create(String actor, String username, String fullName, Set<Role> roles) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("^[a-z0-9][a-z0-9._-]{1,63}$")) {
            throw new AccountRejectedException("A user name is 2 to 64 characters: lower-case letters, digits, '.', '_' "
                    + "or '-', starting with a letter or a digit.");
        }
        String password = Secrets.password();
        boolean created = accounts.create(name, encoder.encode(password), fullName == null || fullName.isBlank() ? null : fullName.strip(),
                roles == null ? Set.of() : roles, true);
        if (!created) {
            throw new AccountRejectedException("An account named " + name + " exists already.");
        }
        log.info("{} created account {} with roles {}", actor, name, roles);
        return new OneTimePassword(name, password);
    }

    /**
     * {@code medoc users create-admin}: an administrator account for a production installation, which has no demo
     * accounts. Its one-time password is returned to be printed once.
     */
    public OneTimePassword createAdmin(String actor, String username) {
        return create(actor, username, null, EnumSet.of(Role.ADMIN));
    }

    /** Disables an account: it can no longer log in nor use its API tokens. Refused for one's own account and the last administrator. */
    @Transactional
    public void disable(String actor, String username) {
        AccountSummary account = get(username);
        if (account.username().equals(actor)) {
            throw new AccountRejectedException("You cannot disable your own account.");
        }
        if (account.roles().contains(Role.ADMIN)) {
            requireAnotherAdmin(username);
        }
        accounts.setEnabled(username, false);
        log.info("{} disabled account {}", actor, username);
    }

    @Transactional
    public void enable(String actor, String username) {
        get(username);
        accounts.setEnabled(username, true);
        log.info("{} enabled account {}", actor, username);
    }

    /** Replaces the account's password by a one-time password (and unlocks it): its owner must choose a new one at the next log-in. */
    @Transactional
    public OneTimePassword resetPassword(String actor, String username) {
        if (get(username).oidcIssuer() != null) {
            // a local password would open a second door the identity provider does not control
            throw new AccountRejectedException(username + " signs in through the identity provider; its password is kept there.");
        }
        String password = Secrets.password();
        accounts.setPassword(username, encoder.encode(password), true);
        throttle.unlockAccount(actor, username);
        log.info("{} reset the password of {}", actor, username);
        return new OneTimePassword(username, password);
    }

    /** Gives the account exactly these roles. The last enabled administrator keeps ADMIN. */
    @Transactional
    public void setRoles(String actor, String username, Set<Role> roles) {
        AccountSummary account = get(username);
        Set<Role> wanted = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (account.roles().contains(Role.ADMIN) && !wanted.contains(Role.ADMIN) && account.enabled()) {
            requireAnotherAdmin(username);
        }
        accounts.setRoles(username, wanted);
        log.info("{} set the roles of {} from {} to {}", actor, username, account.roles(), wanted);
    }

    /** Lifts a lock after failed log-ins before it expires by itself. */
    public void unlock(String actor, String username) {
        get(username);
        throttle.unlockAccount(actor, username);
    }

    /**
     * A user's change of their own password: the current one must be right, the new one must pass the
     * {@link PasswordPolicy} and differ from the current one. Clears a pending forced change.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserAccounts.Account account = accounts.find(username).orElseThrow(() -> notFound(username));
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw new AccountRejectedException("The current password is not right.");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new AccountRejectedException("The new password must differ from the current one.");
        }
        policy.check(username, newPassword);
        accounts.setPassword(username, encoder.encode(newPassword), false);
        log.info("{} changed their password", username);
    }

    /** Whether the account has a one-time password that must be replaced before anything else. */
    public boolean passwordChangeRequired(String username) {
        return accounts.find(username).map(UserAccounts.Account::passwordChangeRequired).orElse(false);
    }

    private void requireAnotherAdmin(String username) {
        Set<String> admins = accounts.enabledWith(Role.ADMIN);
        if (admins.size() <= 1 && admins.contains(username)) {
            throw new AccountRejectedException(username + " is the last enabled administrator: give another account the "
                    + "ADMIN role first.");
        }
    }

    private static AccountNotFoundException notFound(String username) {
        return new AccountNotFoundException("There is no account named " + username + ".");
    }
}
