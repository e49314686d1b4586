package org.medoc.release.model;


import java.time.Instant;

/**
 * One version of a collection's release, as stored.
 *
 * @param identifier     the DOI (when {@code identifierType} is DOI) or a local identifier that is not a DOI
 * @param doiState       DataCite's state of the DOI (draft, registered, findable); null for a local identifier
 * @param lockVersion    optimistic lock: every change names the value it read
 */
public record Release(
        long id,
        String collection,
        String version,
        ReleaseState state,
        ReleaseMetadata metadata,
        SelectionRules selection,
        String releaseNotes,
        String identifier,
        IdentifierType identifierType,
        String doiState,
        Long previousReleaseId,
        Integer fileCount,
        Long totalBytes,
        Instant frozenAt,
        Instant publishedAt,
        Instant withdrawnAt,
        String withdrawalReason,
        int lockVersion,
        Instant createdAt,
        Instant updatedAt) {

    public enum IdentifierType { DOI, LOCAL }

    public boolean hasDoi() {
        return identifierType == IdentifierType.DOI;
    }

    /** The year given in the metadata, else the year of publication, else (for a draft) the current year. */
    public int publicationYear() {
        if (metadata.publicationYear() != null) {
            return metadata.publicationYear();
        }
        Instant when = publishedAt != null ? publishedAt : Instant.now();
        return when.atOffset(java.time.ZoneOffset.UTC).getYear();
    }

    /** "spice 2.0", for messages. */
    public String label() {
        return collection + " " + version;
    }
}
