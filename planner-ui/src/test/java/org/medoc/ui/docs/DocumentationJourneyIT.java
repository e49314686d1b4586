package org.medoc.ui.docs;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.medoc.ui.BrowserJourney;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An anonymous visitor reads the guides inside the application and follows a link from the index to a guide. */
class DocumentationJourneyIT extends BrowserJourney {

    @Test
    void anonymousVisitorOpensTheIndexAndFollowsALinkToAGuide() {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.navigate(url("/documentation"));
            assertThat(page.locator("#documentation-content h1")).hasText("medoc documentation");

            page.locator("#documentation-content a[href='documentation/getting-started']").first().click();
            assertThat(page.locator("#documentation-content h1")).hasText("Getting started");
            assertThat(page).hasTitle("Getting started · medoc");

            // a guide in a sub-folder of docs/, as the Products page links to it
            page.navigate(url("/documentation/algorithms/dem"));
            assertThat(page.locator("#documentation-content h1")).containsText("DEM maps");

            page.navigate(url("/documentation/no-such-guide"));
            assertThat(page.locator("#documentation-content h2")).hasText("No such page");
        }
    }
}
