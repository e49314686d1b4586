package org.medoc.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentationLibraryTests {

    private final DocumentationLibrary fixtures = new DocumentationLibrary("classpath*:doc-fixtures/medoc-docs/**/*.md");

    @Test
    void pagesAreNamedByTheirPathAndTitledByTheirFirstHeadingWithTheIndexFirst() {
        assertThat(fixtures.pages()).extracting(DocumentationPage::name).containsExactly("README", "algorithms/dem");
        assertThat(fixtures.pages()).extracting(DocumentationPage::title).containsExactly("Fixture index", "DEM maps algorithm");
    }

    @Test
    void linksBetweenGuidesPointAtTheDocumentationRouteKeepingTheirAnchor() {
        String index = fixtures.page("README").orElseThrow().html();
        assertThat(index).contains("href=\"documentation/algorithms/dem#grid\"")
                .contains("href=\"https://example.org/x.md\"");
        assertThat(fixtures.page("algorithms/dem").orElseThrow().html()).contains("href=\"documentation/README\"");
    }

    @Test
    void imagesPointAtTheCopiesServedByTheApplication() {
        assertThat(fixtures.page("README").orElseThrow().html()).contains("src=\"images/docs/archive.png\"");
    }

    @Test
    void rawHtmlAndScriptUrlsInAGuideAreNeverPassedThrough() {
        String index = fixtures.page("README").orElseThrow().html();
        assertThat(index).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(fixtures.page("algorithms/dem").orElseThrow().html()).doesNotContain("javascript:");
    }

    @Test
    void tablesAreRendered() {
        assertThat(fixtures.page("README").orElseThrow().html()).contains("<table>").contains("<td>1</td>");
    }

    @Test
    void namesThatAreNotPlainPageNamesAreNeverLookedUp() {
        assertThat(fixtures.page("../README")).isEmpty();
        assertThat(fixtures.page("algorithms/../README")).isEmpty();
        assertThat(fixtures.page("README.md")).isEmpty();
        assertThat(fixtures.page("/README")).isEmpty();
        assertThat(fixtures.page("missing")).isEmpty();
    }

    @Test
    void theGuidesOfDocsShipWithTheApplication() {
        DocumentationLibrary shipped = new DocumentationLibrary();
        assertThat(shipped.page("README")).hasValueSatisfying(page -> assertThat(page.title()).isEqualTo("medoc documentation"));
        assertThat(shipped.pages()).extracting(DocumentationPage::name).contains("getting-started", "archive", "ingest");
    }
}
