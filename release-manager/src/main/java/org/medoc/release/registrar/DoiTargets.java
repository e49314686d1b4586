package org.medoc.release.registrar;

import java.util.List;
import java.util.Optional;

/**
 * The release lifecycle's side of registration, implemented by the release package: what each DOI should say, and
 * where the registrar's outcomes are written into the release's history. The registrar asks it instead of reading
 * releases itself, so that the lifecycle may queue jobs without the two packages depending on each other.
 */
public interface DoiTargets {

    /** A DOI we have, with its collection and release (null for a concept DOI). */
    record DoiKey(String doi, String collection, Long releaseId) {}

    /** What DataCite should hold for this DOI now; empty when there is nothing to register (yet). */
    Optional<DoiTarget> target(DoiKey key);

    /** Every DOI we have: one per release with a DOI, one per collection with a concept DOI. */
    List<DoiKey> all();

    /** DataCite accepted the target and reports {@code remoteState}: remember it on the release and in its history. */
    void registered(DoiTarget target, String remoteState);

    /** Something an operator should see in the release's history (a failure, a repair, a conflict). */
    void note(DoiKey key, String action, String reason);
}
