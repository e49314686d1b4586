package org.medoc.release.selection;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.download.ArchiveStream;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.ProductEngine;
import org.medoc.products.chain.RunStatus;
import org.medoc.products.chain.RunTrigger;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseContents;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;
import org.medoc.release.packaging.IndependentBagVerifier;
import org.medoc.release.packaging.ReleasePackage;
import org.medoc.release.release.ReleaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.release.ReleaseFixtures.asManager;
import static org.medoc.release.ReleaseFixtures.newCollection;

/**
 * Derived products in releases: products made by the real product chain engine (a small test recipe over the demo
 * EIT images) are selected by type, version and time range, frozen with their SHA-256 re-verified, packaged under
 * data/products/ in a bag that two independent implementations accept, and described in catalog.csv and on the
 * landing page.
 */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductSelectionTests {

    @Autowired
    ReleaseService releases;
    @Autowired
    ReleaseFixtures fixtures;
    @Autowired
    ReleasePackage packages;
    @Autowired
    ProductEngine engine;
    @Autowired
    ProductCatalogue catalogue;
    @Autowired
    ArchiveStore store;
    @Autowired
    CatalogueService observations;
    @LocalServerPort
    int port;

    /** The demo EIT images are on FIRST_DAY, +3 days and +6 days (13 minutes after the start of each set). */
    private static final SelectionRules.TimeRange FIRST_FOUR_DAYS = new SelectionRules.TimeRange(
            ReleaseFixtures.FIRST_DAY, ReleaseFixtures.FIRST_DAY.plus(Duration.ofDays(4)));

    @BeforeEach
    void productsAreMadeFromTheDemoArchive() throws Exception {
        fixtures.ingestDemoData();
        for (String version : List.of("1.0", "2.0")) {
            EitMeanRecipe recipe = new EitMeanRecipe(observations, version);
            for (var set : recipe.inputSets().find(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"))) {
                assertThat(engine.run(recipe, set.referenceTime(), RunTrigger.COMMAND, "test").status())
                        .isIn(RunStatus.SUCCEEDED, RunStatus.SKIPPED);
            }
        }
    }

    private static SelectionRules eitMean(String version, SelectionRules.TimeRange... ranges) {
        return new SelectionRules(null, null, List.of(ranges), null, List.of("EIT-MEAN"), List.of(version), null, null, null);
    }

    /** The catalogued products of the test recipe of this version made in the range, oldest first. */
    private List<ProductDetail> catalogued(String version, SelectionRules.TimeRange range) {
        return catalogue.search(new ProductQuery(EitMeanRecipe.TYPE, range.from(), range.to(), version, 0, ProductQuery.MAX_SIZE))
                .items().stream().sorted(java.util.Comparator.comparing(ProductSummary::referenceTime))
                .map(p -> catalogue.detail(p.id()).orElseThrow()).toList();
    }

    @Test
    void aProductRuleCountsTheMainDataFileOfEachProductOfThatTypeVersionAndTimeAndNoObservation() {
        List<ProductDetail> expected = catalogued("1.0", FIRST_FOUR_DAYS);
        assertThat(expected).hasSize(2);
        SelectionSummary summary = releases.selectionSummary(eitMean("1.0", FIRST_FOUR_DAYS), 10);

        assertThat(summary.fileCount()).isEqualTo(2);
        long dataBytes = expected.stream().mapToLong(p -> p.files().stream().filter(f -> f.role().equals("DATA"))
                .findFirst().orElseThrow().size()).sum();
        assertThat(summary.totalBytes()).isEqualTo(dataBytes);
        assertThat(summary.preview()).extracting(ReleaseFile::kind).containsOnly(FileKind.PRODUCT);
        assertThat(summary.preview()).extracting(ReleaseFile::itemId)
                .containsExactly(expected.get(0).summary().id(), expected.get(1).summary().id());
        ReleaseFile first = summary.preview().getFirst();
        assertThat(first.packagePath()).isEqualTo("data/products/eit-mean/1.0/2020/11/20/" + expected.get(0).summary().fileName());
        assertThat(first.mediaType()).isEqualTo("application/fits");
        assertThat(first.fileName()).endsWith(".fits");
        assertThat(summary.problems()).isEmpty();
    }

    @Test
    void anUnknownProductTypeIsNamedAndSelectsNothing() {
        SelectionSummary summary = releases.selectionSummary(new SelectionRules(null, null, null, null, List.of("dme"),
                List.of("1.0"), null, null, null), 10);
        assertThat(summary.fileCount()).isZero();
        assertThat(summary.problems()).anySatisfy(problem -> {
            assertThat(problem.pointer()).isEqualTo("/selection/productTypes");
            assertThat(problem.message()).contains("no product of type 'dme'").contains(EitMeanRecipe.TYPE);
        });
    }

    @Test
    void observationsAndProductsCanBeReleasedTogether() {
        SelectionRules both = new SelectionRules(List.of("EIT"), null, List.of(FIRST_FOUR_DAYS), null, List.of(EitMeanRecipe.TYPE),
                List.of("2.0"), null, null, null);
        SelectionSummary summary = releases.selectionSummary(both, 10);
        // public EIT images observed before the range's end, as an anonymous visitor finds them
        long eitImages = observations.search(new ObservationQuery(null, FIRST_FOUR_DAYS.to(), null, "EIT", null, null, null,
                null, null, null, null, 0, 1, null)).total();
        assertThat(eitImages).isEqualTo(2);
        assertThat(summary.fileCount()).isEqualTo(4);
        assertThat(summary.preview()).extracting(ReleaseFile::kind)
                .containsExactly(FileKind.OBSERVATION, FileKind.OBSERVATION, FileKind.PRODUCT, FileKind.PRODUCT);
        assertThat(summary.preview().get(2).packagePath()).startsWith("data/products/eit-mean/2.0/2020/11/20/");

        String collection = newCollection();
        Release draft = asManager(() -> releases.createDraft(new ReleaseService.NewDraft(collection, "EIT and means " + collection,
                CatalogFormat.GENERIC, "1.0", ReleaseFixtures.metadata("EIT images and their means"), both)));
        Release frozen = asManager(() -> releases.freeze(collection, "1.0", draft.lockVersion()));
        List<ReleaseContents> contents = releases.contents(frozen);
        assertThat(contents).extracting(ReleaseContents::kind, ReleaseContents::productType, ReleaseContents::fileCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FileKind.OBSERVATION, null, 2L),
                        org.assertj.core.groups.Tuple.tuple(FileKind.PRODUCT, EitMeanRecipe.TYPE, 2L));
        assertThat(contents.getFirst().directory()).isEqualTo("data/level<N>/yyyy/mm/dd/");
        List<ReleaseFile> files = releases.files(frozen);
        // DataCite's coverage spans the observations and the products' reference times
        Instant earliest = files.stream().filter(f -> f.kind() == FileKind.OBSERVATION)
                .map(f -> Instant.parse(f.catalogRow().get("DATE-BEG") + "Z")).min(Instant::compareTo).orElseThrow();
        assertThat(releases.coverage(frozen)).hasValueSatisfying(span -> assertThat(span).startsWith(earliest.toString()));
    }

    @Test
    void productsAreFrozenPackagedInAValidBagAndDescribedInTheCatalogueAndOnTheLandingPage() throws Exception {
        String collection = newCollection();
        List<ProductDetail> expected = catalogued("1.0", FIRST_FOUR_DAYS);
        Release draft = asManager(() -> releases.createDraft(new ReleaseService.NewDraft(collection, "EIT means " + collection,
                CatalogFormat.GENERIC, "1.0", ReleaseFixtures.metadata("EIT mean maps 1.0"), eitMean("1.0", FIRST_FOUR_DAYS))));
        Release frozen = asManager(() -> releases.freeze(collection, "1.0", draft.lockVersion()));

        assertThat(frozen.fileCount()).isEqualTo(2);
        List<ReleaseFile> files = releases.files(frozen);
        assertThat(files).allSatisfy(file -> {
            assertThat(file.kind()).isEqualTo(FileKind.PRODUCT);
            assertThat(file.sha512()).hasSize(128);
            assertThat(file.catalogRow()).containsEntry("PRODUCT_TYPE", EitMeanRecipe.TYPE).containsEntry("PRODUCT_VERSION", "1.0")
                    .containsEntry("MISSION", "SOHO").containsEntry("INSTRUME", "EIT").containsEntry("OBSERVATION_ID", "MISSING");
        });
        ProductDetail firstProduct = expected.getFirst();
        ReleaseFile first = files.getFirst();
        assertThat(first.itemId()).isEqualTo(firstProduct.summary().id());
        assertThat(first.sha256()).isEqualTo(firstProduct.summary().sha256());
        assertThat(first.catalogRow()).containsEntry("PRODUCT_ID", Long.toString(firstProduct.summary().id()))
                .containsEntry("INPUT_IDS", Long.toString(firstProduct.summary().inputs().getFirst().observationId()))
                .containsEntry("SHA256", firstProduct.summary().sha256())
                .containsEntry("DATE-REF", firstProduct.summary().referenceTime().toString().replace("Z", ".000").substring(0, 23));
        assertThat(releases.contents(frozen)).containsExactly(new ReleaseContents(FileKind.PRODUCT, EitMeanRecipe.TYPE, "1.0", 2,
                files.stream().mapToLong(ReleaseFile::sizeBytes).sum()));

        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        packages.write(frozen, ArchiveStream.Format.TAR, tar);
        Path root = Files.createTempDirectory("product-bag-");
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar.toByteArray()))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(root)).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        Path bag = root.resolve("release-1.0");
        assertThat(IndependentBagVerifier.problems(bag)).isEmpty();
        try (gov.loc.repository.bagit.verify.BagVerifier loc = new gov.loc.repository.bagit.verify.BagVerifier()) {
            loc.isValid(new gov.loc.repository.bagit.reader.BagReader().read(bag), false);
        }
        assertThat(bag.resolve(first.packagePath())).isRegularFile();
        assertThat(Files.readAllBytes(bag.resolve(first.packagePath())))
                .isEqualTo(store.open(firstProduct.files().getFirst().storageKey()).readAllBytes());
        List<String> catalog = Files.readAllLines(bag.resolve("catalog.csv"));
        assertThat(catalog.getFirst()).startsWith(String.join(",", CatalogRows.GENERIC_COLUMNS))
                .endsWith(String.join(",", CatalogRows.PRODUCT_COLUMNS));
        assertThat(catalog).hasSize(3);
        assertThat(catalog.get(1)).startsWith(first.fileName() + "," + first.directory() + ",MISSING,SOHO,EIT,");
        try (var payload = Files.walk(bag.resolve("data"))) {
            assertThat(payload.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("previews are not released").allSatisfy(name -> assertThat(name).endsWith(".fits"));
        }

        asManager(() -> releases.publish(collection, "1.0", null));
        HttpResponse<String> landing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/releases/" + collection + "/1.0")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("id=\"pack-contents\"").contains("derived products")
                .contains("eit-mean 1.0").contains("data/products/eit-mean/1.0/yyyy/mm/dd/");
    }

    @Test
    void aProductFileChangedInStorageIsFoundAtFreezeAndNamed() throws Exception {
        String collection = newCollection();
        SelectionRules lastDay = eitMean("2.0", new SelectionRules.TimeRange(ReleaseFixtures.FIRST_DAY.plus(Duration.ofDays(5)),
                ReleaseFixtures.FIRST_DAY.plus(Duration.ofDays(7))));
        Release draft = asManager(() -> releases.createDraft(new ReleaseService.NewDraft(collection, "EIT means " + collection,
                CatalogFormat.GENERIC, "1.0", ReleaseFixtures.metadata("EIT mean maps 2.0"), lastDay)));
        ReleaseFile product = releases.selectionSummary(lastDay, 1).preview().getFirst();
        assertThat(product.kind()).isEqualTo(FileKind.PRODUCT);
        Path stored = store.resource(product.storageKey()).getFile().toPath();
        byte[] original = Files.readAllBytes(stored);
        byte[] flipped = original.clone();
        flipped[flipped.length - 1] ^= 0x01;
        stored.toFile().setWritable(true);
        Files.write(stored, flipped);
        try {
            assertThatThrownBy(() -> asManager(() -> releases.freeze(collection, "1.0", draft.lockVersion())))
                    .isInstanceOfSatisfying(ReleaseException.Refused.class, refused -> assertThat(refused.problems())
                            .anySatisfy(problem -> {
                                assertThat(problem.pointer()).isEqualTo(product.packagePath());
                                assertThat(problem.message()).startsWith("product " + product.itemId() + ": ")
                                        .contains("does not match the catalogue");
                            }));
        } finally {
            Files.write(stored, original);
        }
        assertThat(releases.get(collection, "1.0").state().name()).isEqualTo("DRAFT");
    }
}
