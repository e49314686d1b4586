package org.medoc.release.selection;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/** Selection rules against the real catalogue: the live count and size, and what each rule keeps. */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelectionServiceTests {

    @Autowired
    SelectionService selection;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    private static SelectionRules rules(List<String> instruments, List<SelectionRules.TimeRange> times, List<SelectionRules.StpRange> stps,
                                        List<Long> additions, List<Long> exclusions) {
        return new SelectionRules(instruments, null, times, stps, null, null, null, additions, exclusions);
    }

    @Test
    void theCountAndSizeAreThoseOfTheMatchingCatalogueRows() {
        SelectionSummary summary = selection.summarise(ReleaseFixtures.spiceLevel2(), 2);
        var expected = dsl.select(org.jooq.impl.DSL.count(), org.jooq.impl.DSL.sum(OBSERVATION.SIZE_BYTES)).from(OBSERVATION)
                .where(OBSERVATION.INSTRUMENT.eq("SPICE")).and(OBSERVATION.LEVEL.eq("2")).fetchOne();
        assertThat(summary.fileCount()).isEqualTo(3).isEqualTo(expected.value1().longValue());
        assertThat(summary.totalBytes()).isEqualTo(expected.value2().longValue());
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
        List<Long> spice = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.INSTRUMENT.eq("SPICE")).orderBy(OBSERVATION.ID).fetch(OBSERVATION.ID);
        long eit = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.INSTRUMENT.eq("EIT")).limit(1).fetchOne(OBSERVATION.ID);
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
        long id = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.INSTRUMENT.eq("EIT")).limit(1).fetchOne(OBSERVATION.ID);
        dsl.update(OBSERVATION).set(OBSERVATION.ACCESS, "RESTRICTED").where(OBSERVATION.ID.eq(id)).execute();
        try {
            SelectionSummary summary = selection.summarise(rules(List.of("SPICE"), null, null, List.of(id, 999_999L), null), 0);
            assertThat(summary.fileCount()).isEqualTo(3);
            assertThat(summary.problems()).filteredOn(ValidationProblem::blocking).extracting(ValidationProblem::message)
                    .containsExactly("observation " + id + " is RESTRICTED and a release is public: change its access or remove it from the additions",
                            "observation 999999 does not exist");
        } finally {
            dsl.update(OBSERVATION).set(OBSERVATION.ACCESS, "PUBLIC").where(OBSERVATION.ID.eq(id)).execute();
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
