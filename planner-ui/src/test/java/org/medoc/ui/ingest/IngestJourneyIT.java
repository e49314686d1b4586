package org.medoc.ui.ingest;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.ui.BrowserJourney;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An archivist uploads a real EIT image and a junk file through the Ingest view: the image is ingested (or skipped,
 * if an earlier test put it in the archive already), the junk is quarantined with its reason and listed in the
 * quarantine. Staff without the ARCHIVIST role, and anonymous visitors, cannot open the view. Drives Debian's
 * Chromium through Playwright, as {@code ArchiveJourneyIT} does.
 */
class IngestJourneyIT extends BrowserJourney {

    private Path eit;
    private Path junkDirectory;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void prepareTheFiles() throws IOException {
        eit = sampleFits("efz20040301.000010_s.fits");
        junkDirectory = Files.createTempDirectory("medoc-ingest-it-");
    }

    /** A fresh context per test: no session (and no login) carries over from one test to the next. */
    @BeforeEach
    void openAPage() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeThePage() {
        context.close();
    }

    @AfterAll
    void removeTheJunk() throws IOException {
        if (junkDirectory != null) {
            try (var files = Files.list(junkDirectory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(junkDirectory);
        }
    }

    @Test
    void archivistUploadsAnEitImageAndAJunkFileAndFindsTheJunkInQuarantine() throws IOException {
        // unique content: a junk file seen before would be answered from the quarantine without a new entry
        String junkName = "junk-" + UUID.randomUUID().toString().substring(0, 8) + ".fits";
        Path junk = junkDirectory.resolve(junkName);
        Files.writeString(junk, "this is not FITS " + UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);

        logIn("archivist");
        assertThat(page.locator("#nav-ingest")).isVisible();
        page.locator("#nav-ingest").click();
        assertThat(page.locator("#ingest-upload")).isVisible();
        assertThat(page.locator("#ingest-summary")).hasText("No files uploaded yet.");

        page.locator("#ingest-upload input[type=file]").setInputFiles(new Path[] {eit, junk});

        Locator summary = page.locator("#ingest-summary");
        assertThat(summary).hasText(Pattern.compile(
                "ingested 1, skipped 0 \\(already present\\), quarantined 1|ingested 0, skipped 1 \\(already present\\), quarantined 1"));
        Locator results = page.locator("#ingest-results");
        assertThat(cell(results, eit.getFileName().toString())).isVisible();
        assertThat(results.locator("vaadin-badge").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("INGESTED|SKIPPED")))).hasCount(1);
        assertThat(cell(results, junkName)).isVisible();
        assertThat(results.locator("vaadin-badge").filter(new Locator.FilterOptions().setHasText("QUARANTINED"))).hasCount(1);
        assertThat(results.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^not a FITS file")))).hasCount(1);
        // the ingested or already present image links to its file in the archive
        Locator fileLink = results.locator("a[href^='api/v1/observations/'][href$='/file']");
        assertThat(fileLink).hasCount(1);
        APIResponse archived = page.request().get(url("/" + fileLink.getAttribute("href")));
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body()).as("the archived file behind the link").isEqualTo(Files.readAllBytes(eit));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ingest-results.png")));

        page.locator("#ingest-tab-quarantine").click();
        Locator quarantine = page.locator("#quarantine-grid");
        assertThat(quarantine).isVisible();
        assertThat(cell(quarantine, junkName)).isVisible();
        assertThat(quarantine.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("upload by archivist")).first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ingest-quarantine.png")));
    }

    @Test
    void aPlannerHasNoIngestAreaAndCannotOpenIt() {
        logIn("planner");
        assertThat(page.locator("#nav-archive")).isVisible();
        assertThat(page.locator("#nav-ingest")).hasCount(0);
        page.navigate(url("/ingest"));
        assertThat(page.locator("#ingest-view")).hasCount(0);
        assertThat(page.locator("#ingest-upload")).hasCount(0);
        assertThat(page.locator("body")).containsText("Could not navigate to 'ingest'");
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        page.navigate(url("/ingest"));
        assertThat(page.locator("#login-form")).isVisible();
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertThat(page.locator("#ingest-view")).hasCount(0);
        assertThat(page.locator("#nav-ingest")).hasCount(0);
    }

    private void logIn(String username) {
        logIn(page, username);
    }

    private static Locator cell(Locator grid, String text) {
        return grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first();
    }
}
