package org.medoc.release.registrar;

import org.medoc.release.model.DoiRegistration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Where the release lifecycle queues DOIs for the registrar, and where the API and views read their registration. */
@Service
public class RegistrarQueue {

    private final RegistrarJobRepository jobs;

    RegistrarQueue(RegistrarJobRepository jobs) {
        this.jobs = jobs;
    }

    /**
     * Queues the DOI to be brought into line with our state. Part of the caller's transaction, which must exist: the
     * job commits with the state change it follows, or neither does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void request(String doi, String collection, Long releaseId) {
        jobs.request(new DoiTargets.DoiKey(doi, collection, releaseId));
    }

    /**
     * Makes a FAILED registration due now (the registrar task sends it at its next poll) instead of waiting for the
     * reconciler; false when the DOI's registration is not FAILED.
     */
    @Transactional
    public boolean retryFailed(String doi) {
        return jobs.retryFailed(doi);
    }

    @Transactional(readOnly = true)
    public Optional<DoiRegistration> registration(String doi) {
        return jobs.find(doi);
    }

    /** Every job not DONE (pending, failed, in conflict), oldest request first: what an operator looks at. */
    @Transactional(readOnly = true)
    public List<DoiRegistration> unsettled() {
        return jobs.unsettled();
    }
}
