package org.medoc.release.model;

import java.util.List;

/**
 * The descriptive metadata of a release, shaped after the DataCite Metadata Schema 4.6 properties (§8.3-§8.4 of
 * ARCHIVE_AND_RELEASES.md). The version and the identifier are properties of the release itself, not repeated here.
 *
 * @param publicationYear null until publication, when the year of publication is filled in unless set
 * @param contents        what the pack contains, in words (periods, STP ranges, levels): the landing page's "content"
 * @param acknowledgement text users are asked to put in their papers
 */
public record ReleaseMetadata(
        String title,
        List<Creator> creators,
        Publisher publisher,
        Integer publicationYear,
        String description,
        String contents,
        List<String> subjects,
        License license,
        List<Funding> funding,
        List<RelatedIdentifier> relatedIdentifiers,
        List<DateEntry> dates,
        String acknowledgement) {

    public ReleaseMetadata {
        creators = creators == null ? List.of() : List.copyOf(creators);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        funding = funding == null ? List.of() : List.copyOf(funding);
        relatedIdentifiers = relatedIdentifiers == null ? List.of() : List.copyOf(relatedIdentifiers);
        dates = dates == null ? List.of() : List.copyOf(dates);
    }

    public static ReleaseMetadata empty() {
        return new ReleaseMetadata(null, List.of(), null, null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);
    }

    public ReleaseMetadata withPublicationYear(Integer year) {
        return new ReleaseMetadata(title, creators, publisher, year, description, contents, subjects, license, funding,
                relatedIdentifiers, dates, acknowledgement);
    }

    public ReleaseMetadata withTitle(String newTitle) {
        return new ReleaseMetadata(newTitle, creators, publisher, publicationYear, description, contents, subjects, license,
                funding, relatedIdentifiers, dates, acknowledgement);
    }

    /**
     * A creator: a person (given and family name, ORCID) or an organisation (name only, e.g. "SPICE consortium").
     *
     * @param orcid bare ORCID iD, e.g. 0000-0002-1825-0097
     */
    public record Creator(String name, NameType nameType, String givenName, String familyName, String orcid,
                          List<Affiliation> affiliations) {
        public Creator {
            affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
            nameType = nameType == null ? NameType.PERSONAL : nameType;
        }

        public static Creator organisation(String name) {
            return new Creator(name, NameType.ORGANIZATIONAL, null, null, null, List.of());
        }
    }

    public enum NameType { PERSONAL, ORGANIZATIONAL }

    /** @param rorId ROR identifier URL, e.g. https://ror.org/02feahw73 */
    public record Affiliation(String name, String rorId) {}

    public record Publisher(String name, String rorId) {}

    /** @param identifier SPDX licence identifier, e.g. CC-BY-4.0 */
    public record License(String identifier, String name, String uri) {

        /**
         * The licence's address when it is a web address (http or https), else null: what pages may put in a link,
         * so that a {@code javascript:} or {@code data:} value entered in the metadata never becomes a live link.
         */
        public String webUri() {
            if (uri == null) {
                return null;
            }
            try {
                java.net.URI parsed = new java.net.URI(uri.strip());
                String scheme = parsed.getScheme();
                return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                        && parsed.getHost() != null ? parsed.toString() : null;
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }
    }

    /** @param funderIdentifier ROR URL or Crossref Funder ID of the funder; @param funderIdentifierType ROR, Crossref Funder ID, ISNI, GRID, Other */
    public record Funding(String funderName, String funderIdentifier, String funderIdentifierType, String awardNumber,
                          String awardTitle) {}

    /** A DataCite related identifier (relationType from the 4.6 controlled list, e.g. IsDocumentedBy). */
    public record RelatedIdentifier(String identifier, String identifierType, String relationType, String resourceTypeGeneral) {}

    /** A DataCite date (dateType Issued, Collected, Coverage, ...), as ISO 8601 text or an interval "start/end". */
    public record DateEntry(String date, String dateType, String information) {}
}
