package org.medoc.release.registrar;

import org.medoc.release.doi.Registrar;
import org.medoc.release.model.ReleaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.Optional;

/**
 * Registrar jobs: the outbox between a release's state and DataCite. {@link RegistrarQueue#request} queues a DOI inside
 * the caller's transaction, so the job exists exactly when the change committed; {@link #runDue} (the scheduled registrar task)
 * claims due jobs, works out what DataCite should hold from our state at that moment, sends it with one idempotent
 * PUT outside any transaction, and records the outcome. A failure that may pass later (network, 429, 5xx) is retried
 * with doubling waits; a refusal (DataCite said no, e.g. 422) or too many failures leave the job FAILED with the
 * reason, for the release manager to see, and the reconciler queues it again at its next run.
 */
@Service
public class RegistrarJobs {

    private static final Logger log = LoggerFactory.getLogger(RegistrarJobs.class);
    private final RegistrarJobRepository jobs;
    private final Registrar registrar;
    private final DoiTargets targets;
    private final RegistrarJobSettings settings;

    RegistrarJobs(RegistrarJobRepository jobs, Registrar registrar, DoiTargets targets, RegistrarJobSettings settings) {
        this.jobs = jobs;
        this.registrar = registrar;
        this.targets = targets;
        this.settings = settings;
    }

    /**
     * Sends every due job, one after the other; returns how many calls succeeded. Runs outside any transaction: it
     * refuses to run inside one, because a DataCite call must never hold database locks or depend on a rollback.
     */
    public int runDue() {
        requireNoTransaction();
        int sent = 0;
        Instant start = Instant.now();
        Optional<RegistrarJobRepository.Claim> next;
        while ((next = jobs.claimNext(start, settings.claim())).isPresent()) {
            if (send(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(RegistrarJobRepository.Claim claim) {
        DoiTargets.DoiKey key = claim.key();
        Optional<DoiTarget> target;
        try {
            target = targets.target(key);
        } catch (RuntimeException e) {
            log.warn("Registrar: cannot work out what {} should hold: {}", key.doi(), e.toString());
            jobs.failed(claim, "cannot work out what the DOI should hold: " + e.getMessage(), retryAt(claim), false);
            return false;
        }
        if (target.isEmpty()) {
            jobs.nothingToSend(claim);
            return false;
        }
        try {
            String remoteState = send(target.get());
            jobs.succeeded(claim, remoteState);
            targets.registered(target.get(), remoteState);
            log.info("Registrar: {} is {} at DataCite", key.doi(), remoteState);
            return true;
        } catch (ReleaseException.Registration e) {
            boolean giveUp = !e.retryable() || claim.attempts() >= settings.maxAttempts();
            String error = e.getMessage() + (e.retryable() && !giveUp ? " (attempt " + claim.attempts() + " of "
                    + settings.maxAttempts() + ")" : "");
            if (jobs.failed(claim, error, retryAt(claim), giveUp)) {
                log.warn("Registrar: {} FAILED after {} attempt(s): {}", key.doi(), claim.attempts(), e.getMessage());
                targets.note(key, "DOI_REGISTRATION_FAILED", e.getMessage());
            } else {
                log.info("Registrar: {} not sent yet ({}); retrying at {}", key.doi(), e.getMessage(), retryAt(claim));
            }
            return false;
        } catch (RuntimeException e) {
            // anything else (a bug, a database hiccup while recording): the job is tried again later, never lost
            log.warn("Registrar: {} not sent ({}); retrying at {}", key.doi(), e.toString(), retryAt(claim));
            jobs.failed(claim, "unexpected failure: " + e, retryAt(claim), false);
            return false;
        }
    }

    /** One PUT with the full state: the event that leads to the target state, the URL and the XML. */
    private String send(DoiTarget target) {
        requireNoTransaction();
        return switch (target.state()) {
            case DRAFT -> registrar.reserve(target.doi());
            case FINDABLE -> registrar.publish(target.doi(), target.url(), target.xml());
            case REGISTERED -> registrar.hide(target.doi(), target.url(), target.xml());
        };
    }

    private Instant retryAt(RegistrarJobRepository.Claim claim) {
        return Instant.now().plus(settings.retryAfter(claim.attempts()));
    }

    static void requireNoTransaction() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("DataCite is never called inside a database transaction");
        }
    }
}
