package org.medoc.release.registrar;

import org.medoc.release.doi.Registrar;
import org.medoc.release.model.ReleaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Objects;
import java.util.Optional;

/**
 * Compares what DataCite holds for each of our DOIs (a GET) with what it should hold, and repairs the difference: a
 * DOI DataCite does not know, in another state or pointing elsewhere is queued again (the registrar task re-sends
 * the full state); a DOI DataCite has made findable or registered while our release is still a draft cannot be led
 * back (DataCite never returns a DOI to draft), so it is flagged CONFLICT for an operator. FAILED jobs are queued
 * again here too, which makes the reconciler the slow retry after a long outage.
 */
@Service
public class DoiReconciler {

    private static final Logger log = LoggerFactory.getLogger(DoiReconciler.class);
    private final RegistrarJobRepository jobs;
    private final Registrar registrar;
    private final DoiTargets targets;
    private final RegistrarJobSettings settings;

    DoiReconciler(RegistrarJobRepository jobs, Registrar registrar, DoiTargets targets, RegistrarJobSettings settings) {
        this.jobs = jobs;
        this.registrar = registrar;
        this.targets = targets;
        this.settings = settings;
    }

    /** What one run found. */
    public record Outcome(int checked, int agreed, int requeued, int conflicts) {}

    /** Checks the least recently checked DOIs (at most the configured batch); stops early when DataCite is unreachable. */
    public Outcome reconcile() {
        RegistrarJobs.requireNoTransaction();
        if (!registrar.registersDois()) {
            return new Outcome(0, 0, 0, 0);
        }
        targets.all().forEach(jobs::known);
        int checked = 0, agreed = 0, requeued = 0, conflicts = 0;
        for (DoiTargets.DoiKey key : jobs.dueForReconciliation(settings.reconcileBatch())) {
            Optional<DoiTarget> target = targets.target(key);
            if (target.isEmpty()) {
                jobs.agreed(key.doi(), null);
                continue;
            }
            Optional<Registrar.RemoteDoi> remote;
            try {
                remote = registrar.fetch(key.doi());
            } catch (ReleaseException.Registration e) {
                log.warn("Reconciler: stopped, DataCite did not answer for {}: {}", key.doi(), e.getMessage());
                break;
            }
            checked++;
            String remoteState = remote.map(Registrar.RemoteDoi::state).orElse(null);
            Optional<String> difference = difference(target.get(), remote);
            if (difference.isEmpty()) {
                jobs.agreed(key.doi(), remoteState);
                agreed++;
            } else if (target.get().state() == DoiTarget.State.DRAFT && remote.isPresent()
                    && !DoiTarget.State.DRAFT.dataCite().equals(remoteState)) {
                String why = "DataCite has " + key.doi() + " " + remoteState + " while the release is not published: "
                        + "a DOI never goes back to draft; publish the release or correct the record at DataCite";
                if (jobs.conflict(key.doi(), remoteState, why)) {
                    // recorded once, not at every run while it lasts
                    targets.note(key, "DOI_CONFLICT", why);
                    log.warn("Reconciler: {}", why);
                }
                conflicts++;
            } else {
                String found = difference.get();
                jobs.request(key);
                jobs.divergence(key.doi(), remoteState, found);
                targets.note(key, "DOI_REPAIR_QUEUED", found);
                log.warn("Reconciler: {}; queued again", found);
                requeued++;
            }
        }
        Outcome outcome = new Outcome(checked, agreed, requeued, conflicts);
        if (checked > 0) {
            log.info("Reconciler: {}", outcome);
        }
        return outcome;
    }

    private static Optional<String> difference(DoiTarget target, Optional<Registrar.RemoteDoi> remote) {
        if (remote.isEmpty()) {
            return Optional.of("DataCite does not know " + target.doi() + " (expected " + target.state().dataCite() + ")");
        }
        Registrar.RemoteDoi doi = remote.get();
        if (!target.state().dataCite().equals(doi.state())) {
            return Optional.of("DataCite has " + target.doi() + " " + doi.state() + ", expected " + target.state().dataCite());
        }
        if (target.url() != null && !Objects.equals(target.url(), doi.url())) {
            return Optional.of("DataCite points " + target.doi() + " at " + doi.url() + ", expected " + target.url());
        }
        return Optional.empty();
    }
}
