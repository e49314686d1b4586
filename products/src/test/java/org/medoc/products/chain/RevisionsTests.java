package org.medoc.products.chain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Product revisions: their version names, the recipe that makes them, and when a set calls for one. */
class RevisionsTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** A recipe that remakes its products when their inputs change. */
    private static ProductRecipe revising(String version) {
        InputSummaryRecipe plain = new InputSummaryRecipe("maps", version, new SyntheticSets(T, 1, Duration.ofDays(1)));
        return new ProductRecipe() {
            public String type() { return plain.type(); }
            public String version() { return plain.version(); }
            public ProductDescription description() { return plain.description(); }
            public InputSetRule inputSets() { return plain.inputSets(); }
            public Map<String, Object> parameters() { return plain.parameters(); }
            public ProductOutput make(InputSet inputs, Path out, RecipeContext context) throws Exception {
                return plain.make(inputs, out, context);
            }
            @Override
            public boolean remakeWhenInputsChange() { return true; }
        };
    }

    private static InputSet set(long... observationIds) {
        return new InputSet(T, java.util.Arrays.stream(observationIds).mapToObj(id -> new InputFile(id, "aia171",
                "f" + id + ".fits", "0".repeat(64), "k" + id, 1, T)).toList(), List.of());
    }

    @Test
    void aRevisionNamesItsRecipeVersionAndItsNumber() {
        assertThat(Revisions.productVersion("1.0", 1)).isEqualTo("1.0");
        assertThat(Revisions.productVersion("1.0", 3)).isEqualTo("1.0-r3");
        assertThat(Revisions.baseVersion("1.0-r3")).isEqualTo("1.0");
        assertThat(Revisions.revision("1.0-r3")).isEqualTo(3);
        assertThat(Revisions.baseVersion("1.0")).isEqualTo("1.0");
        assertThat(Revisions.revision("1.0")).isEqualTo(1);
    }

    @Test
    void aRevisionIsMadeByItsBaseRecipeOnlyWhenThatRecipeRevisesItsProducts() {
        RecipeRegistry registry = new RecipeRegistry(List.of(revising("1.0"),
                new InputSummaryRecipe("dem", "1.0", new SyntheticSets(T, 1, Duration.ofDays(1)))));
        assertThat(registry.find("maps", "1.0-r2")).map(ProductRecipe::version).contains("1.0");
        assertThat(registry.find("dem", "1.0-r2")).isEmpty();
        assertThat(registry.find("maps", "2.0-r2")).isEmpty();
    }

    @Test
    void aSetCallsForTheFirstProductThenForTheNextRevisionOnlyWhenItsObservationsChanged() {
        ProductRecipe recipe = revising("1.0");
        assertThat(ChainScanner.versionToMake(recipe, set(1, 2), null)).contains("1.0");
        ChainRepository.LatestRevision second = new ChainRepository.LatestRevision("1.0-r2", 2, Set.of(1L, 2L));
        assertThat(ChainScanner.versionToMake(recipe, set(2, 1), second)).isEqualTo(Optional.empty());
        assertThat(ChainScanner.versionToMake(recipe, set(1, 2, 3), second)).contains("1.0-r3");
        assertThat(ChainScanner.versionToMake(recipe, set(1), second)).contains("1.0-r3");
    }
}
