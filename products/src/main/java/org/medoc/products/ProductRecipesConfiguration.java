package org.medoc.products;

import org.medoc.products.currents.CurrentsConfiguration;
import org.medoc.products.dem.DemConfiguration;
import org.medoc.products.synoptic.SynopticConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * THE place where product chains are installed. A chain is one package with its kernel, recipe, input rule and
 * configuration ({@code org.medoc.products.dem}, later {@code synoptic}, {@code currents}); its configuration class is
 * not found by component scanning, so listing it here is what installs it. The chain runs every
 * {@link org.medoc.products.chain.ProductRecipe} bean (see {@link org.medoc.products.chain.RecipeRegistry}), and the
 * Products area shows each one's description.
 */
@Configuration(proxyBeanMethods = false)
@Import({
        DemConfiguration.class, // dem 1.0: Gaussian DEM maps of every AIA six-channel set (medoc.products.dem.*)
        CurrentsConfiguration.class, // currents 1.0: Jz maps of SHARP records every 3 h (medoc.products.currents.*)
        SynopticConfiguration.class, // synoptic 1.0: daily Carrington maps per EIT/AIA channel (medoc.products.synoptic.*)
})
public class ProductRecipesConfiguration {
}
