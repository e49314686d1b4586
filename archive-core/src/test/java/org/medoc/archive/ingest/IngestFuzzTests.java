package org.medoc.archive.ingest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.FuzzInputs;
import org.medoc.archive.catalogue.CatalogueService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arbitrary bytes through the whole ingest path (inspection, header normalisation, quicklook, storage, catalogue):
 * every input ends as an outcome, never an exception; a quarantined file has a reason; an ingested one has a
 * catalogue row whose detail can be read back; memory stays bounded (no input drives the reader out of heap).
 *
 * <p>The normal test run replays the stored inputs (and the real-header seeds below). A longer fuzzing run:
 * <pre>JAZZER_FUZZ=1 mvn -pl archive-core test -Dtest=IngestFuzzTests -Djazzer.max_duration=10m</pre>
 */
// a database of its own: what the fuzzer manages to ingest must not show up in other tests' searches
@SpringBootTest(classes = ArchiveTestApplication.class, properties = "medoc.data-dir=target/test-data/fuzz-${random.uuid}")
class IngestFuzzTests {

    private static final List<String> SEEDS = List.of("aia_171_level1.fits", "efz20040301.000010_s.fits",
            "solo_L2_spice-n-sit_20200620T235901_V01_16777431-000.fits", "mdi_fd_M_96m_01d.5874.0005_s.fits");

    @Autowired IngestService ingest;
    @Autowired CatalogueService catalogue;

    @FuzzTest(maxDuration = "20s")
    void everyInputEndsAsAnOutcome(FuzzedDataProvider data) throws Exception {
        int seed = data.consumeInt(0, SEEDS.size());
        int keepCards = data.consumeInt(1, 60);
        byte[] bytes = FuzzInputs.realHeaderThen(SEEDS, seed, keepCards, data.consumeRemainingAsBytes());
        Path file = Files.createTempFile("ingest-fuzz", ".fits");
        try {
            Files.write(file, bytes);
            IngestOutcome outcome = ingest.ingestFile(file, "fuzz.fits", "fuzz");
            assertThat(outcome).isNotNull();
            switch (outcome.status()) {
                // an OutOfMemoryError caught as a reason would mean a size check came too late
                case QUARANTINED -> assertThat(outcome.reason()).isNotBlank().doesNotContain("OutOfMemoryError");
                case INGESTED, SKIPPED -> assertThat(catalogue.detail(outcome.observationId())).isPresent();
                // the infrastructure is healthy here: no input may pass for an outage
                case FAILED -> throw new AssertionError("retryable failure on healthy infrastructure: " + outcome.reason());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
