package org.medoc.release.release;

import org.medoc.release.model.FixityCoverage;
import org.medoc.release.model.FixityFailure;
import org.medoc.release.model.FixityTarget;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The fixity records of published releases, for the periodic fixity check: which frozen files to re-hash next, what
 * each check found, and the failures and coverage for the admin page. Each result is committed on its own, so that a
 * check that stops half-way loses nothing.
 */
@Service
@Transactional
public class ReleaseFixity {

    private final ReleaseRepository repository;

    ReleaseFixity(ReleaseRepository repository) {
        this.repository = repository;
    }

    /** Up to {@code limit} files of published releases, never checked first, then the longest unchecked. */
    @Transactional(readOnly = true)
    public List<FixityTarget> due(int limit) {
        return repository.fixityDue(limit);
    }

    /** Records the result of one check, replacing the file's previous one. */
    public void record(FixityTarget file, boolean ok, String actualSha256, Long actualSize, String detail) {
        repository.recordFixity(file.releaseId(), file.packagePath(), ok, actualSha256, actualSize, detail);
    }

    /** Files whose last check failed, most recent first. */
    @Transactional(readOnly = true)
    public List<FixityFailure> failures() {
        return repository.fixityFailures();
    }

    @Transactional(readOnly = true)
    public FixityCoverage coverage() {
        return repository.fixityCoverage();
    }
}
