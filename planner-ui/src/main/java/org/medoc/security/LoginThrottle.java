package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Brute-force protection (OWASP ASVS 5.0 §6.3): failed log-ins by the login form, HTTP Basic and API tokens are
 * counted per account and per client address; each failure answers a little later than the one before
 * ({@code medoc.security.throttle-step}), and {@code max-failures} failures of an account (or
 * {@code address-max-failures} from an address) within {@code failure-window} lock it for {@code lock-duration}. A
 * locked account or address is refused before its password is even checked. The lock lifts by itself after that
 * duration or when an administrator unlocks it; a successful log-in resets the account's count.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginFailures failures;
    private final UserAccounts accounts;
    private final AccountProperties properties;

    private final org.medoc.audit.AuditTrail audit;

    LoginThrottle(LoginFailures failures, UserAccounts accounts, AccountProperties properties, org.medoc.audit.AuditTrail audit) {
        this.audit = audit;
        this.failures = failures;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Until when the account is locked, if it is now. */
    public Optional<OffsetDateTime> accountLockedUntil(String username) {
        return failures.lockedUntil(LoginFailures.Kind.ACCOUNT, username);
    }

    /** Until when the client address is locked, if it is now. */
    public Optional<OffsetDateTime> addressLockedUntil(String address) {
        return address == null ? Optional.empty() : failures.lockedUntil(LoginFailures.Kind.ADDRESS, address);
    }

    /**
     * Counts a failed log-in of {@code username} (null when no name was given, as with a bad API token) from
     * {@code address} (null when unknown), logs it, and returns how long the answer should be held back.
     * Names that belong to no account count only against the address, so guessing names fills no table.
     */
    Duration failed(String username, String address, String method) {
        int highest = 0;
        if (username != null && accounts.exists(username)) {
            LoginFailures.Count count = failures.fail(LoginFailures.Kind.ACCOUNT, username, properties.maxFailures(),
                    properties.failureWindow(), properties.lockDuration());
            highest = count.failures();
            if (count.lockedUntil() != null && count.failures() == properties.maxFailures()) {
                log.warn("Account {} locked until {} after {} failed log-ins (last from {})", username, count.lockedUntil(),
                        count.failures(), address);
            }
        }
        if (address != null) {
            LoginFailures.Count count = failures.fail(LoginFailures.Kind.ADDRESS, address, properties.addressMaxFailures(),
                    properties.failureWindow(), properties.lockDuration());
            highest = Math.max(highest, count.failures() * properties.maxFailures() / properties.addressMaxFailures());
            if (count.lockedUntil() != null && count.failures() == properties.addressMaxFailures()) {
                log.warn("Client address {} locked until {} after {} failed log-ins", address, count.lockedUntil(), count.failures());
            }
        }
        log.info("Failed log-in ({}) for {} from {}", method, username == null ? "no account" : username, address);
        Duration delay = properties.throttleStep().multipliedBy(Math.max(0, highest - 1));
        return delay.compareTo(properties.maxThrottle()) > 0 ? properties.maxThrottle() : delay;
    }

    /** A successful log-in: the account's failures are forgotten and its last log-in recorded. */
    void succeeded(String username) {
        failures.clear(LoginFailures.Kind.ACCOUNT, username);
        accounts.recordLogin(username);
    }

    /** Lifts the account's lock and forgets its failures; true when it was locked or had failures. */
    public boolean unlockAccount(String actor, String username) {
        boolean cleared = failures.clear(LoginFailures.Kind.ACCOUNT, username);
        log.info("{} unlocked account {}", actor, username);
        audit.recordAs(actor, "user.unlocked", "user", username, null, null, null);
        return cleared;
    }

    /** Lifts a client address's lock and forgets its failures; true when it had any. */
    public boolean unlockAddress(String actor, String address) {
        boolean cleared = failures.clear(LoginFailures.Kind.ADDRESS, address);
        log.info("{} unlocked client address {}", actor, address);
        audit.recordAs(actor, "auth.address-unlocked", "client-address", address, null, null, null);
        return cleared;
    }

    /** Client addresses locked now, and until when. */
    public Map<String, OffsetDateTime> lockedAddresses() {
        return failures.lockedAddresses();
    }

    Map<String, LoginFailures.Count> accountFailures() {
        return failures.accounts();
    }
}
