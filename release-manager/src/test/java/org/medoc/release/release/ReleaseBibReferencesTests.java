package org.medoc.release.release;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.vo.TapQueryService;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.Release;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.release.ReleaseFixtures.newCollection;

/** The VO tables name the citable release of a file in EPN-TAP's bib_reference. */
@SpringBootTest(classes = ReleaseTestApplication.class)
class ReleaseBibReferencesTests {

    @Autowired ReleaseFixtures fixtures;
    @Autowired ReleaseService releases;
    @Autowired TapQueryService tap;

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    private List<String[]> spiceGranules() {
        List<String[]> rows = new ArrayList<>();
        try (TapQueryService.QueryResult result = tap.open("""
                SELECT granule_uid, bib_reference FROM medoc.epn_core
                WHERE instrument_name = 'SPICE' AND processing_level = 3 ORDER BY granule_uid""", 10_000, "http://medoc.test")) {
            while (result.next()) {
                Object[] row = result.row();
                rows.add(new String[]{(String) row[0], (String) row[1]});
            }
        }
        return rows;
    }

    @Test
    void everyFileOfAPublishedReleaseCarriesItsIdentifierAndADraftAddsNothing() {
        String published = newCollection();
        Release release = fixtures.published(published, "1.0");
        String draft = newCollection();
        fixtures.draft(draft, "1.0");

        List<String[]> granules = spiceGranules();
        int files = releases.files(release).size();
        assertThat(files).isPositive();
        assertThat(granules).hasSize(files);
        assertThat(granules).allSatisfy(g -> assertThat(g[1]).isNotNull().contains(release.identifier())
                .doesNotContain("medoc-local:" + draft));
    }

    @Test
    void aFileInTwoPublishedReleasesListsBothIdentifiersHashSeparated() {
        Release first = fixtures.published(newCollection(), "1.0");
        Release second = fixtures.published(newCollection(), "1.0");

        List<String[]> granules = spiceGranules();
        assertThat(granules).isNotEmpty().allSatisfy(g -> assertThat(List.of(g[1].split("#")))
                .contains(first.identifier(), second.identifier()));
        assertThat(tap.translate("SELECT granule_uid FROM medoc.epn_core WHERE ivo_hashlist_has(bib_reference, '"
                + first.identifier() + "') = 1", "http://medoc.test").sql().binds()).contains(first.identifier());
    }
}
