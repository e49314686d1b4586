package org.medoc.products.chain;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.IntegrityException;
import org.medoc.archive.storage.Sha256;
import org.medoc.products.DemoArchive;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.dem.AiaChannelSets;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.PRODUCT_INPUT;
import static org.medoc.db.jooq.products.Tables.RUN;

@SpringBootTest(classes = ProductsTestApplication.class)
class ProductEngineTests {

    static final Instant DAY = Instant.parse("2024-04-01T06:00:00Z");

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired ProductEngine engine;
    @Autowired ProductCatalogue catalogue;
    @Autowired CatalogueService observations;
    @Autowired ArchiveStore store;
    @Autowired DSLContext dsl;
    @Autowired @Qualifier("summaryRecipe") InputSummaryRecipe summary;

    @BeforeEach
    void threeAiaSets() {
        DemoArchive.ingest(ingest, DAY, 3);
    }

    private List<ProductSummary> products(String version) {
        return catalogue.search(new ProductQuery("summary", DAY, DAY.plusSeconds(3600), version, 0, 100)).items();
    }

    @Test
    void runningAnIntervalMakesOneCataloguedProductPerSetWithItsProvenance() throws Exception {
        List<RunOutcome> outcomes = chain.runRange("summary", DAY, DAY.plusSeconds(3600), outcome -> { });

        // SKIPPED when another test of this class made it first: the products are the same either way
        assertThat(outcomes).hasSize(3).extracting(RunOutcome::status).isSubsetOf(RunStatus.SUCCEEDED, RunStatus.SKIPPED);
        List<ProductSummary> made = products("1.0");
        assertThat(made).extracting(ProductSummary::referenceTime)
                .containsExactly(DAY.plusSeconds(3600), DAY.plusSeconds(1800), DAY);
        ProductSummary first = made.getLast();
        assertThat(first.flags()).isEmpty();
        assertThat(first.inputs()).extracting(ProductSummary.Input::label)
                .containsExactlyInAnyOrder("94", "131", "171", "193", "211", "335");
        assertThat(first.fileUrl()).isEqualTo("/api/v1/products/" + first.id() + "/file");
        assertThat(first.previewUrl()).isEqualTo("/api/v1/products/" + first.id() + "/preview");

        ProductDetail detail = catalogue.detail(first.id()).orElseThrow();
        assertThat(detail.parameters()).containsEntry("statistic", "mean").containsKey("inputSets");
        assertThat((String) detail.parameters().get("inputSets")).contains("±30 s");
        assertThat(detail.softwareVersion()).startsWith("medoc");
        assertThat(detail.figures()).containsEntry("inputs", 6);
        assertThat(detail.files()).extracting(ProductDetail.ProductFile::role).containsExactly("DATA", "PREVIEW");

        // the stored FITS is the recipe's, byte for byte: its SHA-256 is the catalogue's, its header names the inputs
        ProductDetail.ProductFile fits = detail.files().getFirst();
        Path copy = Files.createTempFile("product", ".fits");
        try (InputStream in = store.open(fits.storageKey())) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Sha256.of(copy)).isEqualTo(fits.sha256());
        assertThat(Files.size(copy)).isEqualTo(fits.size());
        try (Fits read = new Fits(copy.toFile())) {
            ImageHDU hdu = (ImageHDU) read.readHDU();
            Header header = hdu.getHeader();
            assertThat(header.getStringValue("REFTIME")).isEqualTo(DAY.toString());
            assertThat(header.getIntValue("NINPUTS")).isEqualTo(6);
            assertThat(header.getStringValue("CHAN3")).isEqualTo("171");
            float[][] means = (float[][]) hdu.getKernel();
            assertThat(means[0]).hasSize(6);
            // 171 Å is far brighter than 94 Å on the synthetic Sun (350 vs 1.5 DN/s quiet-Sun rates)
            assertThat(means[0][2]).isGreaterThan(10 * means[0][0]);
        }
    }

    @Test
    void runningAgainIsIdempotentAndAddsNoProductRow() {
        chain.runRange("summary", DAY, DAY.plusSeconds(3600), outcome -> { });
        int productsBefore = dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("summary"));
        int inputsBefore = dsl.fetchCount(PRODUCT_INPUT);
        int invocationsBefore = summary.invocations(DAY);

        List<RunOutcome> again = chain.runRange("summary", DAY, DAY.plusSeconds(3600), outcome -> { });

        assertThat(again).hasSize(3).extracting(RunOutcome::status).containsOnly(RunStatus.SKIPPED);
        assertThat(again).allSatisfy(outcome -> assertThat(outcome.productId()).isNotNull());
        assertThat(dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("summary"))).isEqualTo(productsBefore);
        assertThat(dsl.fetchCount(PRODUCT_INPUT)).isEqualTo(inputsBefore);
        assertThat(summary.invocations(DAY)).as("no work for a catalogued product").isEqualTo(invocationsBefore);
    }

    @Test
    void reprocessingWithANewVersionKeepsTheOldVersion() {
        chain.runRange("summary", DAY, DAY.plusSeconds(3600), outcome -> { });
        InputSummaryRecipe newVersion = summary.withVersion("2.0");

        for (Instant reference : List.of(DAY, DAY.plusSeconds(1800), DAY.plusSeconds(3600))) {
            assertThat(engine.run(newVersion, reference, RunTrigger.COMMAND, "test").status()).isEqualTo(RunStatus.SUCCEEDED);
        }

        assertThat(products("1.0")).hasSize(3);
        assertThat(products("2.0")).hasSize(3);
        assertThat(products(null)).hasSize(6);
        assertThat(products("2.0").getFirst().inputs()).hasSize(6);
    }

    @Test
    void anIncompleteSetIsMadeFromWhatIsThereAndFlagged() {
        AiaChannelSets narrow = new AiaChannelSets(observations, AiaChannelSets.DEM_CHANNELS, Duration.ofSeconds(5), Duration.ofMinutes(30), 3);
        InputSummaryRecipe partial = new InputSummaryRecipe("partial", "1.0", narrow);

        RunOutcome outcome = engine.run(partial, DAY, RunTrigger.COMMAND, "test");

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        ProductSummary product = catalogue.summary(outcome.productId()).orElseThrow();
        assertThat(product.flags()).containsExactly(ProductEngine.MISSING_INPUTS);
        assertThat(product.missingInputs()).containsExactly("193", "211", "335");
        assertThat(product.inputs()).extracting(ProductSummary.Input::label).containsExactlyInAnyOrder("94", "131", "171");
    }

    @Test
    void aFailingRecipeLeavesAFailedRunWithItsReasonAndNoProduct() {
        InputSummaryRecipe failing = new InputSummaryRecipe("failing", "1.0", summary.inputSets());
        failing.failNext(DAY, 1);

        assertThatThrownBy(() -> engine.run(failing, DAY, RunTrigger.COMMAND, "test"))
                .isInstanceOf(ChainException.class).hasMessageContaining("injected failure");

        assertThat(dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("failing"))).isZero();
        var run = dsl.selectFrom(RUN).where(RUN.TYPE.eq("failing")).fetchSingle();
        assertThat(run.getStatus()).isEqualTo("FAILED");
        assertThat(run.getError()).contains("injected failure");
        assertThat(run.getDurationMs()).isNotNull();
        assertThat(run.getFinishedAt()).isNotNull();
    }

    @Test
    void aCorruptedStoredInputFailsTheRunAndNamesTheObservation() throws Exception {
        Instant day = Instant.parse("2024-04-02T06:00:00Z");
        DemoArchive.ingest(ingest, day, 1);
        InputSummaryRecipe verified = new InputSummaryRecipe("verified", "1.0", summary.inputSets());
        InputFile input = verified.inputSets().at(day).orElseThrow().inputs().getFirst();
        byte[] stored;
        try (InputStream in = store.open(input.storageKey())) {
            stored = in.readAllBytes();
        }
        stored[stored.length / 2] ^= 1;
        store.delete(input.storageKey());
        store.put(input.storageKey(), stored);

        assertThatThrownBy(() -> engine.run(verified, day, RunTrigger.COMMAND, "test"))
                .isInstanceOf(ChainException.class)
                .hasRootCauseInstanceOf(IntegrityException.class)
                .hasMessageContaining("observation " + input.observationId())
                .hasMessageContaining("does not match its record");
        var run = dsl.selectFrom(RUN).where(RUN.TYPE.eq("verified")).fetchSingle();
        assertThat(run.getStatus()).isEqualTo("FAILED");
        assertThat(run.getError()).contains("input " + input.fileName() + " (observation " + input.observationId() + ")");
        assertThat(dsl.fetchCount(PRODUCT, PRODUCT.TYPE.eq("verified"))).isZero();
    }

    @Test
    void aRunLeftRunningByADeadNodeIsClosedWhenItsTaskIsRevived() {
        InputSummaryRecipe revived = new InputSummaryRecipe("revived", "1.0", summary.inputSets());
        ProductInstance instance = new ProductInstance("revived", "1.0", DAY);
        dsl.insertInto(RUN).set(RUN.TYPE, "revived").set(RUN.VERSION, "1.0")
                .set(RUN.REFERENCE_TIME, DAY.atOffset(java.time.ZoneOffset.UTC)).set(RUN.INSTANCE_ID, instance.id())
                .set(RUN.ATTEMPT, 1).set(RUN.TRIGGER, "SCHEDULED").set(RUN.NODE, "dead-node").set(RUN.STATUS, "RUNNING")
                .execute();

        assertThat(engine.run(revived, DAY, RunTrigger.SCHEDULED, "live-node").status()).isEqualTo(RunStatus.SUCCEEDED);

        List<RunSummary> runs = chain.runsOf(instance);
        assertThat(runs).extracting(RunSummary::status).containsExactly(RunStatus.FAILED, RunStatus.SUCCEEDED);
        assertThat(runs.getFirst().error()).contains("abandoned").contains("live-node");
        assertThat(runs.getLast().attempt()).isEqualTo(2);
    }

    @Test
    void aReferenceTimeWithoutInputsFailsWithAClearReason() {
        assertThatThrownBy(() -> engine.run(summary, DAY.plusSeconds(900), RunTrigger.COMMAND, "test"))
                .hasMessageContaining("no input set at " + DAY.plusSeconds(900));
    }

    @Test
    void theCommandLineRunReportsEachSetInOrder() {
        List<Instant> seen = new ArrayList<>();
        chain.runRange("summary", DAY, DAY.plusSeconds(3600), outcome -> seen.add(outcome.instance().referenceTime()));
        assertThat(seen).containsExactly(DAY, DAY.plusSeconds(1800), DAY.plusSeconds(3600));
        assertThatThrownBy(() -> chain.runRange("nonsense", DAY, DAY, o -> { }))
                .hasMessageContaining("unknown product type 'nonsense'");
    }
}
