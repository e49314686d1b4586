package org.medoc.products.currents;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.RunOutcome;
import org.medoc.products.chain.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The 3-hourly choice of SHARP records on a 12-minute series, and a synthetic record of known Jz through ingest, the
 * chain and the catalogue. The series: near-real-time HARP 5 (NOAA 13590 and 13591) every 12 min of T_REC from 00:00 to
 * 06:36 TAI on 2024-03-01, without the 03:00 record, plus a T_REC of HARP 6 that lacks its error segments.
 */
@SpringBootTest(classes = ProductsTestApplication.class)
class SharpRecordsTests {

    static final Instant FROM = Instant.parse("2024-02-29T23:00:00Z");
    static final Instant TO = Instant.parse("2024-03-01T23:59:59Z");

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired ProductCatalogue catalogue;
    @Autowired ArchiveStore store;
    @Autowired SharpRecords currentsInputSets;

    private static boolean ingested;

    @BeforeEach
    void series() throws Exception {
        if (ingested) {
            return;
        }
        ingested = true;
        Path directory = Files.createTempDirectory("medoc-synthetic-sharp-");
        List<Path> files = new ArrayList<>();
        for (int minutes = 0; minutes <= 6 * 60 + 36; minutes += 12) {
            if (minutes == 180) {
                continue; // the 03:00 record is missing from the series
            }
            String tRec = String.format(Locale.ROOT, "2024.03.01_%02d:%02d:00_TAI", minutes / 60, minutes % 60);
            files.addAll(SyntheticSharp.write(directory, SharpDataType.NRT, 5, tRec, "13590,13591"));
        }
        files.addAll(SyntheticSharp.write(directory, SharpDataType.NRT, 6, "2024.03.01_00:00:00_TAI", "0").stream()
                .filter(f -> !f.getFileName().toString().contains("_err")).toList());
        IngestReport report = ingest.ingest(files, "SharpRecordsTests");
        assertThat(report.outcomes()).allSatisfy(outcome ->
                assertThat(outcome.status().name()).as(outcome.toString()).isIn("INGESTED", "SKIPPED"));
    }

    @Test
    void everyThreeHoursOfTRecTheRecordOnTheGridOrTheFirstAfterItAndOnlyCompleteRecords() {
        List<InputSet> sets = currentsInputSets.find(FROM, TO);
        // TAI − UTC = 37 s in 2024: 00:00:00 TAI is 23:59:23 UTC the day before
        assertThat(sets).extracting(InputSet::referenceTime).containsExactly(
                Instant.parse("2024-02-29T23:59:23Z"), // 00:00 TAI, on the grid
                Instant.parse("2024-03-01T03:11:23Z"), // 03:00 TAI is missing: 03:12 TAI, the first after it
                Instant.parse("2024-03-01T05:59:23Z")); // 06:00 TAI
        assertThat(sets).extracting(InputSet::subject).containsOnly("nrt-5");
        // the same choice from a query that starts inside a window
        assertThat(currentsInputSets.find(Instant.parse("2024-03-01T03:05:00Z"), TO)).extracting(InputSet::referenceTime)
                .containsExactly(Instant.parse("2024-03-01T03:11:23Z"), Instant.parse("2024-03-01T05:59:23Z"));
    }

    @Test
    void aSyntheticRecordOfKnownJzComesBackFromTheCatalogueToRounding() throws Exception {
        List<RunOutcome> outcomes = chain.runRange("currents", FROM, TO, outcome -> { });
        assertThat(outcomes).hasSize(3).allSatisfy(o -> assertThat(o.status()).as(o.error()).isIn(RunStatus.SUCCEEDED, RunStatus.SKIPPED));

        List<ProductSummary> products = catalogue.search(new ProductQuery("currents", FROM, TO, null,
                Map.of("noaa", "13591", "dataType", "nrt"), 0, 10)).items();
        assertThat(products).hasSize(3).allSatisfy(p -> assertThat(p.attributes()).containsEntry("noaa", List.of("13590", "13591")));
        ProductDetail detail = catalogue.detail(products.getLast().id()).orElseThrow();
        assertThat(((Number) detail.figures().get("cmask")).intValue()).isEqualTo(20 * 15);

        Path file = Files.createTempFile("medoc-synthetic-jz-", ".fits");
        try (InputStream in = store.openVerified(detail.files().getFirst().storageKey(), detail.files().getFirst().sha256(),
                detail.files().getFirst().size())) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            float[][] jz = (float[][]) hdus[1].getKernel();
            double largest = 0;
            for (int row = 0; row < SyntheticSharp.HEIGHT; row++) {
                for (int column = 0; column < SyntheticSharp.WIDTH; column++) {
                    largest = Math.max(largest, Math.abs(SyntheticSharp.trueJz(column, row)));
                }
            }
            for (int row = 0; row < SyntheticSharp.HEIGHT; row++) {
                for (int column = 0; column < SyntheticSharp.WIDTH; column++) {
                    assertThat((double) jz[row][column]).as("row %d, column %d", row, column)
                            .isCloseTo(SyntheticSharp.trueJz(column, row), within(largest * 1e-4));
                }
            }
            assertThat(hdus[1].getHeader().getStringValue("NOAA_ARS")).isEqualTo("13590,13591");
            assertThat(hdus[1].getHeader().getStringValue("DATATYPE")).isEqualTo("nrt");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
