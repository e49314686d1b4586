package org.medoc.release.doi;

import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseMetadata.Creator;
import org.medoc.release.model.ReleaseState;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release as DataCite Metadata Schema 4.6 XML (namespace {@code http://datacite.org/schema/kernel-4}, schema
 * location pinned to kernel-4.6; ARCHIVE_AND_RELEASES.md §8.4-§8.5, §9.2). What we fill for a data release:
 * resourceTypeGeneral Dataset, version, Issued date, the observation span as Coverage (new in 4.6), Withdrawn when
 * withdrawn, Abstract and TechnicalInfo descriptions, SPDX rights, sizes, formats, and related identifiers including
 * the derived version links (IsNewVersionOf / IsPreviousVersionOf) and IsVersionOf the collection's concept DOI
 * (Zenodo's parent/version practice). Empty
 * values are never written: DataCite rejects empty strings (§8.6).
 */
public final class DataCiteXml {

    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    public static final String SCHEMA_LOCATION = "https://schema.datacite.org/meta/kernel-4.6/metadata.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private DataCiteXml() {
    }

    /**
     * @param coverage the observation span "start/end" of the files (ISO 8601 interval), or null
     */
    public static String write(ReleaseDocument document, String coverage) {
        return write(document, coverage, false);
    }

    /**
     * The collection's concept DOI record: the collection's title, the latest version's creators and publisher, and
     * HasVersion links to every public version (Zenodo's parent record model, ARCHIVE_AND_RELEASES.md §10).
     */
    public static String writeConcept(ReleaseDocument latest, List<Release> versions) {
        Release release = latest.release();
        ReleaseMetadata metadata = release.metadata();
        List<ReleaseMetadata.RelatedIdentifier> links = new ArrayList<>();
        for (Release version : versions) {
            links.add(version.hasDoi()
                    ? new ReleaseMetadata.RelatedIdentifier(version.identifier(), "DOI", "HasVersion", "Dataset")
                    : new ReleaseMetadata.RelatedIdentifier(latest.collectionUrl() + "/" + version.version(), "URL", "HasVersion", "Dataset"));
        }
        ReleaseMetadata conceptMetadata = new ReleaseMetadata(latest.collection().title(), metadata.creators(), metadata.publisher(),
                metadata.publicationYear(), metadata.description(), null, metadata.subjects(), metadata.license(), metadata.funding(),
                links, List.of(), null);
        Release concept = new Release(release.id(), release.collection(), release.version(), release.state(), conceptMetadata,
                release.selection(), null, latest.conceptIdentifier(),
                latest.conceptIsDoi() ? Release.IdentifierType.DOI : Release.IdentifierType.LOCAL, null, null, null, null,
                null, release.publishedAt(), null, null, 0, release.createdAt(), release.updatedAt());
        ReleaseDocument document = new ReleaseDocument(concept, latest.collection(), null, null, latest.conceptUrl(),
                latest.collectionUrl(), latest.conceptUrl(), null, false);
        return write(document, null, true);
    }

    private static String write(ReleaseDocument document, String coverage, boolean concept) {
        Release release = document.release();
        ReleaseMetadata metadata = release.metadata();
        Document xml;
        try {
            xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element resource = xml.createElementNS(NAMESPACE, "resource");
        resource.setAttributeNS(XSI, "xsi:schemaLocation", NAMESPACE + " " + SCHEMA_LOCATION);
        xml.appendChild(resource);
        Builder b = new Builder(xml);

        b.text(resource, "identifier", release.identifier(), Map.of("identifierType", release.hasDoi() ? "DOI" : "Local"));

        Element creators = b.element(resource, "creators");
        for (Creator creator : metadata.creators()) {
            Element element = b.element(creators, "creator");
            b.text(element, "creatorName", creator.name(), Map.of("nameType",
                    creator.nameType() == ReleaseMetadata.NameType.ORGANIZATIONAL ? "Organizational" : "Personal"));
            b.text(element, "givenName", creator.givenName(), Map.of());
            b.text(element, "familyName", creator.familyName(), Map.of());
            if (has(creator.orcid())) {
                b.text(element, "nameIdentifier", orcidUrl(creator.orcid()),
                        Map.of("nameIdentifierScheme", "ORCID", "schemeURI", "https://orcid.org"));
            }
            for (ReleaseMetadata.Affiliation affiliation : creator.affiliations()) {
                b.text(element, "affiliation", affiliation.name(), has(affiliation.rorId())
                        ? Map.of("affiliationIdentifier", affiliation.rorId(), "affiliationIdentifierScheme", "ROR", "schemeURI", "https://ror.org")
                        : Map.of());
            }
        }
        Element titles = b.element(resource, "titles");
        b.text(titles, "title", metadata.title(), Map.of());
        if (metadata.publisher() != null) {
            b.text(resource, "publisher", metadata.publisher().name(), has(metadata.publisher().rorId())
                    ? Map.of("publisherIdentifier", metadata.publisher().rorId(), "publisherIdentifierScheme", "ROR", "schemeURI", "https://ror.org/")
                    : Map.of());
        }
        b.text(resource, "publicationYear", Integer.toString(release.publicationYear()), Map.of());
        b.text(resource, "resourceType", "Data release", Map.of("resourceTypeGeneral", "Dataset"));

        if (!metadata.subjects().isEmpty()) {
            Element subjects = b.element(resource, "subjects");
            metadata.subjects().forEach(subject -> b.text(subjects, "subject", subject, Map.of()));
        }

        List<String[]> dates = new ArrayList<>();
        if (release.publishedAt() != null) {
            dates.add(new String[] {release.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(), "Issued", null});
        }
        if (has(coverage)) {
            dates.add(new String[] {coverage, "Coverage", "observation times of the files in the release"});
        }
        if (release.state() == ReleaseState.WITHDRAWN && release.withdrawnAt() != null) {
            dates.add(new String[] {release.withdrawnAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(), "Withdrawn",
                    release.withdrawalReason()});
        }
        metadata.dates().forEach(date -> dates.add(new String[] {date.date(), date.dateType(), date.information()}));
        if (!dates.isEmpty()) {
            Element datesElement = b.element(resource, "dates");
            for (String[] date : dates) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("dateType", date[1]);
                if (has(date[2])) {
                    attributes.put("dateInformation", date[2]);
                }
                b.text(datesElement, "date", date[0], attributes);
            }
        }
        b.text(resource, "language", "en", Map.of());

        List<ReleaseMetadata.RelatedIdentifier> related = new ArrayList<>(metadata.relatedIdentifiers());
        if (document.previous() != null) {
            related.add(link(document, document.previous(), "IsNewVersionOf"));
        }
        if (document.next() != null) {
            related.add(link(document, document.next(), "IsPreviousVersionOf"));
        }
        if (document.conceptIdentifier() != null && document.conceptIsDoi() && release.hasDoi()) {
            related.add(new ReleaseMetadata.RelatedIdentifier(document.conceptIdentifier(), "DOI", "IsVersionOf", "Collection"));
        }
        if (!related.isEmpty()) {
            Element relatedElement = b.element(resource, "relatedIdentifiers");
            for (ReleaseMetadata.RelatedIdentifier identifier : related) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("relatedIdentifierType", identifier.identifierType());
                attributes.put("relationType", identifier.relationType());
                if (has(identifier.resourceTypeGeneral())) {
                    attributes.put("resourceTypeGeneral", identifier.resourceTypeGeneral());
                }
                b.text(relatedElement, "relatedIdentifier", identifier.identifier(), attributes);
            }
        }
        if (release.fileCount() != null && !concept) {
            Element sizes = b.element(resource, "sizes");
            b.text(sizes, "size", release.fileCount() + " files", Map.of());
            b.text(sizes, "size", release.totalBytes() + " bytes", Map.of());
        }
        Element formats = b.element(resource, "formats");
        b.text(formats, "format", "application/fits", Map.of());
        if (!concept) {
            b.text(resource, "version", release.version(), Map.of());
        }
        if (metadata.license() != null && has(metadata.license().identifier())) {
            Element rights = b.element(resource, "rightsList");
            Map<String, String> attributes = new LinkedHashMap<>();
            if (has(metadata.license().uri())) {
                attributes.put("rightsURI", metadata.license().uri());
            }
            attributes.put("rightsIdentifier", metadata.license().identifier());
            attributes.put("rightsIdentifierScheme", "SPDX");
            attributes.put("schemeURI", "https://spdx.org/licenses/");
            b.text(rights, "rights", has(metadata.license().name()) ? metadata.license().name() : metadata.license().identifier(), attributes);
        }
        if (has(metadata.description()) || has(metadata.contents())) {
            Element descriptions = b.element(resource, "descriptions");
            b.text(descriptions, "description", metadata.description(), Map.of("descriptionType", "Abstract"));
            b.text(descriptions, "description", metadata.contents(), Map.of("descriptionType", "TechnicalInfo"));
        }
        if (!metadata.funding().isEmpty()) {
            Element fundingReferences = b.element(resource, "fundingReferences");
            for (ReleaseMetadata.Funding funding : metadata.funding()) {
                Element reference = b.element(fundingReferences, "fundingReference");
                b.text(reference, "funderName", funding.funderName(), Map.of());
                if (has(funding.funderIdentifier())) {
                    b.text(reference, "funderIdentifier", funding.funderIdentifier(), Map.of("funderIdentifierType",
                            has(funding.funderIdentifierType()) ? funding.funderIdentifierType() : "Other"));
                }
                b.text(reference, "awardNumber", funding.awardNumber(), Map.of());
                b.text(reference, "awardTitle", funding.awardTitle(), Map.of());
            }
        }
        return serialise(xml);
    }

    /** A DOI when the other version has one; its landing page URL otherwise (a local identifier is no DataCite type). */
    private static ReleaseMetadata.RelatedIdentifier link(ReleaseDocument document, Release other, String relation) {
        return other.hasDoi()
                ? new ReleaseMetadata.RelatedIdentifier(other.identifier(), "DOI", relation, "Dataset")
                : new ReleaseMetadata.RelatedIdentifier(document.collectionUrl() + "/" + other.version(), "URL", relation, "Dataset");
    }

    static String orcidUrl(String orcid) {
        return orcid.startsWith("http") ? orcid : "https://orcid.org/" + orcid;
    }

    private static String serialise(Document xml) {
        try {
            var transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(xml), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise DataCite XML", e);
        }
    }

    static boolean has(String text) {
        return text != null && !text.isBlank();
    }

    /** Appends elements in the DataCite namespace, skipping empty values. */
    private record Builder(Document xml) {
        Element element(Element parent, String name) {
            Element element = xml.createElementNS(NAMESPACE, name);
            parent.appendChild(element);
            return element;
        }

        void text(Element parent, String name, String value, Map<String, String> attributes) {
            if (!has(value)) {
                return;
            }
            Element element = element(parent, name);
            element.setTextContent(value.strip());
            attributes.forEach((key, attribute) -> {
                if (has(attribute)) {
                    element.setAttribute(key, attribute);
                }
            });
        }
    }
}
