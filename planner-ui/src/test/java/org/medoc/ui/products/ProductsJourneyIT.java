package org.medoc.ui.products;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medoc.archive.storage.Sha256;
import org.medoc.products.aia.AiaChannelSets;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductOutput;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.chain.RecipeContext;
import org.medoc.ui.BrowserJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product chain end to end in the running application: the demo archive's AIA sets are found by the scan, made by
 * the node's own scheduler with a small recipe installed for this test, and an anonymous visitor sees them in the
 * Products area with thumbnails and downloads the FITS; an archivist sees the runs.
 */
class ProductsJourneyIT extends BrowserJourney {

    /** A minimal recipe on the DEM chain's input sets: one FITS naming its inputs, one PNG preview. */
    @TestConfiguration
    static class JourneyRecipe {
        @Bean
        ProductRecipe journeyRecipe(AiaChannelSets demInputSets) {
            return new ProductRecipe() {
                @Override public String type() { return "journey"; }
                @Override public String version() { return "1.0"; }
                @Override public String title() { return "Journey test product"; }
                @Override public InputSetRule inputSets() { return demInputSets; }
                @Override public Map<String, Object> parameters() { return Map.of("purpose", "browser journey"); }

                @Override
                public ProductOutput make(InputSet inputs, Path outputDirectory, RecipeContext context) throws Exception {
                    String stamp = inputs.referenceTime().toString().replace(":", "").replace("-", "");
                    Path fitsFile = outputDirectory.resolve("journey_" + stamp + ".fits");
                    try (Fits fits = new Fits()) {
                        BasicHDU<?> hdu = Fits.makeHDU(new float[][] {{inputs.inputs().size()}});
                        hdu.getHeader().addValue("REFTIME", inputs.referenceTime().toString(), "");
                        fits.addHDU(hdu);
                        fits.write(fitsFile.toFile());
                    }
                    Path preview = outputDirectory.resolve("journey_" + stamp + ".png");
                    ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", preview.toFile());
                    return new ProductOutput(List.of(ProductOutput.OutputFile.data(fitsFile), ProductOutput.OutputFile.preview(preview)),
                            Map.of("inputs", inputs.inputs().size()));
                }
            };
        }
    }

    @Autowired ProductCatalogue catalogue;

    private List<ProductSummary> products;

    @BeforeAll
    void theDemoSetsAreMadeByTheChain() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            products = catalogue.search(new ProductQuery("journey", null, null, null, 0, 10)).items();
            if (products.size() >= 2) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        // the demo seeder writes two AIA six-channel sets, half an hour apart
        assertThat(products).hasSize(2);
    }

    @Test
    void anonymousVisitorReadsTheServicePageSeesTheMapsAndDownloadsOne() throws Exception {
        BrowserContext context = newContext();
        Page page = context.newPage();
        page.navigate(url("/products"));
        assertThat(page.locator("#dem-service")).containsText("Gaussian DEM maps from SDO/AIA");
        assertThat(page.locator("#dem-service")).containsText("χ² > 11");
        assertThat(page.locator("#tab-runs")).hasCount(0);

        page.locator("#tab-maps").click();
        Locator type = page.locator("#product-type input");
        type.click();
        type.fill("journey");
        // pick the item from the list (Enter may come before the filtered list is there)
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("journey").setVisible(true)).first().click();
        assertThat(type).hasValue("journey");
        // choosing the product searches; the date fields stay empty: the latest maps
        assertThat(page.locator("#products-count")).hasText("2 products");

        Locator thumbnail = page.locator("#products-grid img").first();
        assertThat(thumbnail).isVisible();
        page.waitForCondition(() -> (Integer) thumbnail.evaluate("img => img.naturalWidth") == 32);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("products-maps.png")));

        Download download = page.waitForDownload(() -> page.locator("#products-grid a")
                .filter(new Locator.FilterOptions().setHasText("FITS")).first().click());
        Path saved = download.path();
        ProductSummary newest = products.getFirst();
        assertThat(download.suggestedFilename()).isEqualTo(newest.fileName());
        assertThat(Sha256.of(saved)).isEqualTo(newest.sha256());
        context.close();
    }

    @Test
    void anArchivistSeesTheRunsThatMadeThem() {
        BrowserContext context = newContext();
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#login-form input[name=username]").fill("archivist");
        page.locator("#login-form input[name=password]").fill(PASSWORD);
        page.locator("#login-form vaadin-button[slot=submit]").click();
        assertThat(page.locator("#current-user")).isVisible();
        page.navigate(url("/products"));
        page.locator("#tab-runs").click();
        Locator succeeded = page.locator("#runs-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("journey 1.0").setVisible(true));
        assertThat(succeeded.first()).isVisible();
        assertThat(page.locator("#runs-grid")).containsText("SUCCEEDED");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("products-runs.png")));
        context.close();
    }
}
