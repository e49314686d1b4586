package org.medoc.release.doi;

import org.junit.jupiter.api.Test;
import org.medoc.release.DataCiteSchema;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseCollection;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.ValidationProblem;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DataCite XML we generate against the DataCite Metadata Schema 4.6 XSD given as medoc.release.datacite-schema
 * (the tests that need it are skipped without it, and fail under CI), and the checks that need no XSD.
 */
class DataCiteXmlTests {

    private final MetadataValidator validator = new MetadataValidator(DataCiteSchema.configured());

    private static Release release(ReleaseMetadata metadata, ReleaseState state, boolean doi) {
        Instant now = Instant.parse("2022-03-08T10:00:00Z");
        return new Release(1, "spice", "2.0", state, metadata, SelectionRules.none(), null,
                doi ? "10.48326/idoc.medoc.spice.2.0" : "medoc-local:spice/2.0", doi ? Release.IdentifierType.DOI : Release.IdentifierType.LOCAL,
                doi ? "findable" : null, null, 15643, 123_456_789L, now, state == ReleaseState.DRAFT ? null : now,
                state == ReleaseState.WITHDRAWN ? now.plusSeconds(86_400) : null,
                state == ReleaseState.WITHDRAWN ? "wrong calibration" : null, 3, now, now);
    }

    private static ReleaseDocument document(Release release, Release previous, Release next) {
        return new ReleaseDocument(release, new ReleaseCollection("spice", "SPICE", CatalogFormat.SPICE, "10.48326/idoc.medoc.spice"),
                previous, next, "https://data.example.org/releases/spice/2.0", "https://data.example.org/releases/spice",
                "https://data.example.org/releases/spice/latest", "10.48326/idoc.medoc.spice", true);
    }

    @Test
    void theConfiguredXsdIsLoaded() {
        assertThat(DataCiteSchema.require()).isRegularFile();
        assertThat(validator.schemaAvailable()).isTrue();
    }

    @Test
    void aFullPublishedReleaseValidatesAgainstTheDataCite46Schema() {
        Release previous = release(ReleaseFixtures.metadata("SPICE Data Release 1.0"), ReleaseState.PUBLISHED, true);
        Release next = new Release(3, "spice", "3.0", ReleaseState.PUBLISHED, previous.metadata(), SelectionRules.none(), null,
                "10.48326/idoc.medoc.spice.3.0", Release.IdentifierType.DOI, "findable", 1L, 1, 1L, null, null, null, null, 0, null, null);
        Release release = release(ReleaseFixtures.metadata("SPICE Data Release 2.0"), ReleaseState.PUBLISHED, true);
        String xml = DataCiteXml.write(document(release, previous, next), "2020-11-16T00:00:00Z/2022-02-28T23:59:59Z");
        assertThat(xml).contains("<identifier identifierType=\"DOI\">10.48326/idoc.medoc.spice.2.0</identifier>")
                .contains("<creatorName nameType=\"Organizational\">SPICE consortium</creatorName>")
                .contains("nameIdentifierScheme=\"ORCID\"").contains("https://orcid.org/0000-0002-1825-0097")
                .contains("affiliationIdentifier=\"https://ror.org/02feahw73\"")
                .contains("publisherIdentifier=\"https://ror.org/02feahw73\"")
                .contains("<publicationYear>2022</publicationYear>")
                .contains("<resourceType resourceTypeGeneral=\"Dataset\">Data release</resourceType>")
                .contains("<date dateType=\"Issued\">2022-03-08</date>")
                .contains("dateType=\"Coverage\"")
                .contains("relationType=\"IsNewVersionOf\"").contains("relationType=\"IsPreviousVersionOf\"")
                .contains("relationType=\"IsVersionOf\" resourceTypeGeneral=\"Collection\">10.48326/idoc.medoc.spice<")
                .contains("<size>15643 files</size>")
                .contains("rightsIdentifier=\"CC-BY-4.0\"")
                .contains("<funderIdentifier funderIdentifierType=\"ROR\">https://ror.org/04h1h0y33</funderIdentifier>")
                .contains("<version>2.0</version>");
        DataCiteSchema.require();
        assertThat(validator.validateXml(xml)).isEmpty();
    }

    @Test
    void aWithdrawnReleaseCarriesItsWithdrawnDateAndStillValidates() {
        String xml = DataCiteXml.write(document(release(ReleaseFixtures.metadata("T"), ReleaseState.WITHDRAWN, true), null, null), null);
        assertThat(xml).contains("<date dateInformation=\"wrong calibration\" dateType=\"Withdrawn\">2022-03-09</date>");
        DataCiteSchema.require();
        assertThat(validator.validateXml(xml)).isEmpty();
    }

    @Test
    void theConceptRecordListsEveryVersionAndValidates() {
        Release release = release(ReleaseFixtures.metadata("SPICE Data Release 2.0"), ReleaseState.PUBLISHED, true);
        String xml = DataCiteXml.writeConcept(document(release, null, null), List.of(release));
        assertThat(xml).contains("<identifier identifierType=\"DOI\">10.48326/idoc.medoc.spice</identifier>")
                .contains("<title>SPICE</title>")
                .contains("relationType=\"HasVersion\" resourceTypeGeneral=\"Dataset\">10.48326/idoc.medoc.spice.2.0<")
                .doesNotContain("<version>");
        DataCiteSchema.require();
        assertThat(validator.validateXml(xml)).isEmpty();
    }

    @Test
    void aLocalIdentifierIsNeverWrittenAsADoi() {
        String xml = DataCiteXml.write(document(release(ReleaseFixtures.metadata("T"), ReleaseState.PUBLISHED, false), null, null), null);
        assertThat(xml).contains("<identifier identifierType=\"Local\">medoc-local:spice/2.0</identifier>").doesNotContain("identifierType=\"DOI\"");
        DataCiteSchema.require();
        assertThat(validator.validateXml(xml)).isEmpty();
    }

    @Test
    void emptyValuesAreLeftOutRatherThanSentAsEmptyStrings() {
        ReleaseMetadata sparse = new ReleaseMetadata("Title", List.of(new ReleaseMetadata.Creator("Someone", null, "", " ", null, null)),
                new ReleaseMetadata.Publisher("MEDOC", ""), null, "", null, null, null, null, null, null, null);
        String xml = DataCiteXml.write(document(release(sparse, ReleaseState.DRAFT, true), null, null), null);
        assertThat(xml).doesNotContain("<givenName").doesNotContain("<familyName").doesNotContain("publisherIdentifier")
                .doesNotContain("<description");
        DataCiteSchema.require();
        assertThat(validator.validateXml(xml)).isEmpty();
    }

    @Test
    void theXsdCatchesWhatTheJavaChecksDoNot() {
        String broken = DataCiteXml.write(document(release(ReleaseFixtures.metadata("T"), ReleaseState.PUBLISHED, true), null, null), null)
                .replace("resourceTypeGeneral=\"Dataset\">Data release", "resourceTypeGeneral=\"Datasheet\">Data release");
        DataCiteSchema.require();
        assertThat(validator.validateXml(broken)).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.blocking()).isTrue();
            assertThat(problem.message()).startsWith("line 21: ").contains("Datasheet");
        });
    }

    @Test
    void mandatoryPropertiesAndIdentifierFormsAreCheckedWithPointers() {
        ReleaseMetadata bad = new ReleaseMetadata(" ", List.of(
                new ReleaseMetadata.Creator("A", ReleaseMetadata.NameType.PERSONAL, null, null, "0000-0002-1825-0098",
                        List.of(new ReleaseMetadata.Affiliation("IAS", "https://ror.org/not-a-ror"))),
                new ReleaseMetadata.Creator("B", ReleaseMetadata.NameType.PERSONAL, null, null, "1234", null)),
                null, 99, null, null, null, new ReleaseMetadata.License("CC BY", null, null), null, null, null, null);
        assertThat(validator.validate(bad)).filteredOn(ValidationProblem::blocking).extracting(ValidationProblem::pointer)
                .containsExactlyInAnyOrder("/title", "/creators/0/orcid", "/creators/0/affiliations/0/rorId", "/creators/1/orcid",
                        "/publisher/name", "/publicationYear", "/license/identifier");
        assertThat(validator.validate(ReleaseFixtures.metadata("Fine"))).noneMatch(ValidationProblem::blocking);
    }

    @Test
    void aLicenceAddressMustBeAWebAddressBecauseTheLandingPageLinksToIt() {
        for (String hostile : List.of("javascript:alert(document.cookie)", "data:text/html,<script>x</script>", "//evil")) {
            ReleaseMetadata.License licence = new ReleaseMetadata.License("CC-BY-4.0", "CC BY 4.0", hostile);
            assertThat(licence.webUri()).as(hostile).isNull();
            ReleaseMetadata metadata = ReleaseFixtures.metadata("Fine");
            ReleaseMetadata withLicence = new ReleaseMetadata(metadata.title(), metadata.creators(), metadata.publisher(),
                    metadata.publicationYear(), metadata.description(), metadata.contents(), metadata.subjects(), licence,
                    metadata.funding(), metadata.relatedIdentifiers(), metadata.dates(), metadata.acknowledgement());
            assertThat(validator.validate(withLicence)).filteredOn(ValidationProblem::blocking)
                    .extracting(ValidationProblem::pointer).containsExactly("/license/uri");
        }
        assertThat(new ReleaseMetadata.License("CC-BY-4.0", null, "https://creativecommons.org/licenses/by/4.0/").webUri())
                .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
    }

    @Test
    void orcidCheckCharactersFollowIso7064() {
        assertThat(MetadataValidator.orcidChecksumValid("0000-0002-1825-0097")).isTrue();
        assertThat(MetadataValidator.orcidChecksumValid("0000-0001-5109-3700")).isTrue();
        assertThat(MetadataValidator.orcidChecksumValid("0000-0002-1694-233X")).isTrue();
        assertThat(MetadataValidator.orcidChecksumValid("0000-0002-1825-0098")).isFalse();
    }

    @Test
    void withoutTheXsdTheReportSaysSoInsteadOfPretendingTheXmlIsValid() throws Exception {
        MetadataValidator blind = new MetadataValidator(Files.createTempDirectory("no-xsd").resolve("metadata.xsd").toString());
        assertThat(blind.validateXml("<resource/>")).singleElement().satisfies(problem -> {
            assertThat(problem.blocking()).isFalse();
            assertThat(problem.message()).contains("not schema-validated");
        });
    }

    @Test
    void anEmptySchemaLocationMeansNotConfiguredAndTheReportSaysHowToConfigureIt() {
        MetadataValidator unconfigured = new MetadataValidator("");
        assertThat(unconfigured.schemaAvailable()).isFalse();
        assertThat(unconfigured.validate(ReleaseFixtures.metadata("Fine"))).noneMatch(ValidationProblem::blocking);
        assertThat(unconfigured.validateXml("<resource/>")).singleElement().satisfies(problem -> {
            assertThat(problem.blocking()).isFalse();
            assertThat(problem.message()).contains("no DataCite XSD is configured").contains("not schema-validated")
                    .contains("medoc.release.datacite-schema");
        });
    }
}
