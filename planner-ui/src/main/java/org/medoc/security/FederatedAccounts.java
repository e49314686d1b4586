package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The medoc accounts of people who sign in through an external identity provider (the optional OIDC login of
 * {@code org.medoc.security.oidc}). The first sign-in creates the account, linked to the person's identity at the
 * provider (issuer and subject, which never change), so that administrators see it among the users, can disable it,
 * and its last log-in is recorded like anyone's. At every sign-in the account takes the roles the provider's claims
 * map to: the provider is where a centre grants and withdraws them.
 *
 * <p>A local account is never taken over by a provider's user of the same name, unless the installation says so
 * ({@code linkLocalAccounts}). A federated account has no usable local password: it is created with the hash of a
 * random secret nobody is given, and administrators cannot reset it.
 */
@Service
public class FederatedAccounts {

    /** What the provider says of the person signing in; {@code roles} are those its claims map to. */
    public record Identity(String issuer, String subject, String preferredUsername, String fullName, Set<Role> roles) {}

    /** Why a sign-in was refused. */
    public enum Refusal {
        /** An administrator disabled the account. */
        DISABLED,
        /** A local account (or another person's) has the name, and local accounts are not linked. */
        NAME_TAKEN,
        /** The provider's user name cannot become a medoc account name. */
        BAD_NAME,
        /** The provider's claims map to no medoc role, and a role is required. */
        NO_ROLE
    }

    /** A refused sign-in, with the account name it would have used (null when there is none). */
    public static final class SignInRefusedException extends RuntimeException {
        private final Refusal reason;
        private final String username;

        SignInRefusedException(Refusal reason, String username, String message) {
            super(message);
            this.reason = reason;
            this.username = username;
        }

        public Refusal reason() {
            return reason;
        }

        public String username() {
            return username;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FederatedAccounts.class);
    private static final Pattern ACCOUNT_NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    FederatedAccounts(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /**
     * Signs a person in: finds or creates their account, refuses a disabled one, and gives it the provider's roles.
     * The role change is kept even when the sign-in is then refused for want of a role, so that the account's API
     * tokens lose the rights the provider withdrew.
     *
     * @param linkLocalAccounts whether a local account of the same name becomes this person's (trusting the provider's
     *                          user names), instead of refusing the sign-in
     * @param requireRole       whether a person whose claims map to no role is refused (and gets no account)
     * @throws SignInRefusedException when the sign-in is refused
     */
    @Transactional(noRollbackFor = SignInRefusedException.class)
    public MedocUser signIn(Identity identity, boolean linkLocalAccounts, boolean requireRole) {
        Set<Role> roles = identity.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(identity.roles());
        UserAccounts.Account account = accounts.findByOidcIdentity(identity.issuer(), identity.subject())
                .orElseGet(() -> firstSignIn(identity, roles, linkLocalAccounts, requireRole));
        String username = account.username();
        if (!account.enabled()) {
            throw new SignInRefusedException(Refusal.DISABLED, username, "The account " + username + " is disabled.");
        }
        if (!roles.equals(asSet(account))) {
            accounts.setRoles(username, roles, username, "roles from " + identity.issuer());
        }
        if (roles.isEmpty() && requireRole) {
            throw new SignInRefusedException(Refusal.NO_ROLE, username, "The identity provider gives " + username + " no medoc role.");
        }
        return new MedocUser(username, "", true, identity.fullName() == null ? account.fullName() : identity.fullName(),
                roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }

    private UserAccounts.Account firstSignIn(Identity identity, Set<Role> roles, boolean linkLocalAccounts, boolean requireRole) {
        String username = accountName(identity.preferredUsername()).orElseThrow(() -> new SignInRefusedException(
                Refusal.BAD_NAME, null, "The provider's user name '" + identity.preferredUsername()
                + "' cannot become a medoc account name."));
        Optional<UserAccounts.Account> same = accounts.find(username);
        if (same.isPresent()) {
            if (same.get().federated() || !linkLocalAccounts) {
                throw new SignInRefusedException(Refusal.NAME_TAKEN, username, "Another account is named " + username + ".");
            }
            if (roles.isEmpty() && requireRole) {
                // a local account keeps its roles until someone the provider grants a role to takes it
                throw new SignInRefusedException(Refusal.NO_ROLE, username, "The identity provider gives " + username + " no medoc role.");
            }
            if (same.get().enabled()) {
                accounts.linkOidcIdentity(username, identity.issuer(), identity.subject());
                log.info("Linked the local account {} to its identity at {}", username, identity.issuer());
            }
            return same.get();
        }
        if (roles.isEmpty() && requireRole) {
            // nobody gets an account here just for being known to the provider
            throw new SignInRefusedException(Refusal.NO_ROLE, username, "The identity provider gives " + username + " no medoc role.");
        }
        // a password nobody is given: the form login can never open the account
        if (!accounts.createFederated(username, encoder.encode(Secrets.password()), blankToNull(identity.fullName()),
                roles, identity.issuer(), identity.subject())) {
            throw new SignInRefusedException(Refusal.NAME_TAKEN, username, "Another account is named " + username + ".");
        }
        log.info("Created the account {} at its first sign-in through {}, roles {}", username, identity.issuer(), roles);
        return accounts.find(username).orElseThrow();
    }

    /**
     * The medoc account name for a provider's user name: lower case, every run of characters outside
     * {@code [a-z0-9._-]} replaced by one '-', leading punctuation dropped, at most 64 characters; empty when fewer
     * than two characters remain.
     */
    static Optional<String> accountName(String preferredUsername) {
        if (preferredUsername == null) {
            return Optional.empty();
        }
        String name = preferredUsername.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceFirst("^[._-]+", "");
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return ACCOUNT_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    private static Set<Role> asSet(UserAccounts.Account account) {
        return account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
