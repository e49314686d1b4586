package org.medoc.release.release;

import org.medoc.archive.catalogue.PublishedReleases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;

/**
 * The release manager's answer to "which published release holds this file" for the archive's and the products'
 * search results: one query per page of results, over the frozen file lists of published releases (withdrawn ones
 * no longer count: their files are not served under them).
 */
@Service
@Transactional(readOnly = true)
public class ReleasedFiles implements PublishedReleases {

    private final ReleaseRepository repository;

    ReleasedFiles(ReleaseRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<Long, String> identifiers(Kind kind, Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : repository.publishedIdentifiers(kind.name(), ids);
    }
}
