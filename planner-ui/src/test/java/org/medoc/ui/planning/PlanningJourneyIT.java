package org.medoc.ui.planning;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.medoc.planner.export.Csv;
import org.medoc.planner.period.StpCalendar;
import org.medoc.ui.BrowserJourney;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A planner creates a study, places it twice in an STP, gets the overlap error, fixes it and exports the timeline.
 */
class PlanningJourneyIT extends BrowserJourney {

    @Test
    void plannerCreatesAStudyPlacesItTwiceFixesTheOverlapAndExportsTheTimeline() throws Exception {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            logIn(page, "planner");

            // the study: a 10-position raster of 5 s exposures, one O VI window picked by its line
            page.navigate(url("/planning/studies"));
            assertThat(page.locator("#studies-grid")).isVisible();
            String variant = "E2E" + (System.nanoTime() % 100000);
            fill(page, "#study-variant", variant);
            fill(page, "#study-positions", "10");
            fill(page, "#study-exposure", "5");
            page.locator("#study-line input").fill("O VI 103.19 nm");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("O VI 103.19 nm")).first().click();
            page.locator("#study-add-window").click();
            assertThat(page.locator("#study-windows")).containsText("O VI 103.19 nm");
            assertThat(page.locator("#study-estimate")).containsText("Duration 50 s");
            assertThat(page.locator("#study-findings")).containsText("S15");
            page.locator("#study-save").click();
            String name = "SCI_SYNOPTIC-" + variant + "_SC_SL04_5.0S_FF";
            assertThat(page.locator("#study-editing")).containsText("revision 1, DRAFT");
            page.locator("#study-approve").click();
            assertThat(page.locator("#study-editing")).containsText("APPROVED");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("planning-study.png")));

            // the timeline of a fresh STP
            page.navigate(url("/planning/timeline"));
            int stpNumber = 700 + (int) (System.nanoTime() % 50);
            fill(page, "#timeline-new-stp", Integer.toString(stpNumber));
            page.locator("#timeline-create-stp").click();
            assertThat(page.locator("#timeline-stp input")).hasValue(java.util.regex.Pattern.compile("STP" + stpNumber + ".*"));
            page.locator("#timeline-study input").fill(name);
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
            Instant day = StpCalendar.stpStart(stpNumber).plusSeconds(86_400);
            fill(page, "#timeline-start", day.toString());
            page.locator("#timeline-place").click();
            assertThat(page.locator("#timeline-grid")).containsText(day.toString());
            fill(page, "#timeline-start", day.plusSeconds(10).toString());
            page.locator("#timeline-place").click();
            Locator grid = page.locator("#timeline-grid");
            assertThat(grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("T1 ERROR")).first()).isVisible();
            assertThat(page.locator("#timeline-svg")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("planning-overlap.png")));

            // fix: select the second run by its start cell (the first run's findings mention that time too; ISO times hold no
            // regular-expression characters) and move it after the first
            fill(page, "#timeline-start", "");
            grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(
                    java.util.regex.Pattern.compile("^" + day.plusSeconds(10) + "$"))).first().click();
            assertThat(page.locator("#timeline-start input")).hasValue(day.plusSeconds(10).toString());
            fill(page, "#timeline-start", day.plusSeconds(60).toString());
            page.locator("#timeline-move").click();
            assertThat(grid).containsText(day.plusSeconds(60).toString());
            assertThat(grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("T1 ERROR"))).hasCount(0);

            // export the timeline and read it back
            Download download = page.waitForDownload(() -> page.locator("#timeline-export-csv").click());
            List<List<String>> rows = Csv.parse(Files.readString(download.path()));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).get(2)).isEqualTo(day.toString());
            assertThat(rows.get(2).get(2)).isEqualTo(day.plusSeconds(60).toString());
            assertThat(rows.get(1).get(7)).isEqualTo(name);
            assertThat(rows.get(2).get(14)).doesNotContain("T1");
        }
    }

    private static void fill(Page page, String field, String value) {
        Locator input = page.locator(field + " input");
        input.fill(value);
        input.press("Enter");
    }
}
