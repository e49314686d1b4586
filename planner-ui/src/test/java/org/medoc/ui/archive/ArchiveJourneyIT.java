package org.medoc.ui.archive;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medoc.ui.BrowserJourney;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous scientist finds the AIA 171 Å image of 2011-02-15 in the archive, opens it and downloads the very
 * file that was ingested. Drives Debian's Chromium through Playwright (no browser download: the network is closed).
 */
class ArchiveJourneyIT extends BrowserJourney {

    @Autowired
    IngestService ingest;

    private Path aia171;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void ingestTheFileAndOpenAPage() throws IOException {
        aia171 = sampleFits("aia_171_level1.fits");
        IngestReport report = ingest.ingest(List.of(aia171), "ArchiveJourneyIT");
        assertThat(report.outcomes()).singleElement()
                .satisfies(outcome -> assertThat(outcome.status().name()).isIn("INGESTED", "SKIPPED"));

        context = newContext();
        page = context.newPage();
    }

    @Test
    void anonymousVisitorFindsOpensAndDownloadsTheAia171Image() throws Exception {
        page.navigate(url("/archive"));
        assertThat(page.locator("#search-button")).isVisible();

        setDateTime("#search-from", "2011-02-14", "00:00");
        setDateTime("#search-to", "2011-02-16", "00:00");
        Locator instrument = page.locator("#search-instrument input");
        instrument.fill("AIA");
        instrument.press("Enter");
        page.locator("#search-wavelength input").fill("171");
        page.locator("#search-button").click();

        assertThat(page.locator("#results-count")).hasText("1 observation");
        // the grid recycles row elements: a cell of an earlier result may linger, hidden, with the same text
        Locator row = page.locator("#results-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("aia_171_level1.fits").setVisible(true));
        assertThat(row).isVisible();
        row.click();

        Locator panel = page.locator("#detail-panel");
        assertThat(panel).isVisible();
        assertThat(page.locator("#detail-title")).hasText("aia_171_level1.fits");
        assertThat(page.locator("#detail-header")).containsText("WAVELNTH");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("archive-results.png")));
        page.locator("#detail-header").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("archive-detail-header.png")));

        Download download = page.waitForDownload(() -> page.locator("#detail-download").click());
        Path saved = Files.createTempFile("medoc-download-", ".fits");
        download.saveAs(saved);
        assertThat(download.suggestedFilename()).isEqualTo("aia_171_level1.fits");
        assertThat(sha256(saved)).as("SHA-256 of the downloaded file").isEqualTo(sha256(aia171));
        Files.delete(saved);

        // the same file again, ticked and fetched as a tar through the bulk download
        page.locator("#results-grid vaadin-grid-cell-content vaadin-checkbox").filter(new Locator.FilterOptions().setVisible(true)).last().click();
        assertThat(page.locator("#bulk-download")).hasText("Download 1 selected (tar)");
        Download tar = page.waitForDownload(() -> page.locator("#bulk-download").click());
        assertThat(tar.suggestedFilename()).startsWith("medoc-").endsWith(".tar");
        Path savedTar = Files.createTempFile("medoc-download-", ".tar");
        tar.saveAs(savedTar);
        Map<String, String> entries = tarEntrySha256(savedTar);
        assertThat(entries).containsEntry("aia_171_level1.fits", sha256(aia171)).containsKey("SHA256SUMS");
        Files.delete(savedTar);
    }

    @Test
    void aTimeRangeEndingBeforeItStartsIsShownAsAFormError() {
        page.navigate(url("/archive"));
        setDateTime("#search-from", "2011-02-16", "00:00");
        setDateTime("#search-to", "2011-02-14", "00:00");
        page.locator("#search-button").click();
        assertThat(page.locator("#search-from")).hasAttribute("invalid", "");
        assertThat(page.locator("#search-from")).containsText("is after to");
    }

    @Test
    void aStaffMemberLogsInSeesTheirAreaAndLogsOut() {
        page.navigate(url("/login"));
        page.locator("#login-form input[name=username]").fill("golf-operator");
        page.locator("#login-form input[name=password]").fill("test-demo-password");
        page.locator("#login-form vaadin-button[slot=submit]").click();
        assertThat(page.locator("#current-user")).hasText("Demo GOLF Operator");
        assertThat(page.locator("#nav-golf")).isVisible();
        assertThat(page.locator("#nav-admin")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("logged-in.png")));
        // the REST API accepts the UI's session as well as HTTP Basic
        APIResponse me = page.request().get(url("/api/v1/me"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text()).contains("\"username\":\"golf-operator\"");
        page.locator("#logout-button").click();
        assertThat(page.locator("#login-link")).isVisible();
    }

    @Test
    void theLoginPageShowsTheLoginForm() {
        page.navigate(url("/login"));
        assertThat(page.locator("#login-form input[name=username]")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login.png")));
    }

    /** A date-time picker has a date and a time input; each commits its part on blur. */
    private void setDateTime(String pickerId, String date, String time) {
        Locator dateInput = page.locator(pickerId + " vaadin-date-picker input");
        dateInput.fill(date);
        dateInput.press("Enter");
        Locator timeInput = page.locator(pickerId + " vaadin-time-picker input");
        timeInput.fill(time);
        timeInput.press("Enter");
    }

    /** SHA-256 of every entry of a tar, by entry name. */
    private static Map<String, String> tarEntrySha256(Path tar) throws IOException, NoSuchAlgorithmException {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(in.readAllBytes());
                entries.put(entry.getName(), HexFormat.of().formatHex(digest.digest()));
            }
        }
        return entries;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
