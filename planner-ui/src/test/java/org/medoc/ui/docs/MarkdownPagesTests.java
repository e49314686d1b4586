package org.medoc.ui.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/*.md are packaged and rendered with tables; links between pages stay in the application. */
class MarkdownPagesTests {

    @Test
    void rendersThePlanningGuideWithItsRuleTables() {
        String html = MarkdownPages.render("planning").orElseThrow();
        assertThat(html).contains("<h1>SPICE planning</h1>");
        assertThat(html).contains("<table>").contains("<td>S1</td>");
    }

    @Test
    void linksBetweenPagesPointToTheDocumentationRoute() {
        // ingest.md links to fits-safety.md
        String ingest = MarkdownPages.render("ingest").orElseThrow();
        assertThat(ingest).contains("href=\"documentation/fits-safety\"").doesNotContain("href=\"fits-safety.md\"");
    }

    @Test
    void unknownOrUnsafePageNamesAreNotFound() {
        assertThat(MarkdownPages.render("no-such-page")).isEmpty();
        assertThat(MarkdownPages.render("../pom")).isEmpty();
    }
}
