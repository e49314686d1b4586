package org.medoc.release.model;

import java.util.List;

/**
 * A release with what its pages, exports and DOI metadata need around it: its collection, its neighbours in the
 * version chain and its public addresses. Relations to other versions are derived here, not stored in the release's
 * metadata, so that a published release never changes when a newer version appears.
 *
 * @param previous     the version this one is a new version of, if any
 * @param next         the published version that replaced this one, if any
 * @param landingUrl   absolute URL of the landing page
 * @param conceptUrl   absolute URL of the collection's "latest version" address
 */
public record ReleaseDocument(Release release, ReleaseCollection collection, Release previous, Release next,
                              String landingUrl, String collectionUrl, String conceptUrl, String conceptIdentifier,
                              boolean conceptIsDoi) {

    /** The address a citation should use: the DOI resolver for a DOI, the landing page otherwise. */
    public String citationUrl() {
        return release.hasDoi() ? "https://doi.org/" + release.identifier() : landingUrl;
    }

    /**
     * The recommended citation, DataCite style (ARCHIVE_AND_RELEASES.md §9.1):
     * {@code Creators (Year). Title. Version. Publisher. Dataset. https://doi.org/<DOI>}. Without a DOI it ends with the
     * landing page and says that the identifier is local.
     */
    public String citation() {
        ReleaseMetadata metadata = release.metadata();
        StringBuilder text = new StringBuilder();
        text.append(creatorNames().isEmpty() ? "(no creator)" : String.join("; ", creatorNames()));
        text.append(" (").append(release.publicationYear()).append("). ");
        text.append(metadata.title() == null ? "(untitled)" : metadata.title().strip()).append(". ");
        text.append("Version ").append(release.version()).append(". ");
        if (metadata.publisher() != null && metadata.publisher().name() != null) {
            text.append(metadata.publisher().name().strip()).append(". ");
        }
        text.append("Dataset. ").append(citationUrl());
        if (!release.hasDoi()) {
            text.append(" (local identifier ").append(release.identifier()).append("; no DOI registered)");
        }
        return text.toString();
    }

    /** Creator names as written: "Family, Given" for people when both parts are known. */
    public List<String> creatorNames() {
        return release.metadata().creators().stream().map(creator -> creator.name()).toList();
    }
}
