package org.medoc.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.medoc.TestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A user journey in a real browser: the application on a random port with the embedded database, and Debian's
 * Chromium driven by Playwright (no browser download: the network is closed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserJourney {

    protected static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    protected static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** medoc.demo.password of application-test.properties. */
    protected static final String PASSWORD = "test-demo-password";

    @LocalServerPort
    protected int port;

    protected Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void startTheBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "Chromium is missing at " + CHROMIUM + ": apt-get install -y chromium (as .ci/run does)";
            // a developer without Chromium gets a skipped journey; CI, which installs it, must never skip one
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                // without the background-networking flags Chromium floods the closed network with refused connections
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void closeTheBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh browser context: its own cookies, so no session carries over. */
    protected BrowserContext newContext() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true).setViewportSize(1600, 1000));
        context.setDefaultTimeout(30_000);
        return context;
    }

    /**
     * Logs {@code username} (a demo account, password {@link #PASSWORD}) in on this page and waits for the shell to
     * name them; the first page of a fresh application (frontend bundle, demo products being made) may take a while.
     */
    protected void logIn(Page page, String username) {
        page.navigate(url("/login"));
        page.locator("#login-form input[name=username]").fill(username);
        page.locator("#login-form input[name=password]").fill(PASSWORD);
        page.locator("#login-form vaadin-button[slot=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#current-user"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A real sample file of testdata/fits (failsafe passes testdata's location as medoc.testdata). */
    protected static Path sampleFits(String name) {
        Path file = TestData.fits().resolve(name);
        assertThat(file).as("sample file " + name).isRegularFile();
        return file;
    }
}
