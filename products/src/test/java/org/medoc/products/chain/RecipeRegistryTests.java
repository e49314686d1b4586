package org.medoc.products.chain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecipeRegistryTests {

    private static InputSummaryRecipe recipe(String type, String version) {
        return new InputSummaryRecipe(type, version, new SyntheticSets(Instant.EPOCH, 1, Duration.ofMinutes(30)));
    }

    @Test
    void anInstallationWithoutRecipesHasNothingToRun() {
        RecipeRegistry none = new RecipeRegistry(List.of());
        assertThat(none.types()).isEmpty();
        assertThat(none.currentRecipes()).isEmpty();
        assertThat(none.current("dem")).isEmpty();
    }

    @Test
    void theHighestVersionIsCurrentComparingNumbersAsNumbers() {
        RecipeRegistry registry = new RecipeRegistry(List.of(recipe("dem", "1.9"), recipe("dem", "1.10"), recipe("dem", "1.2")));
        assertThat(registry.current("dem").orElseThrow().version()).isEqualTo("1.10");
        assertThat(registry.find("dem", "1.2")).isPresent();
        assertThat(registry.currentRecipes()).hasSize(1);
        assertThat(RecipeRegistry.VERSIONS.compare("2.0", "1.10")).isPositive();
        assertThat(RecipeRegistry.VERSIONS.compare("1.0", "1.0.1")).isNegative();
    }

    @Test
    void productTypesListEachTypeOnceWithItsCurrentVersionEveryInstalledVersionAndTheCurrentDescription() {
        RecipeRegistry registry = new RecipeRegistry(List.of(recipe("dem", "1.10"), recipe("bulk", "1.0"), recipe("dem", "1.9")));
        assertThat(registry.productTypes()).extracting(ProductType::type).containsExactly("bulk", "dem");
        ProductType dem = registry.productType("dem").orElseThrow();
        assertThat(dem.version()).isEqualTo("1.10");
        assertThat(dem.versions()).containsExactly("1.9", "1.10");
        assertThat(dem.description().cadence()).isEqualTo(Duration.ofMinutes(30));
        assertThat(registry.productType("synoptic")).isEmpty();
    }

    @Test
    void twoRecipesForOneTypeAndVersionAreRefused() {
        assertThatThrownBy(() -> new RecipeRegistry(List.of(recipe("dem", "1.0"), recipe("dem", "1.0"))))
                .hasMessageContaining("two recipes for dem version 1.0");
    }

    @Test
    void instanceIdsAreDeterministicAndRoundTrip() {
        ProductInstance instance = new ProductInstance("dem", "1.0", Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(instance.id()).isEqualTo("dem:1.0:2024-01-01T00:00:00Z");
        assertThat(ProductInstance.parse(instance.id())).isEqualTo(instance);
        assertThatThrownBy(() -> new ProductInstance("dem", "1:0", Instant.EPOCH)).hasMessageContaining("version");
        assertThatThrownBy(() -> ProductInstance.parse("dem:1.0:yesterday")).hasMessageContaining("ISO-8601");
    }
}
