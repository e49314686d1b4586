package org.medoc.ui.release;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.medoc.ui.BrowserJourney;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release manager builds, freezes and publishes a release of the demo data in the Releases view; an anonymous
 * visitor then opens its landing page, downloads the bag and checks every payload file against the bag's
 * manifest-sha256.txt. Debian's Chromium through Playwright.
 */
class ReleaseJourneyIT extends BrowserJourney {

    @Test
    void aReleaseManagerPublishesAReleaseThatAnAnonymousVisitorDownloadsAndVerifies() throws Exception {
        try (BrowserContext manager = newContext()) {
            Page page = manager.newPage();
            logIn(page, "release-manager");
            page.navigate(url("/release-manager"));
            assertThat(page.locator("#releases-grid")).isVisible();

            page.locator("#new-draft").click();
            page.locator("#new-collection input").fill("journey");
            page.locator("#new-collection-title input").fill("Journey data");
            page.locator("#new-version-number input").fill("1.0");
            page.locator("#create-draft").click();
            assertThat(page.locator("#release-heading")).hasText("journey 1.0");
            assertThat(page.locator("#release-identifier")).containsText("no DOI registered");

            fill(page, "#metadata-creators textarea", "org: Journey team\nBuchlin, Éric | 0000-0002-1825-0097 | IAS | https://ror.org/02feahw73");
            fill(page, "#metadata-publisher input", "MEDOC");
            fill(page, "#metadata-description textarea", "AIA images of the demo set, released by the browser journey.");
            fill(page, "#metadata-license input", "CC-BY-4.0");
            fill(page, "#metadata-license-url input", "https://creativecommons.org/licenses/by/4.0/");
            page.locator("#save-metadata").click();
            assertThat(page.getByText("Metadata saved: journey 1.0")).isVisible();

            page.locator("#tab-selection").click();
            fill(page, "#selection-instruments input", "AIA");
            assertThat(page.locator("#selection-count")).containsText(" files, ");
            assertThat(page.locator("#selection-count")).not().containsText("0 files");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("release-selection.png")));
            page.locator("#save-selection").click();
            assertThat(page.getByText("Selection saved: journey 1.0")).isVisible();

            page.locator("#tab-validation").click();
            page.locator("#validate").click();
            assertThat(page.locator("#validation-problems")).not().containsText("error");

            page.locator("#freeze").click();
            page.locator("#confirm-button").click();
            assertThat(page.getByText("Frozen: journey 1.0")).isVisible();
            assertThat(page.locator("#publish")).isEnabled();
            page.locator("#publish").click();
            page.locator("#confirm-button").click();
            assertThat(page.getByText("Published: journey 1.0")).isVisible();
            assertThat(page.locator("#withdraw")).isEnabled();
            page.locator("#tab-history").click();
            assertThat(page.locator("#history-grid")).containsText("PUBLISHED");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("release-published.png")));
        }

        try (BrowserContext visitor = newContext()) {
            Page page = visitor.newPage();
            Response landing = page.navigate(url("/releases/journey/1.0"));
            assertThat(landing.status()).isEqualTo(200);
            assertThat(page.locator("#title")).hasText("Journey data Data Release 1.0");
            assertThat(page.locator("#no-doi")).containsText("No DOI is registered for this release.");
            assertThat(page.locator("#citation")).containsText("Journey team; Buchlin, Éric (");
            assertThat(page.locator("meta[name=citation_title]")).hasAttribute("content", "Journey data Data Release 1.0");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("release-landing.png")).setFullPage(true));

            Download download = page.waitForDownload(() -> page.locator("#download-zip").click());
            assertThat(download.suggestedFilename()).isEqualTo("medoc_journey_release-1.0.zip");
            Path zip = Files.createTempFile("release-", ".zip");
            download.saveAs(zip);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipArchiveInputStream in = new ZipArchiveInputStream(Files.newInputStream(zip))) {
                for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            Files.delete(zip);
            assertThat(new String(entries.get("release-1.0/bagit.txt"), StandardCharsets.UTF_8)).startsWith("BagIt-Version: 1.0\n");
            List<String> manifest = new String(entries.get("release-1.0/manifest-sha256.txt"), StandardCharsets.UTF_8).lines().toList();
            long payload = entries.keySet().stream().filter(name -> name.startsWith("release-1.0/data/")).count();
            assertThat(manifest).hasSize((int) payload).isNotEmpty();
            for (String line : manifest) {
                String[] parts = line.split(" ", 2);
                byte[] content = entries.get("release-1.0/" + parts[1]);
                assertThat(content).as(parts[1] + " is in the zip").isNotNull();
                assertThat(sha256(content)).as("SHA-256 of " + parts[1]).isEqualTo(parts[0]);
            }
            for (String line : new String(entries.get("release-1.0/tagmanifest-sha256.txt"), StandardCharsets.UTF_8).lines().toList()) {
                String[] parts = line.split(" ", 2);
                assertThat(sha256(entries.get("release-1.0/" + parts[1]))).as("SHA-256 of " + parts[1]).isEqualTo(parts[0]);
            }
            assertThat(new String(entries.get("release-1.0/catalog.csv"), StandardCharsets.UTF_8)).startsWith("FILENAME,FILE_PATH,OBSERVATION_ID,");

            Response demo = page.navigate(url("/releases/spice-demo/1.0"));
            assertThat(demo.status()).as("the demo data includes a published release").isEqualTo(200);
            Response draft = page.navigate(url("/releases/aia-demo/1.0"));
            assertThat(draft.status()).as("the demo draft is not public").isEqualTo(404);
        }
    }

    /** Fills a Vaadin field and leaves it, which commits the value to the server. */
    private static void fill(Page page, String selector, String value) {
        Locator field = page.locator(selector);
        field.fill(value);
        field.press("Tab");
    }

    private static String sha256(byte[] content) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(new java.io.ByteArrayInputStream(content), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
