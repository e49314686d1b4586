package org.medoc.products.dem;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductType;
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
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installed DEM recipe on the real chain: a synthetic AIA set with known DEM parameters is ingested into the
 * archive, the chain makes its DEM product, and the catalogued FITS file gives back the truth. Its description, what the
 * Products area and the API show, follows the configuration it runs with.
 */
@SpringBootTest(classes = ProductsTestApplication.class)
class DemMapsRecipeTests {

    static final Instant REFERENCE = Instant.parse("2019-03-07T12:00:00Z");
    static final int SIZE = 48;

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired ProductCatalogue catalogue;
    @Autowired ArchiveStore store;
    @Autowired AiaChannelSets demInputSets;

    @Test
    void theInstalledChainListsDemOneZeroWithTheConfiguredCadenceAndItsDocumentationPage() {
        assertThat(chain.productTypes()).extracting(ProductType::type).contains("dem");
        ProductType dem = chain.productType("dem");
        assertThat(dem.version()).isEqualTo("1.0");
        assertThat(dem.versions()).containsExactly("1.0");
        ProductDescription description = dem.description();
        assertThat(description.title()).isEqualTo("Gaussian DEM maps from SDO/AIA");
        assertThat(description.cadence()).isEqualTo(demInputSets.cadence()).isEqualTo(Duration.ofMinutes(30));
        assertThat(description.inputRule()).isEqualTo(demInputSets.describe())
                .isEqualTo("AIA 94, 131, 171, 193, 211 and 335 Å observed within ±30 s of every 30 min (at least 3 channels)");
        assertThat(description.documentation()).isEqualTo("algorithms/dem");
        assertThat(description.previews()).extracting(ProductDescription.Preview::suffix)
                .containsExactly("_em.png", "_logt.png", "_width.png", "_chi2.png");
        assertThat(description.reading()).contains("χ² > 11");
        assertThat(chain.recipe("dem").title()).isEqualTo(description.title());
    }

    @Test
    void theDescriptionSaysTheCadenceToleranceAndMinimumChannelsTheRecipeRunsWith() {
        AiaChannelSets hourly = new AiaChannelSets(null, AiaChannelSets.DEM_CHANNELS, Duration.ofSeconds(10), Duration.ofHours(1), 4);
        ProductDescription description = new DemMapsRecipe(hourly, DemMapMaker.standard()).description();
        assertThat(description.cadence()).isEqualTo(Duration.ofHours(1));
        assertThat(description.cadenceInWords()).isEqualTo("1 h");
        assertThat(description.paragraphs().getFirst())
                .contains("Every 1 h of observation time")
                .contains("94, 131, 171, 193, 211 and 335 Å")
                .contains("within ±10 s of the reference time");
        assertThat(description.reading()).contains("at least 4 are needed");
        assertThat(description.previews().getFirst().legend()).contains("colour bar 1e25 to 1e29, logarithmic (inferno)");
    }

    @Test
    void anIngestedAiaSetBecomesACataloguedDemProductThatRecoversTheTrueTemperaturesAndIsMadeOnlyOnce() throws Exception {
        Path directory = Files.createTempDirectory("medoc-dem-chain-");
        DemSyntheticSets.SyntheticSet truth = new DemSyntheticSets()
                .write(DemSyntheticSets.Scene.ACTIVE_REGION, SIZE, REFERENCE, 7, false, directory);
        IngestReport report = ingest.ingest(truth.files(), "DemMapsRecipeTests");
        assertThat(report.outcomes()).hasSize(6)
                .allSatisfy(outcome -> assertThat(outcome.status().name()).isIn("INGESTED", "SKIPPED"));

        List<RunOutcome> first = chain.runRange("dem", REFERENCE, REFERENCE, outcome -> { });
        assertThat(first).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).as(outcome.error()).isIn(RunStatus.SUCCEEDED, RunStatus.SKIPPED);
            assertThat(outcome.productId()).isNotNull();
        });

        List<ProductSummary> products = catalogue.search(new ProductQuery("dem", REFERENCE, REFERENCE, "1.0", 0, 10)).items();
        assertThat(products).singleElement().satisfies(product -> {
            assertThat(product.referenceTime()).isEqualTo(REFERENCE);
            assertThat(product.flags()).isEmpty();
            assertThat(product.inputs()).hasSize(6);
        });
        ProductDetail detail = catalogue.detail(products.getFirst().id()).orElseThrow();
        assertThat(detail.files()).extracting(ProductDetail.ProductFile::role)
                .containsExactly("DATA", "PREVIEW", "PREVIEW", "PREVIEW", "PREVIEW");
        assertThat(detail.parameters()).containsEntry("search", "BRANCH_AND_BOUND").containsKey("grid");
        assertThat(detail.figures()).containsEntry("width", SIZE).containsEntry("height", SIZE);

        float[] logT;
        List<String> extensions = new ArrayList<>();
        try (InputStream in = store.open(detail.files().getFirst().storageKey()); Fits fits = new Fits(in)) {
            BasicHDU<?>[] hdus = fits.read();
            for (BasicHDU<?> hdu : hdus) {
                String name = hdu.getHeader().getStringValue("EXTNAME");
                if (name != null) {
                    extensions.add(name);
                }
            }
            // the maps are lossless tile-compressed images: nom-tam-fits gives them back as images through asImageHDU
            ImageHDU logTHdu = ((CompressedImageHDU) Arrays.stream(hdus)
                    .filter(hdu -> "LOGT".equals(hdu.getHeader().getStringValue("EXTNAME"))).findFirst().orElseThrow())
                    .asImageHDU();
            float[][] rows = (float[][]) logTHdu.getKernel();
            logT = new float[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                System.arraycopy(rows[y], 0, logT, y * SIZE, SIZE);
            }
        }
        assertThat(extensions).containsExactly("EM", "LOGT", "WIDTH", "CHI2", "NBANDS");
        // noise-free input: every pixel's central temperature within two grid steps of the truth
        int within = 0;
        for (int i = 0; i < logT.length; i++) {
            if (Math.abs(logT[i] - truth.logTemperature()[i]) <= 0.02) {
                within++;
            }
        }
        assertThat(within).isEqualTo(SIZE * SIZE);

        List<RunOutcome> again = chain.runRange("dem", REFERENCE, REFERENCE, outcome -> { });
        assertThat(again).singleElement().satisfies(outcome -> assertThat(outcome.status()).isEqualTo(RunStatus.SKIPPED));
        assertThat(catalogue.search(new ProductQuery("dem", REFERENCE, REFERENCE, null, 0, 10)).total()).isEqualTo(1);
    }
}
