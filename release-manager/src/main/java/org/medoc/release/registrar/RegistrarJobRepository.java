package org.medoc.release.registrar;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.db.jooq.releases.tables.records.RegistrarJobRecord;
import org.medoc.release.model.DoiRegistration;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.medoc.db.jooq.releases.Tables.REGISTRAR_JOB;

/**
 * jOOQ access to {@code releases.registrar_job}. Each statement stands alone (no transaction is held across a DataCite
 * call); the claim is a single UPDATE over a {@code FOR UPDATE SKIP LOCKED} pick, so two nodes never claim one job.
 */
@Repository
class RegistrarJobRepository {

    private final DSLContext dsl;

    RegistrarJobRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A job claimed for sending: the DOI, what it is, and the generation of the request it answers. */
    record Claim(DoiTargets.DoiKey key, int generation, int attempts) {}

    /**
     * Queues (or re-queues) the DOI: a new row, or the existing one back to PENDING with its generation raised, so that
     * a call already in flight for an older generation does not mark this request done. A claim in progress is kept:
     * the newer state is sent after the running call ends, never beside it.
     */
    void request(DoiTargets.DoiKey key) {
        OffsetDateTime now = now();
        dsl.insertInto(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.DOI, key.doi())
                .set(REGISTRAR_JOB.COLLECTION, key.collection())
                .set(REGISTRAR_JOB.RELEASE_ID, key.releaseId())
                .set(REGISTRAR_JOB.STATUS, DoiRegistration.Status.PENDING.name())
                .set(REGISTRAR_JOB.NEXT_ATTEMPT_AT, now)
                .set(REGISTRAR_JOB.REQUESTED_AT, now)
                .onConflict(REGISTRAR_JOB.DOI).doUpdate()
                .set(REGISTRAR_JOB.STATUS, DoiRegistration.Status.PENDING.name())
                .set(REGISTRAR_JOB.GENERATION, REGISTRAR_JOB.GENERATION.plus(1))
                .set(REGISTRAR_JOB.ATTEMPTS, 0)
                .set(REGISTRAR_JOB.NEXT_ATTEMPT_AT, now)
                .set(REGISTRAR_JOB.REQUESTED_AT, now)
                .set(REGISTRAR_JOB.LAST_ERROR, (String) null)
                .set(REGISTRAR_JOB.DONE_AT, (OffsetDateTime) null)
                .execute();
    }

    /**
     * A FAILED job is due again now with its attempts reset, as the release manager asked after fixing the cause (a
     * DataCite account setting, the metadata); the last error stays visible until a call succeeds. True when it was
     * FAILED.
     */
    boolean retryFailed(String doi) {
        return dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.STATUS, DoiRegistration.Status.PENDING.name())
                .set(REGISTRAR_JOB.ATTEMPTS, 0)
                .set(REGISTRAR_JOB.NEXT_ATTEMPT_AT, now())
                .set(REGISTRAR_JOB.CLAIMED_UNTIL, (OffsetDateTime) null)
                .where(REGISTRAR_JOB.DOI.eq(doi), REGISTRAR_JOB.STATUS.eq(DoiRegistration.Status.FAILED.name()))
                .execute() == 1;
    }

    /** A row for a DOI registered before jobs existed, so that the reconciler checks it too; nothing when one exists. */
    void known(DoiTargets.DoiKey key) {
        dsl.insertInto(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.DOI, key.doi())
                .set(REGISTRAR_JOB.COLLECTION, key.collection())
                .set(REGISTRAR_JOB.RELEASE_ID, key.releaseId())
                .set(REGISTRAR_JOB.STATUS, DoiRegistration.Status.DONE.name())
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Claims the most overdue pending job nobody holds, for {@code hold}; empty when none was due by {@code dueBy} (the
     * start of the run, so that a job failing again in this run waits for the next one).
     */
    Optional<Claim> claimNext(Instant dueBy, Duration hold) {
        OffsetDateTime now = now();
        var pick = DSL.select(REGISTRAR_JOB.DOI).from(REGISTRAR_JOB)
                .where(REGISTRAR_JOB.STATUS.eq(DoiRegistration.Status.PENDING.name()))
                .and(REGISTRAR_JOB.NEXT_ATTEMPT_AT.le(dueBy.atOffset(ZoneOffset.UTC)))
                .and(REGISTRAR_JOB.CLAIMED_UNTIL.isNull().or(REGISTRAR_JOB.CLAIMED_UNTIL.lt(now)))
                .orderBy(REGISTRAR_JOB.NEXT_ATTEMPT_AT)
                .limit(1)
                .forUpdate().skipLocked();
        return dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.CLAIMED_UNTIL, now.plus(hold))
                .set(REGISTRAR_JOB.ATTEMPTS, REGISTRAR_JOB.ATTEMPTS.plus(1))
                .where(REGISTRAR_JOB.DOI.eq(pick))
                .returning()
                .fetchOptional()
                .map(r -> new Claim(key(r), r.getGeneration(), r.getAttempts()));
    }

    /** The call succeeded: DONE unless a newer request came in meanwhile (that one stays PENDING, due now). */
    void succeeded(Claim claim, String remoteState) {
        OffsetDateTime now = now();
        dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.STATUS, DSL.when(REGISTRAR_JOB.GENERATION.eq(claim.generation()), DoiRegistration.Status.DONE.name())
                        .otherwise(DoiRegistration.Status.PENDING.name()))
                .set(REGISTRAR_JOB.ATTEMPTS, DSL.when(REGISTRAR_JOB.GENERATION.eq(claim.generation()), REGISTRAR_JOB.ATTEMPTS).otherwise(0))
                .set(REGISTRAR_JOB.CLAIMED_UNTIL, (OffsetDateTime) null)
                .set(REGISTRAR_JOB.LAST_ERROR, (String) null)
                .set(REGISTRAR_JOB.REMOTE_STATE, remoteState)
                .set(REGISTRAR_JOB.DONE_AT, now)
                .set(REGISTRAR_JOB.RECONCILED_AT, now)
                .where(REGISTRAR_JOB.DOI.eq(claim.key().doi()))
                .execute();
    }

    /**
     * The call failed. Retried after {@code retryAt} while {@code giveUp} is false; FAILED otherwise, unless a newer
     * request came in meanwhile (that one is due now, with its own attempts). Returns true when the job is now FAILED.
     */
    boolean failed(Claim claim, String error, Instant retryAt, boolean giveUp) {
        var current = REGISTRAR_JOB.GENERATION.eq(claim.generation());
        String status = giveUp ? DoiRegistration.Status.FAILED.name() : DoiRegistration.Status.PENDING.name();
        dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.STATUS, DSL.when(current, status).otherwise(DoiRegistration.Status.PENDING.name()))
                .set(REGISTRAR_JOB.NEXT_ATTEMPT_AT, DSL.when(current, retryAt.atOffset(ZoneOffset.UTC)).otherwise(now()))
                .set(REGISTRAR_JOB.ATTEMPTS, DSL.when(current, REGISTRAR_JOB.ATTEMPTS).otherwise(0))
                .set(REGISTRAR_JOB.CLAIMED_UNTIL, (OffsetDateTime) null)
                .set(REGISTRAR_JOB.LAST_ERROR, error)
                .where(REGISTRAR_JOB.DOI.eq(claim.key().doi()))
                .execute();
        return giveUp && dsl.fetchExists(REGISTRAR_JOB, REGISTRAR_JOB.DOI.eq(claim.key().doi())
                .and(REGISTRAR_JOB.STATUS.eq(DoiRegistration.Status.FAILED.name())));
    }

    /** Nothing to register for this DOI (e.g. a concept DOI before any version is public): done, nothing sent. */
    void nothingToSend(Claim claim) {
        dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.STATUS, DSL.when(REGISTRAR_JOB.GENERATION.eq(claim.generation()), DoiRegistration.Status.DONE.name())
                        .otherwise(DoiRegistration.Status.PENDING.name()))
                .set(REGISTRAR_JOB.CLAIMED_UNTIL, (OffsetDateTime) null)
                .set(REGISTRAR_JOB.DONE_AT, now())
                .where(REGISTRAR_JOB.DOI.eq(claim.key().doi()))
                .execute();
    }

    /** The DOIs the reconciler checks next: not pending (the sender has those), least recently checked first. */
    List<DoiTargets.DoiKey> dueForReconciliation(int limit) {
        return dsl.selectFrom(REGISTRAR_JOB)
                .where(REGISTRAR_JOB.STATUS.ne(DoiRegistration.Status.PENDING.name()))
                .orderBy(REGISTRAR_JOB.RECONCILED_AT.asc().nullsFirst(), REGISTRAR_JOB.DOI)
                .limit(limit)
                .fetch(RegistrarJobRepository::key);
    }

    /** DataCite agrees with us: checked now; a FAILED or CONFLICT job that DataCite now agrees with is DONE. */
    void agreed(String doi, String remoteState) {
        dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.RECONCILED_AT, now())
                .set(REGISTRAR_JOB.REMOTE_STATE, remoteState)
                .set(REGISTRAR_JOB.STATUS, DoiRegistration.Status.DONE.name())
                .set(REGISTRAR_JOB.LAST_ERROR, (String) null)
                .where(REGISTRAR_JOB.DOI.eq(doi))
                .and(REGISTRAR_JOB.STATUS.ne(DoiRegistration.Status.PENDING.name()))
                .execute();
    }

    /** DataCite holds a state we cannot lead it back from: an operator decides. True when newly flagged. */
    boolean conflict(String doi, String remoteState, String why) {
        boolean known = dsl.fetchExists(REGISTRAR_JOB, REGISTRAR_JOB.DOI.eq(doi)
                .and(REGISTRAR_JOB.STATUS.eq(DoiRegistration.Status.CONFLICT.name())));
        dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.RECONCILED_AT, now())
                .set(REGISTRAR_JOB.REMOTE_STATE, remoteState)
                .set(REGISTRAR_JOB.STATUS, DoiRegistration.Status.CONFLICT.name())
                .set(REGISTRAR_JOB.LAST_ERROR, why)
                .where(REGISTRAR_JOB.DOI.eq(doi))
                .and(REGISTRAR_JOB.STATUS.ne(DoiRegistration.Status.PENDING.name()))
                .execute();
        return !known;
    }

    /** The reconciler found a difference and queued the DOI again: say what it found. */
    void divergence(String doi, String remoteState, String found) {
        dsl.update(REGISTRAR_JOB)
                .set(REGISTRAR_JOB.RECONCILED_AT, now())
                .set(REGISTRAR_JOB.REMOTE_STATE, remoteState)
                .set(REGISTRAR_JOB.LAST_ERROR, found)
                .where(REGISTRAR_JOB.DOI.eq(doi))
                .execute();
    }

    Optional<DoiRegistration> find(String doi) {
        return dsl.selectFrom(REGISTRAR_JOB).where(REGISTRAR_JOB.DOI.eq(doi)).fetchOptional(RegistrarJobRepository::registration);
    }

    List<DoiRegistration> unsettled() {
        return dsl.selectFrom(REGISTRAR_JOB).where(REGISTRAR_JOB.STATUS.ne(DoiRegistration.Status.DONE.name()))
                .orderBy(REGISTRAR_JOB.REQUESTED_AT).fetch(RegistrarJobRepository::registration);
    }

    private static DoiTargets.DoiKey key(RegistrarJobRecord r) {
        return new DoiTargets.DoiKey(r.getDoi(), r.getCollection(), r.getReleaseId());
    }

    private static DoiRegistration registration(RegistrarJobRecord r) {
        return new DoiRegistration(r.getDoi(), DoiRegistration.Status.valueOf(r.getStatus()), r.getAttempts(),
                instant(r.getNextAttemptAt()), r.getLastError(), r.getRemoteState(), instant(r.getRequestedAt()),
                instant(r.getDoneAt()), instant(r.getReconciledAt()));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
