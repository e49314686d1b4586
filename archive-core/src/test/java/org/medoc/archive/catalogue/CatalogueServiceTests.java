package org.medoc.archive.catalogue;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.access.AccessService;
import org.medoc.archive.access.Visibility.Access;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's narrow reads for other modules: AIA images for the product chains, SPICE files for planning. */
@SpringBootTest(classes = ArchiveTestApplication.class)
class CatalogueServiceTests {

    static final List<Integer> DEM_CHANNELS = List.of(94, 131, 171, 193, 211, 335);

    @Autowired IngestService ingest;
    @Autowired CatalogueService catalogue;
    @Autowired AccessService access;

    /** The demo generator's files: AIA sets (channel n observed 2n s after the set's time), EIT, SHARP, SPICE. */
    private IngestReport demo(Instant start, int aiaSets, long seed) throws IOException {
        return ingest.ingest(new DemoObservations(64, seed).write(Files.createTempDirectory("medoc-catalogue-"), start,
                aiaSets), "test");
    }

    private static long idOf(IngestReport report, String fileNamePart) {
        return report.outcomes().stream().filter(o -> o.fileName().contains(fileNamePart))
                .map(IngestOutcome::observationId).findFirst().orElseThrow();
    }

    @Test
    void theClosestImageOfEachChannelIsChosenForEveryReferenceTime() throws IOException {
        Instant day = Instant.parse("2030-05-01T12:00:00Z");
        demo(day, 2, 1);

        List<AiaImage> images = catalogue.aiaImagesNear(DEM_CHANNELS, List.of(day, day.plusSeconds(1800)), Duration.ofSeconds(30));

        assertThat(images).hasSize(12);
        assertThat(images).filteredOn(i -> i.referenceTime().equals(day)).extracting(AiaImage::channelAngstrom)
                .containsExactlyInAnyOrder(94, 131, 171, 193, 211, 335);
        assertThat(images).allSatisfy(image -> {
            assertThat(image.dateObs()).isEqualTo(image.referenceTime().plusSeconds(2L * DEM_CHANNELS.indexOf(image.channelAngstrom())));
            assertThat(image.sha256()).hasSize(64);
            assertThat(image.storageKey()).isNotBlank();
            assertThat(image.sizeBytes()).isPositive();
            assertThat(image.fileName()).contains("." + image.channelAngstrom() + ".image");
        });
    }

    @Test
    void imagesFartherThanTheToleranceAreLeftOut() throws IOException {
        Instant day = Instant.parse("2030-05-02T12:00:00Z");
        demo(day, 1, 2);

        // ±5 s keeps 94 (+0 s), 131 (+2 s) and 171 (+4 s)
        assertThat(catalogue.aiaImagesNear(DEM_CHANNELS, List.of(day), Duration.ofSeconds(5)))
                .extracting(AiaImage::channelAngstrom).containsExactlyInAnyOrder(94, 131, 171);
        assertThat(catalogue.aiaImagesNear(List.of(171), List.of(day), Duration.ofSeconds(30)))
                .extracting(AiaImage::channelAngstrom).containsExactly(171);
    }

    @Test
    void theNearerOfTwoImagesOfAChannelWinsAndATieGoesToTheEarlierOne() throws IOException {
        Instant day = Instant.parse("2030-05-03T12:00:00Z");
        // the later image is catalogued first, so that the tie is not decided by the id
        long later = idOf(demo(day.plusSeconds(20), 1, 4), ".94.image");
        long earlier = idOf(demo(day, 1, 3), ".94.image");

        assertThat(catalogue.aiaImagesNear(List.of(94), List.of(day.plusSeconds(12)), Duration.ofSeconds(14)))
                .extracting(AiaImage::observationId).containsExactly(later);
        assertThat(catalogue.aiaImagesNear(List.of(94), List.of(day.plusSeconds(10)), Duration.ofSeconds(14)))
                .extracting(AiaImage::observationId).containsExactly(earlier);
    }

    @Test
    void anEmbargoedOrRestrictedAiaImageNeverEntersAChainsInputSet() throws IOException {
        Instant day = Instant.parse("2030-05-04T12:00:00Z");
        IngestReport report = demo(day, 1, 5);
        access.setAccess(idOf(report, ".94.image"), Access.EMBARGOED, "test: embargoed until the team's paper");
        access.setAccess(idOf(report, ".131.image"), Access.RESTRICTED, "test: data agreement");

        assertThat(catalogue.aiaImagesNear(DEM_CHANNELS, List.of(day), Duration.ofSeconds(30)))
                .extracting(AiaImage::channelAngstrom).containsExactlyInAnyOrder(171, 193, 211, 335);
    }

    @Test
    void spiceObservationsBetweenTwoTimesComeInTimeOrderWithTheirPlanningKeysAndNoOtherInstrument() throws IOException {
        Instant day = Instant.parse("2030-06-01T00:00:00Z");
        long early = idOf(demo(day, 1, 11), "solo_L2_spice");
        long late = idOf(demo(day.plusSeconds(3600), 1, 12), "solo_L2_spice");
        demo(day.plusSeconds(7200), 1, 13);

        // the third file starts at day + 2 h 5 min: the end is exclusive
        List<SpiceObservation> files = catalogue.spiceObservations(day, day.plusSeconds(7200 + 300));

        assertThat(files).extracting(SpiceObservation::observationId).containsExactly(early, late);
        SpiceObservation first = files.getFirst();
        assertThat(first.dateObs()).isEqualTo(day.plusSeconds(300));
        assertThat(first.dateEnd()).isAfter(first.dateObs());
        assertThat(first.spiobsid()).isEqualTo(100_000_011L);
        assertThat(first.misostud()).isEqualTo(2091L);
        assertThat(first.studyId()).isEqualTo(41L);
        assertThat(first.study()).isEqualTo("SCI_SYNOPTIC_SC_SL04_60.0S_FF");
    }

    @Test
    void planningSeesEmbargoedSpiceFilesBecauseItIsAStaffTool() throws IOException {
        Instant day = Instant.parse("2030-06-02T00:00:00Z");
        long embargoed = idOf(demo(day, 0, 21), "solo_L2_spice");
        access.setAccess(embargoed, Access.EMBARGOED, "test: team data before release");

        assertThat(catalogue.spiceObservations(day, day.plusSeconds(3600)))
                .extracting(SpiceObservation::observationId).containsExactly(embargoed);
    }

    @Test
    void whetherAnyObservationCarriesAHeaderValueIsAnsweredWithoutListingThem() throws IOException {
        demo(Instant.parse("2030-06-03T00:00:00Z"), 0, 31);

        assertThat(catalogue.holdsObservationWithHeader("ORIGIN", "medoc demo")).isTrue();
        assertThat(catalogue.holdsObservationWithHeader("ORIGIN", "nobody made this")).isFalse();
    }
}
