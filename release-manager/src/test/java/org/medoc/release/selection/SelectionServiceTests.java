package org.medoc.release.selection;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.access.Visibility;
import org.medoc.archive.access.AccessService;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.catalogue.ObservationSort;
import org.medoc.archive.catalogue.ObservationSummary;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;
import org.medoc.release.model.ValidationProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Selection rules against the real catalogue: the live count and size, and what each rule keeps. */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelectionServiceTests {

    @Autowired
    SelectionService selection;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    CatalogueService catalogue;
    @Autowired
    AccessService access;

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    private static SelectionRules rules(List<String> instruments, List<SelectionRules.TimeRange> times, List<SelectionRules.StpRange> stps,
                                        List<Long> additions, List<Long> exclusions) {
        return new SelectionRules(instruments, null, times, stps, null, null, null, additions, exclusions);
    }

    /** The public observations of an instrument (and level, when given) by id, as an anonymous visitor finds them. */
    private List<ObservationSummary> catalogued(String instrument, String level) {
        return catalogue.search(new ObservationQuery(null, null, null, instrument, null, null, null, null, level, null,
                new ObservationSort(ObservationSort.Field.ID, true), 0, ObservationQuery.MAX_PAGE_SIZE, null)).items();
    }

    @Test
    void theCountAndSizeAreThoseOfTheMatchingCatalogueRows() {
        SelectionSummary summary = selection.summarise(ReleaseFixtures.spiceLevel2(), 2);
        List<ObservationSummary> expected = catalogued("SPICE", "2");
        assertThat(summary.fileCount()).isEqualTo(3).isEqualTo(expected.size());
        assertThat(summary.totalBytes()).isEqualTo(expected.stream().mapToLong(ObservationSummary::size).sum());
        assertThat(summary.preview()).hasSize(2).extracting(ReleaseFile::packagePath)
                .allMatch(path -> path.startsWith("data/level2/2020/11/"));
        assertThat(summary.problems()).isEmpty();
    }

    @Test
    void stpRangesSelectByPlanningPeriod() {
        assertThat(selection.summarise(rules(List.of("SPICE"), null, List.of(new SelectionRules.StpRange(122, 122)), null, null), 0).fileCount()).isEqualTo(1);
        assertThat(selection.summarise(rules(List.of("SPICE"), null, List.of(new SelectionRules.StpRange(123, 130)), null, null), 0).fileCount()).isEqualTo(2);
    }

    @Test
    void timeRangesSelectObservationsThatOverlapThem() {
        Instant first = ReleaseFixtures.FIRST_DAY;
        var day = new SelectionRules.TimeRange(first, first.plusSeconds(86_400));
        assertThat(selection.summarise(rules(List.of("SPICE"), List.of(day), null, null, null), 0).fileCount()).isEqualTo(1);
        assertThat(selection.summarise(rules(null, List.of(day), null, null, null), 0).fileCount()).isEqualTo(3);
    }

    @Test
    void exclusionsWinAndAdditionsAddToTheRules() {
        List<Long> spice = catalogued("SPICE", null).stream().map(ObservationSummary::id).toList();
        long eit = catalogued("EIT", null).getFirst().id();
        SelectionSummary summary = selection.summarise(rules(List.of("SPICE"), null, null, List.of(eit), List.of(spice.getFirst())), 10);
        assertThat(summary.fileCount()).isEqualTo(3);
        assertThat(summary.preview()).extracting(ReleaseFile::itemId).contains(eit).doesNotContain(spice.getFirst());
    }

    @Test
    void withoutAnyRuleNothingIsSelectedRatherThanTheWholeArchive() {
        SelectionSummary summary = selection.summarise(SelectionRules.none(), 10);
        assertThat(summary.fileCount()).isZero();
        assertThat(summary.problems()).extracting(ValidationProblem::message).containsExactly("the selection has no rule and no explicit addition");
    }

    @Test
    void restrictedOrMissingAdditionsAreBlockingProblems() {
        long id = catalogued("EIT", null).getFirst().id();
        access.setAccess(id, Visibility.Access.RESTRICTED, "test");
        try {
            SelectionSummary summary = selection.summarise(rules(List.of("SPICE"), null, null, List.of(id, 999_999L), null), 0);
            assertThat(summary.fileCount()).isEqualTo(3);
            assertThat(summary.problems()).filteredOn(ValidationProblem::blocking).extracting(ValidationProblem::message)
                    .containsExactly("observation " + id + " is RESTRICTED and a release is public: change its access or remove it from the additions",
                            "observation 999999 does not exist");
        } finally {
            access.setAccess(id, Visibility.Access.PUBLIC, "test");
        }
    }

    @Test
    void reversedRangesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> rules(null, null, List.of(new SelectionRules.StpRange(130, 122)), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reversed");
    }

    @Test
    void packagePathsFollowSpicesLevelAndDateLayoutAndCannotEscape() {
        assertThat(PackagePaths.path("2", java.time.OffsetDateTime.parse("2022-03-08T23:59:59+02:00"), "solo_L2_spice.fits"))
                .isEqualTo("data/level2/2022/03/08/solo_L2_spice.fits");
        assertThat(PackagePaths.path(null, java.time.OffsetDateTime.parse("2022-03-08T00:00:00Z"), "../../etc/passwd"))
                .isEqualTo("data/level-unknown/2022/03/08/__._etc_passwd");
        assertThat(PackagePaths.disambiguate("data/level2/2022/03/08/a.fits.gz", 42)).isEqualTo("data/level2/2022/03/08/a-42.fits.gz");
    }
}
