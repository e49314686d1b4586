package org.medoc.archive.catalogue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cadence filter (SiTools2's CADENCE): at most one observation per instrument, detector and wavelength in each
 * interval, the one closest to the interval's start, whatever the page size or the paging method.
 */
@SpringBootTest(classes = ArchiveTestApplication.class)
class CadenceSearchTests {

    /** Four AIA six-channel sets half an hour apart (channel n at +2n s), one EIT, one SHARP-like and one SPICE file. */
    private static final Instant START = Instant.parse("2033-07-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(2)).minusSeconds(1);
    private static final ObservationSort OLDEST_FIRST = new ObservationSort(ObservationSort.Field.DATE_OBS, true);

    @Autowired CatalogueService catalogue;
    @Autowired IngestService ingest;
    @TempDir Path directory;

    @BeforeEach
    void archiveHoldsFourAiaSets() throws Exception {
        if (catalogue.search(aia(null, 1)).total() == 0) {
            ingest.ingest(new DemoObservations(32, 2033).write(directory, START, 4), "cadence tests");
        }
    }

    private static ObservationQuery aia(Duration cadence, int size) {
        return new ObservationQuery(START, END, null, "AIA", null, null, null, null, null, null, OLDEST_FIRST, 0, size, null, cadence);
    }

    @Test
    void anHourlyCadenceKeepsTheFirstImageOfEachChannelInEachHour() {
        SearchResult all = catalogue.search(aia(null, 100));
        assertThat(all.total()).isEqualTo(24);

        SearchResult hourly = catalogue.search(aia(Duration.ofHours(1), 100));
        assertThat(hourly.total()).isEqualTo(12);
        assertThat(hourly.items()).extracting(ObservationSummary::dateObs).allSatisfy(time -> {
            long minutes = Duration.between(START, time).toMinutes();
            // sets 0 (00:00) and 2 (01:00) are the first of their hour; sets 1 and 3 are half an hour late
            assertThat(minutes).isIn(0L, 60L);
        });
        assertThat(hourly.items()).extracting(ObservationSummary::wavelength)
                .containsExactlyInAnyOrder(94.0, 94.0, 131.0, 131.0, 171.0, 171.0, 193.0, 193.0, 211.0, 211.0, 335.0, 335.0);
    }

    @Test
    void aCadenceShorterThanTheSetsKeepsEveryImageAndALongerOneKeepsOneSetPerChannel() {
        assertThat(catalogue.search(aia(Duration.ofMinutes(30), 100)).total()).isEqualTo(24);
        SearchResult daily = catalogue.search(aia(Duration.ofDays(1), 100));
        assertThat(daily.total()).isEqualTo(6);
        assertThat(daily.items()).extracting(ObservationSummary::dateObs)
                .allSatisfy(time -> assertThat(time).isBefore(START.plusSeconds(15)));
    }

    @Test
    void theCadenceAppliesPerInstrumentSoEveryInstrumentKeepsItsFirstObservation() {
        var everything = new ObservationQuery(START, END, null, null, null, null, null, null, null, null, OLDEST_FIRST, 0, 100,
                null, Duration.ofHours(2));
        List<ObservationSummary> items = catalogue.search(everything).items();
        assertThat(items).extracting(ObservationSummary::instrument).contains("AIA", "EIT", "SPICE");
        assertThat(items.stream().filter(i -> i.instrument().equals("AIA")).count()).isEqualTo(6);
    }

    @Test
    void keysetPagesOverACadenceListTheSameObservationsAsOnePageWithTheFirstPagesTotal() {
        List<Long> onePage = catalogue.search(aia(Duration.ofHours(1), 100)).items().stream().map(ObservationSummary::id).toList();

        List<Long> paged = new ArrayList<>();
        ObservationQuery query = aia(Duration.ofHours(1), 5);
        SearchResult page = catalogue.search(query);
        int pages = 1;
        paged.addAll(page.items().stream().map(ObservationSummary::id).toList());
        while (page.nextCursor() != null) {
            page = catalogue.search(query.after(page.nextCursor()));
            assertThat(page.total()).isEqualTo(12);
            paged.addAll(page.items().stream().map(ObservationSummary::id).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(onePage);
    }

    @Test
    void offsetPagesOverACadenceAgreeWithKeysetPages() {
        List<Long> onePage = catalogue.search(aia(Duration.ofHours(1), 100)).items().stream().map(ObservationSummary::id).toList();
        List<Long> byOffset = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            byOffset.addAll(catalogue.search(aia(Duration.ofHours(1), 5).withPage(p)).items().stream().map(ObservationSummary::id).toList());
        }
        assertThat(byOffset).containsExactlyElementsOf(onePage);
    }

    @Test
    void aCursorIsRefusedWithAnotherCadenceThanTheSearchThatIssuedIt() {
        String cursor = catalogue.search(aia(Duration.ofHours(1), 5)).nextCursor();
        assertThat(cursor).isNotNull();
        assertThatThrownBy(() -> catalogue.search(aia(Duration.ofMinutes(30), 5).after(cursor)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("another cadence");
        assertThatThrownBy(() -> catalogue.search(aia(null, 5).after(cursor)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("another cadence");
    }

    @Test
    void aCadenceUnderOneSecondIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> aia(Duration.ofMillis(500), 5))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cadence"));
    }
}
