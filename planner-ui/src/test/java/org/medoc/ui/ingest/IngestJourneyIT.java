package org.medoc.ui.ingest;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An archivist uploads a real EIT image and a junk file through the Ingest view: the image is ingested (or skipped,
 * if an earlier test put it in the archive already), the junk is quarantined with its reason and listed in the
 * quarantine. Staff without the ARCHIVIST role, and anonymous visitors, cannot open the view. Drives Debian's
 * Chromium through Playwright, as {@code ArchiveJourneyIT} does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestJourneyIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** medoc.demo.password of application-test.properties. */
    private static final String PASSWORD = "test-demo-password";

    @LocalServerPort
    int port;

    private Path eit;
    private Path junkDirectory;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void startTheBrowser() throws IOException {
        String sharedData = System.getProperty("medoc.shared-data");
        if (sharedData == null) {
            fail("system property medoc.shared-data is not set: run through Maven (failsafe sets it from the root pom)");
        }
        eit = Path.of(sharedData, "fits", "efz20040301.000010_s.fits");
        assertThat(eit).as("the EIT sample file").isRegularFile();
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": install Debian's package (apt-get install -y chromium), as .ci/run does");
        }
        junkDirectory = Files.createTempDirectory("medoc-ingest-it-");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                // without the background-networking flags Chromium floods the closed network with refused connections
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        Files.createDirectories(SCREENSHOTS);
    }

    /** A fresh context per test: no session (and no login) carries over from one test to the next. */
    @BeforeEach
    void openAPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeThePage() {
        context.close();
    }

    @AfterAll
    void closeTheBrowser() throws IOException {
        if (playwright != null) {
            playwright.close();
        }
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
        page.navigate(url("/login"));
        page.locator("#login-form input[name=username]").fill(username);
        page.locator("#login-form input[name=password]").fill(PASSWORD);
        page.locator("#login-form vaadin-button[slot=submit]").click();
        assertThat(page.locator("#current-user")).isVisible();
    }

    private static Locator cell(Locator grid, String text) {
        return grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
