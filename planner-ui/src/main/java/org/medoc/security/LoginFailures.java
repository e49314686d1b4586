package org.medoc.security;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.db.jooq.auth.tables.records.LoginFailureRecord;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import static org.medoc.db.jooq.auth.Tables.LOGIN_FAILURE;

/** jOOQ access to {@code auth.login_failure}: failure counts and locks per account and per client address. */
@Repository
class LoginFailures {

    enum Kind { ACCOUNT, ADDRESS }

    /** A subject's count after a failure, and until when it is locked (null when not). */
    record Count(int failures, OffsetDateTime lockedUntil) {}

    private final DSLContext dsl;

    LoginFailures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Counts one failure in a single statement (concurrent failures all count): a count older than {@code window}
     * starts again at one, and reaching {@code max} sets the lock.
     */
    Count fail(Kind kind, String subject, int max, Duration window, Duration lock) {
        var stale = DSL.condition("{0} < now() - {1}::interval", LOGIN_FAILURE.LAST_FAILURE_AT, DSL.inline(window.toSeconds() + " seconds"));
        var failures = DSL.when(stale, DSL.inline(1)).otherwise(LOGIN_FAILURE.FAILURES.plus(1));
        LoginFailureRecord row = dsl.insertInto(LOGIN_FAILURE)
                .set(LOGIN_FAILURE.SUBJECT_KIND, kind.name())
                .set(LOGIN_FAILURE.SUBJECT, subject)
                .set(LOGIN_FAILURE.FAILURES, 1)
                .set(LOGIN_FAILURE.FIRST_FAILURE_AT, DSL.currentOffsetDateTime())
                .set(LOGIN_FAILURE.LAST_FAILURE_AT, DSL.currentOffsetDateTime())
                .onConflict(LOGIN_FAILURE.SUBJECT_KIND, LOGIN_FAILURE.SUBJECT).doUpdate()
                .set(LOGIN_FAILURE.FAILURES, failures)
                .set(LOGIN_FAILURE.FIRST_FAILURE_AT, DSL.when(stale, DSL.currentOffsetDateTime()).otherwise(LOGIN_FAILURE.FIRST_FAILURE_AT))
                .set(LOGIN_FAILURE.LAST_FAILURE_AT, DSL.currentOffsetDateTime())
                .returning()
                .fetchOne();
        if (row.getFailures() >= max && (row.getLockedUntil() == null || row.getLockedUntil().isBefore(OffsetDateTime.now()))) {
            OffsetDateTime until = dsl.update(LOGIN_FAILURE)
                    .set(LOGIN_FAILURE.LOCKED_UNTIL, DSL.field("now() + {0}::interval", OffsetDateTime.class, DSL.inline(lock.toSeconds() + " seconds")))
                    .where(LOGIN_FAILURE.SUBJECT_KIND.eq(kind.name()), LOGIN_FAILURE.SUBJECT.eq(subject))
                    .returning(LOGIN_FAILURE.LOCKED_UNTIL).fetchOne(LOGIN_FAILURE.LOCKED_UNTIL);
            return new Count(row.getFailures(), until);
        }
        return new Count(row.getFailures(), row.getLockedUntil());
    }

    /** Until when the subject is locked, if it is now. */
    Optional<OffsetDateTime> lockedUntil(Kind kind, String subject) {
        return dsl.select(LOGIN_FAILURE.LOCKED_UNTIL).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.SUBJECT_KIND.eq(kind.name()), LOGIN_FAILURE.SUBJECT.eq(subject),
                        DSL.condition("{0} > now()", LOGIN_FAILURE.LOCKED_UNTIL))
                .fetchOptional(LOGIN_FAILURE.LOCKED_UNTIL);
    }

    /** Forgets the subject's failures and lifts its lock; true when there was anything to forget. */
    boolean clear(Kind kind, String subject) {
        return dsl.deleteFrom(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.SUBJECT_KIND.eq(kind.name()), LOGIN_FAILURE.SUBJECT.eq(subject)).execute() > 0;
    }

    /** Every account's recent failures, for the Users view (user name → failures, lock). */
    Map<String, Count> accounts() {
        return dsl.selectFrom(LOGIN_FAILURE).where(LOGIN_FAILURE.SUBJECT_KIND.eq(Kind.ACCOUNT.name()))
                .fetchMap(LOGIN_FAILURE.SUBJECT, row -> new Count(row.getFailures(),
                        row.getLockedUntil() != null && row.getLockedUntil().isAfter(OffsetDateTime.now()) ? row.getLockedUntil() : null));
    }

    /** Addresses locked now (address → until when), for the Users view. */
    Map<String, OffsetDateTime> lockedAddresses() {
        return dsl.select(LOGIN_FAILURE.SUBJECT, LOGIN_FAILURE.LOCKED_UNTIL).from(LOGIN_FAILURE)
                .where(LOGIN_FAILURE.SUBJECT_KIND.eq(Kind.ADDRESS.name()), DSL.condition("{0} > now()", LOGIN_FAILURE.LOCKED_UNTIL))
                .fetchMap(LOGIN_FAILURE.SUBJECT, LOGIN_FAILURE.LOCKED_UNTIL);
    }
}
