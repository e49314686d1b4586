package org.medoc.products.synoptic;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.ChainScanner;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductInstance;
import org.medoc.products.chain.RunOutcome;
import org.medoc.products.chain.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installed synoptic recipe on the real chain: synthetic AIA and EUVI images of a Carrington Sun are ingested,
 * the chain makes the day's map, which gives back the truth; a new observation in the window makes a new revision
 * beside the first; with nothing new the product is not made again.
 */
@SpringBootTest(classes = ProductsTestApplication.class)
class SynopticMapsRecipeTests {

    static final Instant DAY = Instant.parse("2018-06-20T00:00:00Z");

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired ProductCatalogue catalogue;
    @Autowired ArchiveStore store;
    @Autowired ChainScanner scanner;

    /** What the scan, run the day after, would make for {@code day}. */
    private List<ProductInstance> dueOn(Instant day) {
        return scanner.due(day.plus(Duration.ofDays(1))).stream()
                .filter(p -> p.type().equals("synoptic") && p.referenceTime().equals(day)).toList();
    }

    @Test
    void theInstalledChainListsSynopticOneZeroWithADailyCadenceAndItsDocumentationPage() {
        ProductDescription description = chain.productType("synoptic").description();
        assertThat(chain.productType("synoptic").version()).isEqualTo("1.0");
        assertThat(description.cadence()).isEqualTo(Duration.ofDays(1));
        assertThat(description.documentation()).isEqualTo("algorithms/synoptic");
        assertThat(description.previews()).extracting(ProductDescription.Preview::suffix)
                .containsExactly("_radiance.png", "_age.png");
        assertThat(description.inputRule()).contains("±14 days").contains("every 12 h");
        assertThat(description.paragraphs()).anySatisfy(p -> assertThat(p).contains("360 × 180"));
    }

    @Test
    void ingestedImagesBecomeADailyMapThatGivesBackTheTruthAndIsRevisedWhenNewImagesArrive() throws Exception {
        Path directory = Files.createTempDirectory("medoc-synoptic-chain-");
        SyntheticSun sun = new SyntheticSun(DAY.minus(Duration.ofDays(5)), 3);
        List<Path> files = new ArrayList<>();
        for (int hours : new int[] {-36, -24, -12, 0}) {
            files.add(sun.writeAia(directory, DAY.plus(Duration.ofHours(hours)), 171, 256));
        }
        files.add(sun.writeEuvi(directory, DAY.minus(Duration.ofHours(12)), 171, 256, 90));
        IngestReport report = ingest.ingest(files, "SynopticMapsRecipeTests");
        assertThat(report.outcomes()).hasSize(5)
                .allSatisfy(outcome -> assertThat(outcome.status().name()).as(outcome.toString()).isEqualTo("INGESTED"));

        List<RunOutcome> first = chain.runRange("synoptic", DAY, DAY, outcome -> { });
        assertThat(first).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).as(outcome.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(outcome.instance().version()).isEqualTo("1.0");
        });
        ProductSummary product = catalogue.search(new ProductQuery("synoptic", DAY, DAY, null, 0, 10)).items().getFirst();
        assertThat(product.flags()).containsExactly("SECOND_VIEWPOINT");
        assertThat(product.inputs()).extracting(ProductSummary.Input::label)
                .containsExactlyInAnyOrder("aia171", "aia171", "aia171", "aia171", "euvi171");
        ProductDetail detail = catalogue.detail(product.id()).orElseThrow();
        assertThat(detail.files()).extracting(ProductDetail.ProductFile::name).containsExactly(
                "synoptic_aia171_20180620T000000_v1.0.fits", "synoptic_aia171_20180620T000000_v1.0_radiance.png",
                "synoptic_aia171_20180620T000000_v1.0_age.png");
        assertThat(detail.figures()).containsEntry("kind", "archive").containsEntry("secondViewpointInputs", 1);

        float[][] radiance;
        try (InputStream in = store.open(detail.files().getFirst().storageKey()); Fits fits = new Fits(in)) {
            BasicHDU<?>[] hdus = fits.read();
            assertThat(hdus[0].getHeader().getStringValue("MAPKIND")).isEqualTo("archive");
            assertThat(hdus[0].getHeader().getStringValue("PRODVER")).isEqualTo("1.0");
            radiance = (float[][]) hdus[1].getKernel();
        }
        float[][] truth = sun.truth(CarringtonGrid.ofResolution(1), DAY);
        int observed = 0;
        int close = 0;
        for (int row = 0; row < radiance.length; row++) {
            for (int column = 0; column < radiance[row].length; column++) {
                if (!Float.isNaN(radiance[row][column])) {
                    observed++;
                    if (Math.abs(radiance[row][column] / truth[row][column] - 1) < 0.02) {
                        close++;
                    }
                }
            }
        }
        assertThat(observed).isGreaterThan(360 * 180 / 2);
        assertThat(close).isGreaterThan((int) (0.99 * observed));

        // nothing new: the map is up to date
        assertThat(chain.runRange("synoptic", DAY, DAY, outcome -> { })).singleElement()
                .satisfies(outcome -> assertThat(outcome.status()).isEqualTo(RunStatus.SKIPPED));
        assertThat(dueOn(DAY)).isEmpty();

        // a new image in the window: a second revision, the first kept
        ingest.ingest(List.of(sun.writeAia(directory, DAY.plus(Duration.ofHours(12)), 171, 256)), "SynopticMapsRecipeTests");
        assertThat(dueOn(DAY)).containsExactly(new ProductInstance("synoptic", "1.0-r2", DAY));
        assertThat(chain.runRange("synoptic", DAY, DAY, outcome -> { })).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).as(outcome.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(outcome.instance().version()).isEqualTo("1.0-r2");
        });
        assertThat(catalogue.search(new ProductQuery("synoptic", DAY, DAY, null, 0, 10)).items())
                .extracting(ProductSummary::version).containsExactlyInAnyOrder("1.0", "1.0-r2");
    }
}
