package org.medoc.products.dem;

import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.products.chain.ProductRecipe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The DEM chain's wiring: its input rule, the six coronal AIA channels within {@code medoc.products.dem.tolerance}
 * (default ±30 s) of every {@code medoc.products.dem.cadence} (default 30 min), at least
 * {@code medoc.products.dem.minimum-channels} (default 3) present; and its recipe, {@link DemMapsRecipe} with the
 * standard fitter.
 *
 * <p>Deliberately not a {@code @Configuration}: component scanning does not find it, so the chain is installed only by
 * its line in {@link org.medoc.products.ProductRecipesConfiguration} ({@code @Import}), where what an installation
 * produces is read in one place.
 */
public class DemConfiguration {

    @Bean
    public AiaChannelSets demInputSets(CatalogueService catalogue,
                                       @Value("${medoc.products.dem.tolerance:30s}") Duration tolerance,
                                       @Value("${medoc.products.dem.cadence:30m}") Duration cadence,
                                       @Value("${medoc.products.dem.minimum-channels:3}") int minimumChannels) {
        return new AiaChannelSets(catalogue, AiaChannelSets.DEM_CHANNELS, tolerance, cadence, minimumChannels);
    }

    /** DEM maps of every AIA six-channel set. */
    @Bean
    public ProductRecipe demMapsRecipe(AiaChannelSets demInputSets) {
        return new DemMapsRecipe(demInputSets, DemMapMaker.standard());
    }
}
