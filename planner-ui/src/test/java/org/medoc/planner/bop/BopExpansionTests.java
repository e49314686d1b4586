package org.medoc.planner.bop;

import org.junit.jupiter.api.Test;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** BOP expansion keeps relative offsets; rule P2 on offsets and overlaps. */
class BopExpansionTests {

    // study 1 lasts 600 s per raster, study 2 lasts 60 s per raster
    private static double duration(Long study, Integer rasters) {
        return (study == 1 ? 600 : 60) * rasters;
    }

    private final List<BopItem> darkAndFullSpectrum = List.of(
            new BopItem(1, 0, BopItemType.STUDY, 2L, 1, null, null),
            new BopItem(2, 120, BopItemType.STUDY, 1L, 2, null, null),
            new BopItem(3, 1320, BopItemType.MARKER, null, null, null, null));

    @Test
    void expansionPlacesStudiesAtTheirOffsets() {
        Instant start = Instant.parse("2025-03-10T06:00:00Z");
        List<BopExpansion.ExpandedRun> runs = BopExpansion.expand(darkAndFullSpectrum, start, BopExpansionTests::duration);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).start()).isEqualTo(start);
        assertThat(runs.get(0).end()).isEqualTo(Instant.parse("2025-03-10T06:01:00Z"));
        assertThat(runs.get(1).start()).isEqualTo(Instant.parse("2025-03-10T06:02:00Z"));
        assertThat(runs.get(1).end()).isEqualTo(Instant.parse("2025-03-10T06:22:00Z"));
        assertThat(runs.get(1).rasters()).isEqualTo(2);
    }

    @Test
    void p2AcceptsSeparateItems() {
        assertThat(BopExpansion.check(darkAndFullSpectrum, BopExpansionTests::duration)).isEmpty();
        assertThat(BopExpansion.totalSeconds(darkAndFullSpectrum, BopExpansionTests::duration)).isEqualTo(1320.0);
    }

    @Test
    void p2RejectsOverlappingItemsAndNegativeOffsets() {
        List<BopItem> overlapping = List.of(new BopItem(1, 0, BopItemType.STUDY, 1L, 1, null, null),
                new BopItem(2, 300, BopItemType.STUDY, 2L, 1, null, null),
                new BopItem(3, -5, BopItemType.WAIT, null, null, null, 1.0));
        List<Finding> findings = BopExpansion.check(overlapping, BopExpansionTests::duration);
        assertThat(findings).extracting(Finding::rule).containsOnly("P2");
        assertThat(findings).extracting(Finding::field).contains("items[2].offsetSeconds", "items[3].offsetSeconds");
        assertThat(Finding.anyError(findings)).isTrue();
    }
}
