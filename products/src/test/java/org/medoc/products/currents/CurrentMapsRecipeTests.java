package org.medoc.products.currents;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.RunOutcome;
import org.medoc.products.chain.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * The installed currents recipe on the real chain: the HARP 377 record (definitive series) and an nrt twin of it are
 * ingested, the chain makes one product per record, and the catalogue finds each by HARP, NOAA number and data type
 * without ever merging the two series.
 */
@SpringBootTest(classes = ProductsTestApplication.class)
class CurrentMapsRecipeTests {

    static final Instant T_REC_UTC = Instant.parse("2011-02-15T01:59:26Z");
    static final Instant DAY = Instant.parse("2011-02-15T00:00:00Z");
    static final Instant DAY_END = Instant.parse("2011-02-15T23:59:59Z");

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired ProductCatalogue catalogue;
    @Autowired SharpRecords currentsInputSets;

    private static boolean ingested;

    /**
     * The real record, and the same record as the near-real-time series would name it. The twin's files get a trailing
     * header-only extension so that their bytes (and SHA-256, the archive's identity) differ while their data do not.
     */
    void ingestOnce() throws Exception {
        if (ingested) {
            return;
        }
        Path twin = Files.createTempDirectory("medoc-sharp-nrt-");
        List<Path> files = new ArrayList<>();
        for (String segment : List.of("Br", "Bp", "Bt", "Br_err", "Bp_err", "Bt_err", "bitmap", "conf_disambig", "magnetogram")) {
            Path sci = SharpSamples.testdata().resolve("fits").resolve(SharpSamples.PREFIX + segment + ".fits");
            files.add(sci);
            Path nrt = twin.resolve(SharpSamples.PREFIX.replace("720s.", "720s_nrt.") + segment + ".fits");
            Files.copy(sci, nrt);
            Files.write(nrt, emptyExtension(), java.nio.file.StandardOpenOption.APPEND);
            files.add(nrt);
        }
        IngestReport report = ingest.ingest(files, "CurrentMapsRecipeTests");
        assertThat(report.outcomes()).hasSize(18)
                .allSatisfy(outcome -> assertThat(outcome.status().name()).as(outcome.toString()).isIn("INGESTED", "SKIPPED"));
        ingested = true;
    }

    private static byte[] emptyExtension() {
        StringBuilder header = new StringBuilder();
        for (String card : List.of("XTENSION= 'IMAGE   '           / empty extension", "BITPIX  =                    8",
                "NAXIS   =                    0", "PCOUNT  =                    0", "GCOUNT  =                    1", "END")) {
            header.append(String.format("%-80s", card));
        }
        while (header.length() % 2880 != 0) {
            header.append(' ');
        }
        return header.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theInstalledChainListsCurrentsWithAThreeHourCadenceAndItsDocumentationPage() {
        ProductDescription description = chain.productType("currents").description();
        assertThat(chain.productType("currents").version()).isEqualTo("1.0");
        assertThat(description.name()).isEqualTo("Current maps");
        assertThat(description.cadence()).isEqualTo(Duration.ofHours(3)).isEqualTo(currentsInputSets.cadence());
        assertThat(description.inputRule()).isEqualTo(currentsInputSets.describe()).contains("every 3 h of T_REC");
        assertThat(description.previews()).extracting(ProductDescription.Preview::suffix).containsExactly("_jz.png");
        assertThat(description.documentation()).isEqualTo("algorithms/currents");
    }

    @Test
    void eachSeriesRecordIsOneSetWhoseSubjectNamesSeriesAndHarp() throws Exception {
        ingestOnce();
        List<InputSet> sets = currentsInputSets.find(DAY, DAY_END);
        assertThat(sets).extracting(InputSet::subject).containsExactly("nrt-377", "sci-377");
        assertThat(sets).allSatisfy(set -> {
            // the 02:00 TAI record is the first of its 3-hour window (00:00-03:00 TAI): chosen although off the grid
            assertThat(set.referenceTime()).isEqualTo(T_REC_UTC);
            assertThat(set.inputs()).extracting(f -> f.label()).containsExactlyElementsOf(SharpRecordReader.SEGMENTS);
            assertThat(set.complete()).isTrue();
        });
        assertThat(sets.get(0).inputs()).allSatisfy(f -> assertThat(f.fileName()).startsWith("hmi.sharp_cea_720s_nrt.377."));
        assertThat(sets.get(1).inputs()).allSatisfy(f -> assertThat(f.fileName()).startsWith("hmi.sharp_cea_720s.377."));
        assertThat(currentsInputSets.at(T_REC_UTC, "sci-377")).isPresent();
        assertThat(currentsInputSets.find(DAY.plus(Duration.ofHours(3)), DAY_END)).isEmpty();
    }

    @Test
    void theChainMakesOneProductPerSeriesFoundByHarpNoaaAndDataTypeAndMadeOnlyOnce() throws Exception {
        ingestOnce();
        List<RunOutcome> first = chain.runRange("currents", DAY, DAY_END, outcome -> { });
        assertThat(first).hasSize(2).allSatisfy(outcome -> {
            assertThat(outcome.status()).as(outcome.error()).isIn(RunStatus.SUCCEEDED, RunStatus.SKIPPED);
            assertThat(outcome.productId()).isNotNull();
        });
        assertThat(first).extracting(o -> o.instance().id()).containsExactly(
                "currents:1.0:2011-02-15T01:59:26Z@nrt-377", "currents:1.0:2011-02-15T01:59:26Z@sci-377");

        assertThat(search(Map.of())).hasSize(2);
        List<ProductSummary> sci = search(Map.of("harp", "377", "noaa", "11158", "dataType", "sci"));
        assertThat(sci).singleElement().satisfies(product -> {
            assertThat(product.subject()).isEqualTo("sci-377");
            assertThat(product.referenceTime()).isEqualTo(T_REC_UTC);
            assertThat(product.attributes()).containsEntry("harp", List.of("377")).containsEntry("noaa", List.of("11158"))
                    .containsEntry("dataType", List.of("sci"));
            assertThat(product.fileName()).isEqualTo("currents_sci_harp377_20110215_020000_TAI.fits");
            assertThat(product.previewUrl()).isNotNull();
            assertThat(product.inputs()).hasSize(7);
        });
        assertThat(search(Map.of("dataType", "nrt"))).singleElement()
                .satisfies(product -> assertThat(product.fileName()).isEqualTo("currents_nrt_harp377_20110215_020000_TAI.fits"));
        assertThat(search(Map.of("harp", "378"))).isEmpty();
        assertThat(search(Map.of("noaa", "11159"))).isEmpty();

        ProductDetail detail = catalogue.detail(sci.getFirst().id()).orElseThrow();
        assertThat(((Number) detail.figures().get("cmask")).intValue()).isEqualTo(45_703);
        assertThat(((Number) detail.figures().get("meanJzd")).doubleValue()).isCloseTo(0.26992074, withPercentage(0.1));

        List<RunOutcome> again = chain.runRange("currents", DAY, DAY_END, outcome -> { });
        assertThat(again).extracting(RunOutcome::status).containsOnly(RunStatus.SKIPPED);
        assertThat(search(Map.of())).hasSize(2);
    }

    private List<ProductSummary> search(Map<String, String> attributes) {
        return catalogue.search(new ProductQuery("currents", DAY, DAY_END, null, attributes, 0, 10)).items();
    }
}
