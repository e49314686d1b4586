package org.medoc.products;

import org.medoc.products.aia.AiaChannelSets;
import org.medoc.products.chain.ProductRecipe;
import org.medoc.products.dem.DemMapMaker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * THE place where product recipes are installed. The chain runs every {@link org.medoc.products.chain.ProductRecipe}
 * bean (see {@link org.medoc.products.chain.RecipeRegistry}); they are declared here so that what this installation
 * produces can be read in one file.
 */
@Configuration(proxyBeanMethods = false)
public class ProductRecipesConfiguration {

    /** DEM maps of every AIA six-channel set ({@code medoc.products.dem.*} sets tolerance, cadence, minimum channels). */
    @Bean
    ProductRecipe demMapsRecipe(AiaChannelSets demInputSets) {
        return new DemMapsRecipe(demInputSets, DemMapMaker.standard());
    }
}
