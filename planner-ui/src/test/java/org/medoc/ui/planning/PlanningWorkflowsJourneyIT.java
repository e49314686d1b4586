package org.medoc.ui.planning;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.medoc.planner.period.StpCalendar;
import org.medoc.ui.BrowserJourney;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval of an instrument change notice across two people (a planner writes and submits it, can't approve it
 * himself, an administrator approves it), and a planner placing the demo BOP on an STP and finding its runs on the
 * timeline.
 */
class PlanningWorkflowsJourneyIT extends BrowserJourney {

    @Test
    void aPlannerSubmitsAnIcnThatOnlySomeoneElseCanApprove() {
        String title = "Journey ICN " + (System.nanoTime() % 100000);
        String number;
        try (BrowserContext context = newContext()) {
            Page page = login(context, "planner");
            page.navigate(url("/planning/icns"));
            assertThat(page.locator("#icn-grid")).isVisible();
            page.locator("#icn-new").click();
            page.locator("#icn-title input").fill(title);
            page.locator("#icn-rationale textarea").fill("Raise the exposure limit for the limb campaign");
            page.locator("#icn-effective-stp input").fill("900");
            page.locator("#icn-save").click();
            assertThat(page.locator("#icn-editing")).containsText("DRAFT");
            page.locator("#icn-submit").click();
            assertThat(page.locator("#icn-editing")).containsText("SUBMITTED");
            assertThat(page.locator("#icn-detail")).containsText("Effective STP: STP900");
            // rule C1: the author never approves his own ICN
            assertThat(page.locator("#icn-decide")).isDisabled();
            Matcher matcher = Pattern.compile("ICN-\\d{4}-\\d{3,}").matcher(page.locator("#icn-editing").textContent());
            assertThat(matcher.find()).isTrue();
            number = matcher.group();
        }
        try (BrowserContext context = newContext()) {
            Page page = login(context, "admin");
            page.navigate(url("/planning/icns"));
            page.locator("#icn-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(number)).first().click();
            assertThat(page.locator("#icn-editing")).containsText(number + ", SUBMITTED");
            page.locator("#icn-decide").click();
            page.locator("#icn-decision-comment textarea").fill("Fine for the limb campaign");
            page.locator("#icn-approve").click();
            assertThat(page.locator("#icn-editing")).containsText(number + ", APPROVED");
            assertThat(page.locator("#icn-detail")).containsText("Decision: APPROVED by admin (ADMIN)");
            assertThat(page.locator("#icn-history")).containsText("SUBMITTED → APPROVED by admin");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("planning-icn-approved.png")));
        }
    }

    @Test
    void aPlannerPlacesTheDemoBopOnAnStpAndFindsItsRunsOnTheTimeline() {
        // the demo plans STP now+3 and now+4 (DemoPlanningSeeder); the second has the larger telemetry allocation
        int stpNumber = StpCalendar.stpAt(Instant.now()) + 4;
        String label = "STP" + stpNumber;
        // the view proposes one hour after the STP start, free in the demo plan (its runs start at 00:30 and 02:00)
        Instant blockStart = StpCalendar.stpStart(stpNumber).plus(Duration.ofHours(1));
        try (BrowserContext context = newContext()) {
            Page page = login(context, "planner");
            page.navigate(url("/planning"));
            page.locator("#planning-menu-bops").click();
            assertThat(page.locator("#bops-grid")).containsText("CAL-DARK-FULLSP");
            page.locator("#bops-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("CAL-DARK-FULLSP")).first().click();
            assertThat(page.locator("#bop-version-state")).containsText("released");
            assertThat(page.locator("#bop-items")).containsText("+00:01:00");
            page.locator("#bop-stp input").fill(label);
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(label)).first().click();
            page.locator("#bop-instantiate").click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Placed CAL-DARK-FULLSP v1 on " + label)))
                    .isVisible();
            assertThat(page.locator("#bop-instances")).containsText(blockStart.toString().replace('T', ' '));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("planning-bop-placed.png")));

            page.navigate(url("/planning/timeline"));
            page.locator("#timeline-stp input").fill(label);
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(label)).first().click();
            Locator grid = page.locator("#timeline-grid");
            assertThat(grid).containsText(blockStart.toString());
            assertThat(grid).containsText(blockStart.plusSeconds(60).toString());
            assertThat(grid.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("CAL_DARK_FS_SL04_1.0S_FD")))
                    .not().hasCount(0);
        }
    }

    private Page login(BrowserContext context, String user) {
        Page page = context.newPage();
        logIn(page, user);
        return page;
    }
}
