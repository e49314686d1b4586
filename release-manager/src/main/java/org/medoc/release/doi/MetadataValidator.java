package org.medoc.release.doi;

import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ValidationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a release's metadata before a freeze and before every registration (a findable DOI can be PUT into
 * invalid metadata otherwise, datacite#1894): DataCite's mandatory properties (Identifier, Creator, Title,
 * Publisher, PublicationYear, ResourceType; ARCHIVE_AND_RELEASES.md §8.4), the form of ORCID and ROR identifiers,
 * and the generated XML against the pinned DataCite 4.6 XSD. Every problem is listed with a JSON pointer into the
 * metadata, none is thrown. The XSD is read only from {@code medoc.release.datacite-schema} (the path of DataCite's
 * {@code kernel-4.6/metadata.xsd}, with its {@code include/} folder beside it); its files are not vendored into the
 * jar until their licence is confirmed. Not configured (empty, the default) or not found, the mandatory properties are
 * still checked and the report says that the XML was not schema-validated.
 */
@Component
public class MetadataValidator {

    private static final Logger log = LoggerFactory.getLogger(MetadataValidator.class);
    /** ORCID iD: four groups of four digits, the last character a digit or X (ISO 7064 11,2 check character). */
    private static final Pattern ORCID = Pattern.compile("(https://orcid\\.org/)?(\\d{4}-){3}\\d{3}[\\dX]");
    private static final Pattern ROR = Pattern.compile("https://ror\\.org/0[a-hj-km-np-tv-z0-9]{6}\\d{2}");
    private static final Pattern SPDX = Pattern.compile("[A-Za-z0-9.+-]+");
    /** The configured XSD, or null when {@code medoc.release.datacite-schema} is empty. */
    private final Path schemaFile;
    private final Schema schema;

    /** @param schemaLocation path of the DataCite 4.6 {@code metadata.xsd}; empty or null when not configured */
    public MetadataValidator(@Value("${medoc.release.datacite-schema:}") String schemaLocation) {
        this.schemaFile = schemaLocation == null || schemaLocation.isBlank() ? null
                : Path.of(schemaLocation.strip()).toAbsolutePath().normalize();
        this.schema = load(schemaFile);
    }

    private static Schema load(Path file) {
        if (file == null) {
            log.info("medoc.release.datacite-schema is not set: release metadata will be checked without DataCite XSD validation");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            log.warn("DataCite 4.6 XSD not found at {}: release metadata will be checked without schema validation", file);
            return null;
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // includes are resolved next to the XSD; nothing is fetched from the network
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(file.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("cannot read the DataCite XSD at " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean schemaAvailable() {
        return schema != null;
    }

    /** Mandatory properties and identifier forms. */
    public List<ValidationProblem> validate(ReleaseMetadata metadata) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (blank(metadata.title())) {
            problems.add(ValidationProblem.error("/title", "a title is mandatory (DataCite Title)"));
        }
        if (metadata.creators().isEmpty()) {
            problems.add(ValidationProblem.error("/creators", "at least one creator is mandatory (DataCite Creator)"));
        }
        for (int i = 0; i < metadata.creators().size(); i++) {
            ReleaseMetadata.Creator creator = metadata.creators().get(i);
            String at = "/creators/" + i;
            if (blank(creator.name())) {
                problems.add(ValidationProblem.error(at + "/name", "creator " + (i + 1) + " has no name"));
            }
            if (!blank(creator.orcid()) && !ORCID.matcher(creator.orcid().strip()).matches()) {
                problems.add(ValidationProblem.error(at + "/orcid", "'" + creator.orcid() + "' is not an ORCID iD (0000-0000-0000-000X)"));
            } else if (!blank(creator.orcid()) && !orcidChecksumValid(creator.orcid())) {
                problems.add(ValidationProblem.error(at + "/orcid", "ORCID iD " + creator.orcid() + " has a wrong check character"));
            }
            if (!blank(creator.orcid()) && creator.nameType() == ReleaseMetadata.NameType.ORGANIZATIONAL) {
                problems.add(ValidationProblem.error(at + "/orcid", "an organisation has no ORCID iD"));
            }
            for (int j = 0; j < creator.affiliations().size(); j++) {
                ReleaseMetadata.Affiliation affiliation = creator.affiliations().get(j);
                if (blank(affiliation.name())) {
                    problems.add(ValidationProblem.error(at + "/affiliations/" + j + "/name", "affiliation has no name"));
                }
                if (!blank(affiliation.rorId()) && !ROR.matcher(affiliation.rorId().strip()).matches()) {
                    problems.add(ValidationProblem.error(at + "/affiliations/" + j + "/rorId",
                            "'" + affiliation.rorId() + "' is not a ROR identifier (https://ror.org/0xxxxxxNN)"));
                }
            }
        }
        if (metadata.publisher() == null || blank(metadata.publisher().name())) {
            problems.add(ValidationProblem.error("/publisher/name", "a publisher is mandatory (DataCite Publisher)"));
        } else if (!blank(metadata.publisher().rorId()) && !ROR.matcher(metadata.publisher().rorId().strip()).matches()) {
            problems.add(ValidationProblem.error("/publisher/rorId", "'" + metadata.publisher().rorId() + "' is not a ROR identifier"));
        }
        if (metadata.publicationYear() != null && (metadata.publicationYear() < 1000 || metadata.publicationYear() > Year.now().getValue() + 1)) {
            problems.add(ValidationProblem.error("/publicationYear", "publication year " + metadata.publicationYear() + " is not plausible"));
        }
        if (blank(metadata.description())) {
            problems.add(ValidationProblem.warning("/description", "no description: DataCite recommends an abstract"));
        }
        if (metadata.license() == null || blank(metadata.license().identifier())) {
            problems.add(ValidationProblem.warning("/license", "no licence: users will not know how they may reuse the data"));
        } else if (!SPDX.matcher(metadata.license().identifier()).matches()) {
            problems.add(ValidationProblem.error("/license/identifier", "'" + metadata.license().identifier() + "' is not an SPDX identifier"));
        }
        if (metadata.license() != null && !blank(metadata.license().uri()) && metadata.license().webUri() == null) {
            // the landing page links to it: only web addresses, never javascript: or data: links
            problems.add(ValidationProblem.error("/license/uri", "'" + metadata.license().uri()
                    + "' is not an http(s) address of the licence text"));
        }
        for (int i = 0; i < metadata.funding().size(); i++) {
            if (blank(metadata.funding().get(i).funderName())) {
                problems.add(ValidationProblem.error("/funding/" + i + "/funderName", "a funding reference needs the funder's name"));
            }
        }
        for (int i = 0; i < metadata.relatedIdentifiers().size(); i++) {
            ReleaseMetadata.RelatedIdentifier related = metadata.relatedIdentifiers().get(i);
            if (blank(related.identifier()) || blank(related.identifierType()) || blank(related.relationType())) {
                problems.add(ValidationProblem.error("/relatedIdentifiers/" + i,
                        "a related identifier needs its identifier, identifier type and relation type"));
            }
        }
        for (int i = 0; i < metadata.dates().size(); i++) {
            ReleaseMetadata.DateEntry date = metadata.dates().get(i);
            if (blank(date.date()) || blank(date.dateType())) {
                problems.add(ValidationProblem.error("/dates/" + i, "a date needs a value and a date type"));
            }
        }
        return problems;
    }

    /** The generated XML against the DataCite 4.6 XSD; each schema error becomes a problem with its line. */
    public List<ValidationProblem> validateXml(String xml) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (schema == null) {
            String why = schemaFile == null ? "no DataCite XSD is configured" : "DataCite XSD not found at " + schemaFile;
            problems.add(ValidationProblem.warning("/datacite.xml", why
                    + ": the XML was not schema-validated (set medoc.release.datacite-schema to the path of kernel-4.6/metadata.xsd)"));
            return problems;
        }
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(ValidationProblem.error("/datacite.xml", "line " + e.getLineNumber() + ": " + e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(ValidationProblem.error("/datacite.xml", e.getMessage()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return problems;
    }

    /** ISO 7064 MOD 11-2, as ORCID documents for the last character of an iD. */
    static boolean orcidChecksumValid(String orcid) {
        String digits = orcid.replaceAll("^https://orcid\\.org/", "").replace("-", "");
        int total = 0;
        for (int i = 0; i < digits.length() - 1; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        char expected = result == 10 ? 'X' : (char) ('0' + result);
        return digits.charAt(digits.length() - 1) == expected;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
