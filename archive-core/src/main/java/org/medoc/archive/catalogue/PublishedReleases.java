package org.medoc.archive.catalogue;

import java.util.Collection;
import java.util.Map;

/**
 * Which published release holds a catalogued file: search results name it so that a scientist can cite what they
 * downloaded. The release manager (a module that depends on this one) implements it over its own tables; without it
 * ({@link #NONE}) no file is in a release.
 */
public interface PublishedReleases {

    /** What a release file is: an observation of the archive or a derived product. */
    enum Kind { OBSERVATION, PRODUCT }

    /**
     * For each of these ids of {@code kind} held by a published release, that release's identifier (its DOI or local
     * identifier); when several published releases hold a file, the most recently published one. Ids in no published
     * release are absent.
     */
    Map<Long, String> identifiers(Kind kind, Collection<Long> ids);

    /** No release module: nothing is released. */
    PublishedReleases NONE = (kind, ids) -> Map.of();
}
