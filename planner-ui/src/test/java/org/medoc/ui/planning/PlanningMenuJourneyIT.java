package org.medoc.ui.planning;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.medoc.ui.BrowserJourney;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Every entry of the planning menu opens a screen (none says "coming soon"), and a signed-in user who is not a planner
 * reads them without the edit controls.
 */
class PlanningMenuJourneyIT extends BrowserJourney {

    /** Menu link id suffix to the id of the screen it opens and an element that shows the screen's data. */
    private static final Map<String, String[]> SCREENS = Map.of(
            "studies", new String[] {"#studies-view", "#studies-grid"},
            "bops", new String[] {"#bops-view", "#bops-grid"},
            "timeline", new String[] {"#timeline-view", "#timeline-grid"},
            "icns", new String[] {"#icns-view", "#icn-grid"},
            "mission", new String[] {"#mission-planning-view", "#mission-periods"},
            "executed", new String[] {"#executed-view", "#executed-completeness"},
            "instrument", new String[] {"#instrument-view", "#instrument-parameters"});

    @Test
    void everyMenuEntryOpensAScreenThatAnArchivistReadsWithoutEditControls() {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            logIn(page, "archivist");
            for (Map.Entry<String, String[]> screen : SCREENS.entrySet()) {
                page.navigate(url("/planning"));
                page.locator("#planning-menu-" + screen.getKey()).click();
                assertThat(page.locator(screen.getValue()[0])).isVisible();
                assertThat(page.locator(screen.getValue()[1])).isVisible();
                assertThat(page.locator("body")).not().containsText("Coming soon");
            }
            page.navigate(url("/planning/bops"));
            assertThat(page.locator("#bops-grid")).containsText("CAL-DARK-FULLSP");
            assertThat(page.locator("#bop-create")).isHidden();
            assertThat(page.locator("#bop-instantiate")).isHidden();
            page.navigate(url("/planning/icns"));
            assertThat(page.locator("#icn-grid")).containsText("Upload study set 27");
            assertThat(page.locator("#icn-save")).isHidden();
            assertThat(page.locator("#icn-decide")).isHidden();
            page.navigate(url("/planning/mission"));
            assertThat(page.locator("#mission-periods")).containsText("STP");
            assertThat(page.locator("#mission-period-save")).isHidden();
            page.navigate(url("/planning/executed"));
            assertThat(page.locator("#executed-completeness")).containsText("Completeness");
            page.navigate(url("/planning/instrument"));
            assertThat(page.locator("#instrument-parameters")).containsText("max_exposure_s");
            assertThat(page.locator("#instrument-save")).isHidden();
        }
    }
}
