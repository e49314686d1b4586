package org.medoc.security;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.ActiveProfiles;

import java.time.OffsetDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.db.jooq.auth.Tables.LOGIN_FAILURE;

/** Throttling and locking after failed log-ins, per account and per client address (finding 5). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginLockoutTests {

    private static final String PASSWORD = "lockout tests only";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired LoginThrottle throttle;
    @Autowired AuthenticationManager authentication;
    @Autowired ApiTokens tokens;
    @Autowired DSLContext dsl;
    private ApiCalls api;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
    }

    @AfterEach
    void forgetThisMachinesFailures() {
        TestAccounts.removeAll(dsl);
        // every test of the shared context calls from this address: leave it unlocked for them
        throttle.unlockAddress("test", "127.0.0.1");
        throttle.unlockAddress("test", "0:0:0:0:0:0:0:1");
    }

    private int me(String username, String password) {
        return api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.basic(username, password))).statusCode();
    }

    @Test
    void theSixthAttemptAfterFiveWrongPasswordsIsRefusedEvenWithTheRightPassword() {
        String user = TestAccounts.ensure(accounts, "lock-five", PASSWORD, Set.of(Role.PLANNER));
        for (int i = 1; i <= 5; i++) {
            assertThat(me(user, "wrong password " + i)).as("wrong password %d", i).isEqualTo(401);
        }
        assertThat(throttle.accountLockedUntil(user)).isPresent();
        assertThat(me(user, PASSWORD)).isEqualTo(401);
        AccountSummary summary = accounts.get(user);
        assertThat(summary.failedAttempts()).isEqualTo(5);
        assertThat(summary.lockedUntil()).isAfter(OffsetDateTime.now().plusMinutes(14));
    }

    @Test
    void fourWrongPasswordsDoNotLockAndASuccessResetsTheCount() {
        String user = TestAccounts.ensure(accounts, "lock-four", PASSWORD, Set.of(Role.PLANNER));
        for (int i = 1; i <= 4; i++) {
            assertThat(me(user, "wrong password " + i)).isEqualTo(401);
        }
        assertThat(me(user, PASSWORD)).isEqualTo(200);
        assertThat(accounts.get(user).failedAttempts()).isZero();
        assertThat(accounts.get(user).lastLoginAt()).isNotNull();
    }

    @Test
    void eachFailureIsAnsweredLaterThanTheOneBefore() {
        String user = TestAccounts.ensure(accounts, "lock-slow", PASSWORD, Set.of(Role.PLANNER));
        for (int i = 1; i <= 3; i++) {
            me(user, "wrong password " + i);
        }
        long started = System.nanoTime();
        me(user, "wrong password 4");
        // the fourth failure waits three throttle steps (200 ms each by default)
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(600);
        throttle.unlockAccount("test", user);
    }

    @Test
    void anAdministratorUnlocksALockedAccount() {
        String user = TestAccounts.ensure(accounts, "lock-admin-unlock", PASSWORD, Set.of(Role.PLANNER));
        for (int i = 1; i <= 5; i++) {
            me(user, "wrong password " + i);
        }
        assertThat(me(user, PASSWORD)).isEqualTo(401);
        assertThat(api.send(api.post("/api/v1/admin/users/" + user + "/unlock")
                .header("Authorization", ApiCalls.basic("admin", ApiCalls.DEMO_PASSWORD))).statusCode()).isEqualTo(200);
        assertThat(me(user, PASSWORD)).isEqualTo(200);
    }

    @Test
    void theLockLiftsByItselfAfterItsDuration() {
        String user = TestAccounts.ensure(accounts, "lock-expires", PASSWORD, Set.of(Role.PLANNER));
        for (int i = 1; i <= 5; i++) {
            me(user, "wrong password " + i);
        }
        assertThat(me(user, PASSWORD)).isEqualTo(401);
        // as if lock-duration had passed
        dsl.update(LOGIN_FAILURE).set(LOGIN_FAILURE.LOCKED_UNTIL, OffsetDateTime.now().minusSeconds(1))
                .where(LOGIN_FAILURE.SUBJECT_KIND.eq("ACCOUNT"), LOGIN_FAILURE.SUBJECT.eq(user)).execute();
        assertThat(throttle.accountLockedUntil(user)).isEmpty();
        assertThat(me(user, PASSWORD)).isEqualTo(200);
    }

    @Test
    void wrongApiTokensCountAgainstTheClientAddress() {
        for (int i = 1; i <= 3; i++) {
            assertThat(api.send(api.get("/api/v1/me").header("Authorization", ApiCalls.bearer("medoc_guess" + i))).statusCode()).isEqualTo(401);
        }
        Integer failures = dsl.select(LOGIN_FAILURE.FAILURES).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.SUBJECT_KIND.eq("ADDRESS"), LOGIN_FAILURE.SUBJECT.eq("127.0.0.1")).fetchOne(LOGIN_FAILURE.FAILURES);
        assertThat(failures).isEqualTo(3);
    }

    @Test
    void aClientAddressWithTwentyFailuresIsLockedForEveryAccount() {
        String user = TestAccounts.ensure(accounts, "lock-address", PASSWORD, Set.of(Role.PLANNER));
        WebAuthenticationDetails from = new WebAuthenticationDetails("192.0.2.7", null);
        for (int i = 1; i <= 20; i++) {
            UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated("nobody-" + i, "guess");
            attempt.setDetails(from);
            assertThatThrownBy(() -> authentication.authenticate(attempt)).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.lockedAddresses()).containsKey("192.0.2.7");
        UsernamePasswordAuthenticationToken right = UsernamePasswordAuthenticationToken.unauthenticated(user, PASSWORD);
        right.setDetails(from);
        assertThatThrownBy(() -> authentication.authenticate(right)).isInstanceOf(LockedException.class);
        // names that are no account are not counted per account: guessing names fills no table
        assertThat(dsl.fetchCount(LOGIN_FAILURE, LOGIN_FAILURE.SUBJECT.like("nobody-%"))).isZero();
        throttle.unlockAddress("test", "192.0.2.7");
        assertThat(authentication.authenticate(right).isAuthenticated()).isTrue();
    }
}
