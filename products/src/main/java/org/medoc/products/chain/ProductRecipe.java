package org.medoc.products.chain;

import java.nio.file.Path;
import java.util.Map;

/**
 * How one product type is made: what its input sets are and how a set becomes product files. The chain engine does
 * everything else (scheduling, fetching inputs from the archive, storing outputs with their SHA-256, cataloguing,
 * provenance, retries), so a recipe is only science plus a rule for its inputs.
 *
 * <p>A product is identified by {@code (type, version, reference time)}. Changing what a recipe computes means a new
 * {@link #version()}: products of the old version stay catalogued and downloadable beside the new ones.
 *
 * <p>Recipes are Spring beans; the chain finds every {@code ProductRecipe} bean. A chain is one package holding its
 * kernel, recipe, input rule and configuration, installed by one line in {@code ProductRecipesConfiguration}.
 */
public interface ProductRecipe {

    /** Product type id, lower case, e.g. {@code dem}; the {@code type} of the API. */
    String type();

    /** Version of the algorithm and its parameters, e.g. {@code 1.0}; letters, digits, '.', '_' and '-', no ':'. */
    String version();

    /** One line for people: what the product is. */
    default String title() {
        return description().title();
    }

    /**
     * What the Products area and the API say about this product: title, what it is, its input rule in words, cadence,
     * previews with their legends and how to read them, the algorithm's documentation page. Values that come from the
     * configuration (cadence, tolerances) are taken from it, not repeated.
     */
    ProductDescription description();

    /** Which observations make one product, and at which reference times. */
    InputSetRule inputSets();

    /**
     * How far back from now the recurring scan looks for this type's sets; by default the chain's
     * {@code medoc.products.scan-lookback}. A type whose products cover past days on a rolling basis (synoptic maps of
     * J−30 … J) says so here.
     */
    default java.time.Duration scanLookback(java.time.Duration configured) {
        return configured;
    }

    /** How far ahead of now the scan looks (forecast products whose reference time is in the future); none by default. */
    default java.time.Duration scanLead() {
        return java.time.Duration.ZERO;
    }

    /**
     * Whether a product is made again when its input set changes (new observations in its window). The new product
     * is a revision: version {@code <version>-r2}, {@code -r3}, ... of the same recipe, the earlier ones kept.
     */
    default boolean remakeWhenInputsChange() {
        return false;
    }

    /** Parameters recorded in every product's provenance (tolerances, grids, thresholds, ...). */
    Map<String, Object> parameters();

    /**
     * Makes the product of one input set. Input files are already local ({@link RecipeContext#file}); outputs must be
     * written under {@code outputDirectory}. Throwing fails this attempt; the chain records the message and retries.
     */
    ProductOutput make(InputSet inputs, Path outputDirectory, RecipeContext context) throws Exception;
}
