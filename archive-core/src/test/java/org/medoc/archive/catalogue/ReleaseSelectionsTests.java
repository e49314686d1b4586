package org.medoc.archive.catalogue;

import org.medoc.archive.access.AccessService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.access.Visibility;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue as a release reads it: public observations matching the criteria, counted and listed in time order. */
@SpringBootTest(classes = ArchiveTestApplication.class)
class ReleaseSelectionsTests {

    /** The demo files of these tests: two AIA six-channel sets, one EIT, one SHARP-like and one SPICE file. */
    private static final Instant START = Instant.parse("2031-05-01T00:00:00Z");
    private static final ObservationSelection.TimeRange WINDOW = new ObservationSelection.TimeRange(START, START.plusSeconds(3600));

    @Autowired ReleaseSelections selections;
    @Autowired CatalogueService catalogue;
    @Autowired AccessService access;
    @Autowired IngestService ingest;
    @TempDir Path directory;

    /** Once per application context: written again, the demo files would differ (their DATE) and be catalogued twice. */
    @BeforeEach
    void archiveHoldsOneDemoSet() throws Exception {
        if (publicly("AIA").isEmpty()) {
            ingest.ingest(new DemoObservations(48, 2031).write(directory, START, 2), "release selection tests");
        }
    }

    private static ObservationSelection selection(List<String> instruments, List<Long> additions, List<Long> exclusions) {
        return new ObservationSelection(instruments, null, List.of(WINDOW), null, null, additions, exclusions);
    }

    /** What an anonymous visitor finds in the window for an instrument, oldest first. */
    private List<ObservationSummary> publicly(String instrument) {
        return catalogue.search(new ObservationQuery(WINDOW.from(), WINDOW.to(), null, instrument, null, null, null, null, null,
                null, new ObservationSort(ObservationSort.Field.DATE_OBS, true), 0, 100, null)).items();
    }

    @Test
    void aSelectionIsCountedInOneQueryAndListedByTimeThenId() {
        List<ObservationSummary> aia = publicly("AIA");
        assertThat(aia).hasSize(12);
        ReleaseSelections.Totals totals = selections.totals(selection(List.of("aia"), null, null));
        assertThat(totals.count()).isEqualTo(12);
        assertThat(totals.bytes()).isEqualTo(aia.stream().mapToLong(ObservationSummary::size).sum());

        List<CatalogueRow> rows = new ArrayList<>();
        selections.forEach(selection(List.of("AIA"), null, null), Integer.MAX_VALUE, false, rows::add);
        assertThat(rows).extracting(CatalogueRow::id).containsExactlyElementsOf(aia.stream().map(ObservationSummary::id).toList());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.header()).isEmpty();
            assertThat(row.storageKey()).isNotBlank();
            assertThat(row.sha256()).hasSize(64);
        });
        List<CatalogueRow> first = new ArrayList<>();
        selections.forEach(selection(List.of("AIA"), null, null), 3, true, first::add);
        assertThat(first).extracting(CatalogueRow::id).containsExactlyElementsOf(rows.subList(0, 3).stream().map(CatalogueRow::id).toList());
        assertThat(first.getFirst().header()).containsKey("WAVELNTH");
        assertThat(first.getFirst().naxis()).containsExactly(48, 48);
    }

    @Test
    void withoutCriteriaOnlyTheAdditionsAreSelectedAndExclusionsWin() {
        List<ObservationSummary> aia = publicly("AIA");
        long eit = publicly("EIT").getFirst().id();
        assertThat(selections.totals(new ObservationSelection(null, null, null, null, null, List.of(eit), null)).count()).isEqualTo(1);
        assertThat(selections.totals(selection(List.of("AIA"), List.of(eit), List.of(aia.getFirst().id(), eit))).count()).isEqualTo(11);
        assertThat(selections.totals(new ObservationSelection(null, null, null, null, null, null, null)).count()).isZero();
    }

    @Test
    void aRestrictedObservationIsNeverSelectedAndItsAccessLevelIsReported() {
        long eit = publicly("EIT").getFirst().id();
        ObservationSelection added = new ObservationSelection(null, null, null, null, null, List.of(eit), null);
        access.setAccess(eit, Visibility.Access.RESTRICTED, "test");
        try {
            assertThat(selections.totals(added).count()).isZero();
            assertThat(selections.totals(selection(List.of("EIT"), null, null)).count()).isZero();
            assertThat(selections.accessLevels(List.of(eit, 999_999_999L))).containsExactly(java.util.Map.entry(eit, Visibility.Access.RESTRICTED));
            assertThat(selections.summaries(List.of(eit))).isEmpty();
            assertThat(catalogue.summary(eit)).as("anonymous visitors no longer see it").isEmpty();
        } finally {
            access.setAccess(eit, Visibility.Access.PUBLIC, "test");
        }
        assertThat(selections.totals(added).count()).isEqualTo(1);
        assertThat(selections.summaries(List.of(eit))).containsOnlyKeys(eit);
        assertThat(catalogue.summary(eit)).isPresent();
    }

    @Test
    void theSpanOfObservationsRunsFromTheEarliestStartToTheLatestEnd() {
        List<ObservationSummary> aia = publicly("AIA");
        assertThat(selections.span(aia.stream().map(ObservationSummary::id).toList())).hasValue(new ObservationSelection.TimeRange(
                aia.getFirst().dateObs(), aia.stream().map(ObservationSummary::dateEnd).max(Instant::compareTo).orElseThrow()));
        assertThat(selections.span(List.of())).isEmpty();
    }
}
