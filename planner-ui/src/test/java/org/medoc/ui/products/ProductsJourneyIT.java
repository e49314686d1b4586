package org.medoc.ui.products;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medoc.archive.storage.Sha256;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.ui.BrowserJourney;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product chain end to end in the running application: the demo archive's four synthetic AIA sets are found by the
 * scan and made into DEM maps by the node's own scheduler, an anonymous visitor sees them in the Products area with
 * thumbnails and downloads the FITS, and an archivist sees the runs.
 */
class ProductsJourneyIT extends BrowserJourney {

    @Autowired ProductCatalogue catalogue;

    private List<ProductSummary> products;

    @BeforeAll
    void theDemoSetsAreMadeByTheChain() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            products = catalogue.search(new ProductQuery("dem", null, null, null, 0, 10)).items();
            if (products.size() >= 4) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        // the demo seeder writes four AIA six-channel sets, half an hour apart
        assertThat(products).hasSize(4);
    }

    @Test
    void anonymousVisitorReadsTheServicePageSeesTheMapsAndDownloadsOne() throws Exception {
        BrowserContext context = newContext();
        Page page = context.newPage();
        page.navigate(url("/products"));
        // the service tabs come by type (currents, dem, ...)
        page.locator("#tab-service-dem").click();
        assertThat(page.locator("#dem-service")).containsText("Gaussian DEM maps from SDO/AIA");
        assertThat(page.locator("#dem-service")).containsText("χ² > 11");
        assertThat(page.locator("#dem-algorithm-link")).hasAttribute("href", "documentation/algorithms/dem");
        assertThat(page.locator("#tab-runs")).hasCount(0);

        page.locator("#tab-maps").click();
        Locator type = page.locator("#product-type input");
        type.click();
        type.fill("dem");
        // pick the item from the list (Enter may come before the filtered list is there)
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("dem").setVisible(true)).first().click();
        assertThat(type).hasValue("dem");
        // choosing the product searches; the date fields stay empty: the latest maps
        assertThat(page.locator("#products-count")).hasText("4 products");

        Locator thumbnail = page.locator("#products-grid img").first();
        assertThat(thumbnail).isVisible();
        page.waitForCondition(() -> (Integer) thumbnail.evaluate("img => img.naturalWidth") > 0);
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
    void anonymousVisitorSeesTheCurrentMapOfTheDemoSharpSample() throws InterruptedException {
        // the demo seeder schedules the packaged HARP 377 record's current map at start
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<ProductSummary> maps;
        do {
            maps = catalogue.search(new ProductQuery("currents", null, null, null, java.util.Map.of("harp", "377"), 0, 10)).items();
            if (!maps.isEmpty()) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertThat(maps).isNotEmpty();

        BrowserContext context = newContext();
        Page page = context.newPage();
        page.navigate(url("/products"));
        page.locator("#tab-service-currents").click();
        assertThat(page.locator("#currents-service")).containsText("Electric current density maps");
        Locator latest = page.locator("#currents-latest");
        assertThat(latest).containsText("377");
        assertThat(latest).containsText("11158");
        assertThat(latest).containsText("sci");
        Locator preview = page.locator("#currents-latest img").first();
        assertThat(preview).isVisible();
        page.waitForCondition(() -> (Integer) preview.evaluate("img => img.naturalWidth") > 0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("products-currents.png")));
        context.close();
    }

    @Test
    void anArchivistSeesTheRunsThatMadeThem() {
        BrowserContext context = newContext();
        Page page = context.newPage();
        logIn(page, "archivist");
        page.navigate(url("/products"));
        page.locator("#tab-runs").click();
        Locator succeeded = page.locator("#runs-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("dem 1.0").setVisible(true));
        assertThat(succeeded.first()).isVisible();
        assertThat(page.locator("#runs-grid")).containsText("SUCCEEDED");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("products-runs.png")));
        context.close();
    }
}
