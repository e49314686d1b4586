package org.medoc.ui.release;

import org.junit.jupiter.api.Test;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.SelectionRules;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The line forms of the Releases view read back what they write, and name the line they cannot read. */
class ReleaseFormsTests {

    @Test
    void creatorsArePeopleWithOrcidAndAffiliationOrOrganisations() {
        List<ReleaseMetadata.Creator> creators = ReleaseForms.creators("""
                org: SPICE consortium
                Buchlin, Éric | 0000-0002-1825-0097 | Institut d'Astrophysique Spatiale | https://ror.org/02feahw73
                """);
        assertThat(creators).hasSize(2);
        assertThat(creators.get(0).nameType()).isEqualTo(ReleaseMetadata.NameType.ORGANIZATIONAL);
        assertThat(creators.get(0).name()).isEqualTo("SPICE consortium");
        ReleaseMetadata.Creator person = creators.get(1);
        assertThat(person.familyName()).isEqualTo("Buchlin");
        assertThat(person.givenName()).isEqualTo("Éric");
        assertThat(person.orcid()).isEqualTo("0000-0002-1825-0097");
        assertThat(person.affiliations()).containsExactly(new ReleaseMetadata.Affiliation("Institut d'Astrophysique Spatiale", "https://ror.org/02feahw73"));
        assertThat(ReleaseForms.creators(ReleaseForms.creators(creators))).isEqualTo(creators);
    }

    @Test
    void stpRangesAndSingleStpsAreRead() {
        assertThat(ReleaseForms.stps("122-130, 180")).containsExactly(new SelectionRules.StpRange(122, 130), new SelectionRules.StpRange(180, 180));
        assertThat(ReleaseForms.stps(ReleaseForms.stps(List.of(new SelectionRules.StpRange(122, 130))))).containsExactly(new SelectionRules.StpRange(122, 130));
        assertThatThrownBy(() -> ReleaseForms.stps("130-122")).hasMessageContaining("reversed");
        assertThatThrownBy(() -> ReleaseForms.stps("STP122")).hasMessageContaining("is not an STP number");
    }

    @Test
    void aDateAsTheEndOfATimeRangeCoversItsWholeDay() {
        assertThat(ReleaseForms.times("2022-03-01 / 2022-03-31")).containsExactly(new SelectionRules.TimeRange(
                Instant.parse("2022-03-01T00:00:00Z"), Instant.parse("2022-03-31T23:59:59.999Z")));
        assertThat(ReleaseForms.times("2022-03-01T12:00:00Z / 2022-03-01T13:00:00")).containsExactly(new SelectionRules.TimeRange(
                Instant.parse("2022-03-01T12:00:00Z"), Instant.parse("2022-03-01T13:00:00Z")));
        assertThatThrownBy(() -> ReleaseForms.times("ok / 2022-01-01")).hasMessageContaining("line 1").hasMessageContaining("'ok'");
        assertThatThrownBy(() -> ReleaseForms.times("2022-01-02 / 2022-01-01")).hasMessageContaining("ends before it starts");
    }

    @Test
    void observationIdsMustBeWholeNumbers() {
        assertThat(ReleaseForms.ids("12, 13 14")).containsExactly(12L, 13L, 14L);
        assertThatThrownBy(() -> ReleaseForms.ids("12, x")).hasMessageContaining("'x' is not an observation id");
    }

    @Test
    void relatedIdentifiersNeedTypeAndRelation() {
        assertThat(ReleaseForms.related("10.1051/0004-6361/201935574 | DOI | IsDocumentedBy")).containsExactly(
                new ReleaseMetadata.RelatedIdentifier("10.1051/0004-6361/201935574", "DOI", "IsDocumentedBy", null));
        assertThatThrownBy(() -> ReleaseForms.related("10.1/x")).hasMessageContaining("identifier | type | relation");
    }
}
