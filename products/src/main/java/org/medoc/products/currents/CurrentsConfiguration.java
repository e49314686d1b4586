package org.medoc.products.currents;

import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.products.chain.ProductRecipe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The current maps chain's wiring: its input rule, one SHARP record per HARP and series every
 * {@code medoc.products.currents.cadence} (default 3 h, every 15th T_REC), and its recipe. Like
 * {@link org.medoc.products.dem.DemConfiguration}, not a {@code @Configuration}: installed only by its line in
 * {@link org.medoc.products.ProductRecipesConfiguration}.
 */
public class CurrentsConfiguration {

    @Bean
    public SharpRecords currentsInputSets(CatalogueService catalogue,
                                          @Value("${medoc.products.currents.cadence:3h}") Duration cadence) {
        return new SharpRecords(catalogue, cadence);
    }

    /** Jz maps of every chosen SHARP record. */
    @Bean
    public ProductRecipe currentMapsRecipe(SharpRecords currentsInputSets) {
        return new CurrentMapsRecipe(currentsInputSets);
    }
}
