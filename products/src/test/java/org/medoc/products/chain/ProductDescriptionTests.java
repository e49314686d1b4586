package org.medoc.products.chain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductDescriptionTests {

    @Test
    void durationsAreSaidInTheirLargestWholeUnit() {
        assertThat(ProductDescription.inWords(Duration.ofMinutes(30))).isEqualTo("30 min");
        assertThat(ProductDescription.inWords(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(ProductDescription.inWords(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(ProductDescription.inWords(Duration.ofDays(27))).isEqualTo("27 days");
        assertThat(ProductDescription.inWords(Duration.ofSeconds(90))).isEqualTo("90 s");
    }

    @Test
    void theDocumentationPageIsRelativeToTheDocumentationArea() {
        assertThatThrownBy(() -> new ProductDescription("DEM maps", "t", List.of(), "rule", Duration.ofMinutes(30), List.of(),
                "", "/documentation/algorithms/dem")).hasMessageContaining("algorithms/dem");
    }

    @Test
    void theFirstPreviewIsTheThumbnail() {
        ProductDescription description = new ProductDescription("DEM maps", "t", List.of(), "rule", Duration.ofMinutes(30),
                List.of(new ProductDescription.Preview("_em.png", "EM"), new ProductDescription.Preview("_logt.png", "log T")),
                null, null);
        assertThat(description.thumbnail()).hasValueSatisfying(preview -> assertThat(preview.suffix()).isEqualTo("_em.png"));
        assertThat(description.reading()).isEmpty();
    }
}
