package org.medoc.ui.products;

import org.junit.jupiter.api.Test;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductType;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Products area's service pages come from the recipes' descriptions alone. */
class ServicePageTests {

    private static ProductType synoptic(List<String> versions, String documentation) {
        return new ProductType("synoptic", versions.getLast(), versions, new ProductDescription("Synoptic maps",
                "Carrington synoptic maps", List.of("One map per rotation."), "HMI magnetograms of the day",
                Duration.ofDays(1), List.of(new ProductDescription.Preview("_br.png", "Br [G], colour bar -100 to 100")),
                "Grey where no magnetogram covers the longitude.", documentation));
    }

    @Test
    void aPageSaysWhatTheRecipeDescribesWithItsCadenceInputsLegendAndDocumentationLink() {
        ServicePage page = ServicePage.of(synoptic(List.of("1.0"), "algorithms/synoptic"));
        assertThat(page.tabLabel()).isEqualTo("Synoptic maps");
        assertThat(page.heading()).isEqualTo("Carrington synoptic maps");
        assertThat(page.paragraphs()).containsExactly("One map per rotation.");
        assertThat(page.inputRule()).isEqualTo("Inputs: HMI magnetograms of the day.");
        assertThat(page.cadence()).isEqualTo("A product every 1 day of observation time; version 1.0.");
        assertThat(page.legend()).containsExactly("Br [G], colour bar -100 to 100");
        assertThat(page.reading()).isEqualTo("How to read them: Grey where no magnetogram covers the longitude.");
        assertThat(page.documentationHref()).isEqualTo("documentation/algorithms/synoptic");
        assertThat(page.apiExample()).contains("type=synoptic");
        assertThat(page.pageId()).isEqualTo("synoptic-service");
        assertThat(page.tabId()).isEqualTo("tab-service-synoptic");
        assertThat(page.documentationId()).isEqualTo("synoptic-algorithm-link");
    }

    @Test
    void severalInstalledVersionsAreNamedAndAMissingDocumentationPageGivesNoLink() {
        ServicePage page = ServicePage.of(synoptic(List.of("1.0", "1.1"), null));
        assertThat(page.cadence()).isEqualTo("A product every 1 day of observation time; version 1.1 (installed: 1.0, 1.1).");
        assertThat(page.documentationHref()).isNull();
    }

    @Test
    void installedTypesComeFirstThenThoseOnlyTheCatalogueStillHolds() {
        List<String> types = ServicePage.searchableTypes(List.of(synoptic(List.of("1.0"), null)), Set.of("dem", "synoptic", "currents"));
        assertThat(types).containsExactly("synoptic", "currents", "dem");
    }
}
