package org.medoc.ui.golf;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkParameter;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ui.BrowserJourney;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GOLF operator imports a housekeeping CSV with a limit excursion through the housekeeping screen, sees the alarm in
 * the dashboard and the violation shaded on the plot, acknowledges the alarm with a comment and writes a log entry
 * linked to it; an administrator then finds the import, the acknowledgement and the log entry in the audit view.
 * Drives Debian's Chromium through Playwright, as {@code IngestJourneyIT} does.
 */
class GolfJourneyIT extends BrowserJourney {

    @Autowired HkCatalogueService catalogue;
    @Autowired AlarmService alarms;

    private String mnemonic;
    private Instant start;
    private Path csv;

    /**
     * A parameter of its own (the catalogue is the operators' to edit, so the journey sets it up directly) with a
     * warning limit at 10 and a critical one at 20, and a file of six minutes that crosses both, three hours ago: inside
     * the range the housekeeping screen plots when it opens.
     */
    @BeforeAll
    void prepareTheParameterAndTheFile() throws IOException {
        mnemonic = "JOURNEY_T_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        catalogue.create(new HkCatalogueService.ParameterInput(mnemonic, "journey cell temperature", HkParameter.Subsystem.CELL,
                "degC", Calibration.IDENTITY, 60));
        start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        catalogue.setLimits(mnemonic, start.minus(Duration.ofDays(1)), new Limits(null, null, null, 10.0, null, 20.0), "golf-operator",
                "journey limits");
        StringBuilder text = new StringBuilder("time_utc,mnemonic,raw\n");
        double[] values = {5, 5, 15, 25, 15, 5};
        for (int i = 0; i < values.length; i++) {
            text.append(start.plus(Duration.ofMinutes(i))).append(',').append(mnemonic).append(',').append(values[i]).append('\n');
        }
        csv = Files.createTempDirectory("medoc-golf-it-").resolve(mnemonic.toLowerCase(java.util.Locale.ROOT) + ".csv");
        Files.writeString(csv, text, StandardCharsets.US_ASCII);
    }

    @AfterAll
    void removeTheFile() throws IOException {
        if (csv != null) {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(csv.getParent());
        }
    }

    @Test
    void anOperatorImportsAcknowledgesAndLogsAnExcursionAndAnAdministratorFindsItAllInTheAuditTrail() {
        String comment = "heater overshoot " + UUID.randomUUID().toString().substring(0, 6);
        String logText = "Cell heater overshoot during the journey, alarm acknowledged " + comment;
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            logIn(page, "golf-operator");

            // import through the housekeeping screen
            page.navigate(url("/golf/hk"));
            page.locator("#golf-hk-upload input[type=file]").setInputFiles(csv);
            Locator status = page.locator("#golf-hk-import-status");
            assertThat(status).containsText(csv.getFileName().toString() + ": 6 samples read, 6 added");
            assertThat(status).containsText("1 alarm(s) raised");
            assertThat(page.locator("#golf-alarm-summary")).containsText("unacknowledged");

            // the violation on the plot
            page.locator("#golf-plot-parameters input").fill(mnemonic);
            page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText(mnemonic)).first().click();
            page.keyboard().press("Escape");
            page.locator("#golf-plot").click();
            Locator plot = page.locator("#golf-plot-area svg");
            assertThat(plot.locator("text").filter(new Locator.FilterOptions().setHasText(mnemonic))).hasCount(1);
            assertThat(plot.locator("rect.violation").first()).isAttached();
            assertThat(plot.locator("line.limit-critical").first()).isAttached();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("golf-plot.png")));

            // the alarm on the dashboard, acknowledged with a comment
            Alarm alarm = alarms.between(mnemonic, start, start.plus(Duration.ofHours(1))).getFirst();
            page.navigate(url("/golf"));
            Locator alarmGrid = page.locator("#golf-alarms");
            Locator alarmCell = cell(alarmGrid, mnemonic);
            assertThat(alarmCell).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("golf-dashboard.png")));
            alarmCell.click();
            page.locator("#golf-alarm-comment input").fill(comment);
            page.locator("#golf-alarm-acknowledge").click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText("Alarm on " + mnemonic + " acknowledged"))).isVisible();
            assertThat(alarms.get(alarm.id()).acknowledgedBy()).isEqualTo("golf-operator");

            // a log entry linked to the alarm
            page.navigate(url("/golf/log"));
            page.locator("#golf-log-text textarea").fill(logText);
            page.locator("#golf-log-alarm input").fill(Long.toString(alarm.id()));
            page.locator("#golf-log-write").click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Log entry written")))
                    .isVisible();
            assertThat(cell(page.locator("#golf-log-entries"), logText)).isVisible();
        }

        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            logIn(page, "admin");
            page.navigate(url("/admin/audit"));
            page.locator("#audit-actor input").fill("golf-operator");
            page.locator("#audit-action input").fill("golf.");
            page.locator("#audit-search").click();
            Locator events = page.locator("#audit-events");
            assertThat(cell(events, "golf.hk-imported")).isVisible();
            assertThat(cell(events, csv.getFileName().toString() + ": 6 samples read")).isVisible();
            assertThat(cell(events, "golf.alarm-acknowledged")).isVisible();
            assertThat(cell(events, comment)).isVisible();
            assertThat(cell(events, "golf.log-written")).isVisible();
            assertThat(cell(events, logText)).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("golf-audit.png")));
        }
    }

    private static Locator cell(Locator grid, String text) {
        return grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text)).first();
    }
}
