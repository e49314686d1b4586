package org.medoc.release.landing;

import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Citation exports of a release (ARCHIVE_AND_RELEASES.md §9): BibTeX ({@code @misc}: plain BibTeX has no
 * {@code @dataset}), RIS ({@code TY  - DATA}), and schema.org {@code Dataset} JSON-LD with the DOI as {@code @id}.
 * Without a DOI the exports carry the landing page URL and no {@code doi} field, so no citation manager records a
 * local identifier as a DOI.
 */
public final class CitationExports {
    private CitationExports() {
    }

    public static String bibtex(ReleaseDocument document) {
        Release release = document.release();
        ReleaseMetadata metadata = release.metadata();
        String key = ("medoc_" + release.collection() + "_" + release.version()).replaceAll("[^A-Za-z0-9_]", "_");
        StringBuilder bib = new StringBuilder("@misc{").append(key).append(",\n");
        field(bib, "author", String.join(" and ", document.release().metadata().creators().stream()
                .map(c -> c.nameType() == ReleaseMetadata.NameType.ORGANIZATIONAL ? "{" + bibtexEscape(c.name()) + "}" : bibtexEscape(c.name()))
                .toList()), false);
        field(bib, "title", bibtexEscape(metadata.title()), true);
        field(bib, "year", Integer.toString(release.publicationYear()), false);
        if (metadata.publisher() != null) {
            field(bib, "publisher", bibtexEscape(metadata.publisher().name()), false);
        }
        field(bib, "version", release.version(), false);
        if (release.hasDoi()) {
            field(bib, "doi", release.identifier(), false);
        } else {
            field(bib, "note", "Local identifier " + release.identifier() + "; no DOI registered", false);
        }
        field(bib, "url", document.citationUrl(), false);
        bib.setLength(bib.length() - 2);
        return bib.append("\n}\n").toString();
    }

    private static void field(StringBuilder bib, String name, String value, boolean protectCase) {
        if (value == null || value.isBlank()) {
            return;
        }
        bib.append("  ").append(String.format(Locale.ROOT, "%-9s", name)).append(" = {")
                .append(protectCase ? "{" + value + "}" : value).append("},\n");
    }

    static String bibtexEscape(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")
                .replace("&", "\\&").replace("%", "\\%").replace("$", "\\$").replace("#", "\\#").replace("_", "\\_");
    }

    /** RIS (Research Information Systems) tagged format; lines end in CRLF as the format specifies. */
    public static String ris(ReleaseDocument document) {
        Release release = document.release();
        ReleaseMetadata metadata = release.metadata();
        List<String> lines = new ArrayList<>();
        lines.add("TY  - DATA");
        metadata.creators().forEach(creator -> lines.add("AU  - " + creator.name()));
        lines.add("TI  - " + nullToEmpty(metadata.title()));
        lines.add("PY  - " + release.publicationYear());
        if (release.publishedAt() != null) {
            lines.add("DA  - " + release.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString().replace('-', '/'));
        }
        if (metadata.publisher() != null) {
            lines.add("PB  - " + metadata.publisher().name());
        }
        lines.add("ET  - " + release.version());
        if (release.hasDoi()) {
            lines.add("DO  - " + release.identifier());
        }
        lines.add("UR  - " + document.citationUrl());
        metadata.subjects().forEach(subject -> lines.add("KW  - " + subject));
        if (metadata.description() != null) {
            lines.add("AB  - " + metadata.description().replaceAll("\\s+", " ").strip());
        }
        lines.add("ER  - ");
        return String.join("\r\n", lines) + "\r\n";
    }

    /** schema.org Dataset (Google Dataset Search reads it), as the JSON tree to serialise. */
    public static Map<String, Object> jsonLd(ReleaseDocument document, String packageUrl) {
        Release release = document.release();
        ReleaseMetadata metadata = release.metadata();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "Dataset");
        json.put("@id", document.citationUrl());
        json.put("identifier", release.hasDoi() ? "https://doi.org/" + release.identifier() : release.identifier());
        json.put("url", document.landingUrl());
        json.put("name", metadata.title());
        json.put("version", release.version());
        if (metadata.description() != null) {
            json.put("description", metadata.description());
        }
        List<Map<String, Object>> creators = new ArrayList<>();
        for (ReleaseMetadata.Creator creator : metadata.creators()) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", creator.nameType() == ReleaseMetadata.NameType.ORGANIZATIONAL ? "Organization" : "Person");
            person.put("name", creator.name());
            if (creator.givenName() != null) {
                person.put("givenName", creator.givenName());
            }
            if (creator.familyName() != null) {
                person.put("familyName", creator.familyName());
            }
            if (creator.orcid() != null && !creator.orcid().isBlank()) {
                person.put("@id", creator.orcid().startsWith("http") ? creator.orcid() : "https://orcid.org/" + creator.orcid());
            }
            if (!creator.affiliations().isEmpty()) {
                person.put("affiliation", creator.affiliations().stream().map(a -> {
                    Map<String, Object> organisation = new LinkedHashMap<>();
                    organisation.put("@type", "Organization");
                    organisation.put("name", a.name());
                    if (a.rorId() != null && !a.rorId().isBlank()) {
                        organisation.put("@id", a.rorId());
                    }
                    return organisation;
                }).toList());
            }
            creators.add(person);
        }
        json.put("creator", creators);
        if (metadata.publisher() != null) {
            Map<String, Object> publisher = new LinkedHashMap<>();
            publisher.put("@type", "Organization");
            publisher.put("name", metadata.publisher().name());
            if (metadata.publisher().rorId() != null) {
                publisher.put("@id", metadata.publisher().rorId());
            }
            json.put("publisher", publisher);
        }
        if (release.publishedAt() != null) {
            json.put("datePublished", release.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        if (!metadata.subjects().isEmpty()) {
            json.put("keywords", metadata.subjects());
        }
        if (metadata.license() != null && metadata.license().uri() != null) {
            json.put("license", metadata.license().uri());
        }
        if (document.conceptIsDoi()) {
            json.put("isPartOf", "https://doi.org/" + document.conceptIdentifier());
        }
        if (release.state() == ReleaseState.PUBLISHED && packageUrl != null) {
            json.put("distribution", List.of(Map.of("@type", "DataDownload", "encodingFormat", "application/zip",
                    "contentUrl", packageUrl)));
        }
        json.put("citation", document.citation());
        return json;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
