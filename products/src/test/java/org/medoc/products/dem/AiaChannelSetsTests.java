package org.medoc.products.dem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.access.AccessService;
import org.medoc.archive.access.Visibility.Access;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestService;
import org.medoc.products.DemoArchive;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = ProductsTestApplication.class)
class AiaChannelSetsTests {

    static final Instant DAY = Instant.parse("2024-03-01T12:00:00Z");

    @Autowired IngestService ingest;
    @Autowired CatalogueService catalogue;
    @Autowired AccessService access;
    @Autowired AiaChannelSets demInputSets;

    @BeforeEach
    void threeSetsAtNoonAndEveryHalfHour() {
        DemoArchive.ingest(ingest, DAY, 3);
    }

    @Test
    void findsTheSixChannelsAroundEveryHalfHourByDefault() {
        assertThat(demInputSets.tolerance()).isEqualTo(Duration.ofSeconds(30));
        List<InputSet> sets = demInputSets.find(DAY.minusSeconds(3600), DAY.plusSeconds(3 * 3600));
        assertThat(sets).extracting(InputSet::referenceTime)
                .containsExactly(DAY, DAY.plusSeconds(1800), DAY.plusSeconds(3600));
        for (InputSet set : sets) {
            assertThat(set.complete()).isTrue();
            assertThat(set.inputs()).extracting(InputFile::label).containsExactly("94", "131", "171", "193", "211", "335");
            // the generator observes channel n at +2n s
            assertThat(set.inputs().getLast().dateObs()).isEqualTo(set.referenceTime().plusSeconds(10));
            assertThat(set.inputs()).allSatisfy(input -> assertThat(input.sha256()).hasSize(64));
        }
    }

    @Test
    void referenceTimesSitOnTheCadenceWhateverTheInterval() {
        List<InputSet> sets = demInputSets.find(DAY.plusSeconds(60), DAY.plusSeconds(3600));
        assertThat(sets).extracting(InputSet::referenceTime).containsExactly(DAY.plusSeconds(1800), DAY.plusSeconds(3600));
    }

    @Test
    void channelsOutsideTheToleranceAreMissingAndTheSetIsIncomplete() {
        // ±5 s keeps 94 (+0 s), 131 (+2 s) and 171 (+4 s); 193, 211 and 335 come later
        AiaChannelSets narrow = new AiaChannelSets(catalogue, AiaChannelSets.DEM_CHANNELS, Duration.ofSeconds(5), Duration.ofMinutes(30), 3);
        InputSet set = narrow.at(DAY).orElseThrow();
        assertThat(set.inputs()).extracting(InputFile::label).containsExactly("94", "131", "171");
        assertThat(set.missing()).containsExactly("193", "211", "335");
        assertThat(set.complete()).isFalse();
    }

    @Test
    void setsWithFewerThanTheMinimumChannelsAreNoSets() {
        AiaChannelSets demanding = new AiaChannelSets(catalogue, AiaChannelSets.DEM_CHANNELS, Duration.ofSeconds(5), Duration.ofMinutes(30), 4);
        assertThat(demanding.at(DAY)).isEmpty();
        assertThat(demanding.find(DAY, DAY.plusSeconds(3600))).isEmpty();
    }

    @Test
    void restrictedAndEmbargoedObservationsNeverEnterASet() {
        Instant embargoedDay = Instant.parse("2024-03-02T12:00:00Z");
        long aia94 = DemoArchive.ingest(ingest, embargoedDay, 1).outcomes().stream()
                .filter(outcome -> outcome.fileName().contains(".94.image")).map(IngestOutcome::observationId)
                .findFirst().orElseThrow();
        access.setAccess(aia94, Access.EMBARGOED, "test: embargoed until the team's paper");

        InputSet set = demInputSets.at(embargoedDay).orElseThrow();
        assertThat(set.missing()).containsExactly("94");
        assertThat(set.inputs()).extracting(InputFile::label).containsExactly("131", "171", "193", "211", "335");
    }

    @Test
    void anyReferenceTimeCanBeAskedForOnDemand() {
        InputSet offCadence = demInputSets.at(DAY.plusSeconds(20)).orElseThrow();
        assertThat(offCadence.referenceTime()).isEqualTo(DAY.plusSeconds(20));
        assertThat(offCadence.inputs()).hasSize(6);
    }

    @Test
    void refusesATolerenceThatWouldPutOneObservationInTwoSets() {
        assertThatThrownBy(() -> new AiaChannelSets(catalogue, AiaChannelSets.DEM_CHANNELS, Duration.ofMinutes(15), Duration.ofMinutes(30), 3))
                .hasMessageContaining("under half the cadence");
    }
}
