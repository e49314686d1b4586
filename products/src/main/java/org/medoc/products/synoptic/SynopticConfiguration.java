package org.medoc.products.synoptic;

import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.products.chain.ProductRecipe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/**
 * The synoptic chain's wiring ({@code medoc.products.synoptic.*}): input rule ({@code window}, default ±14 days;
 * {@code sampling}, one image per channel every 12 h), merge ({@code resolution} 0.1°, {@code rotation} howard or
 * snodgrass, {@code mu-minimum} 0.2, {@code time-scale} 1 day) and production range ({@code days-back} 30,
 * {@code days-ahead} 3). Not a {@code @Configuration}: installed only by its line in
 * {@link org.medoc.products.ProductRecipesConfiguration}.
 */
public class SynopticConfiguration {

    @Bean
    public SynopticInputSets synopticInputSets(CatalogueService catalogue,
                                               @Value("${medoc.products.synoptic.window:14d}") Duration window,
                                               @Value("${medoc.products.synoptic.sampling:12h}") Duration sampling) {
        return new SynopticInputSets(catalogue, window, sampling);
    }

    /** Synoptic maps of every day with EIT or AIA images in its window. */
    @Bean
    public ProductRecipe synopticMapsRecipe(SynopticInputSets synopticInputSets,
                                            @Value("${medoc.products.synoptic.resolution:0.1}") double resolution,
                                            @Value("${medoc.products.synoptic.rotation:howard}") String rotation,
                                            @Value("${medoc.products.synoptic.mu-minimum:0.2}") double muMinimum,
                                            @Value("${medoc.products.synoptic.time-scale:1d}") Duration timeScale,
                                            @Value("${medoc.products.synoptic.days-back:30}") int daysBack,
                                            @Value("${medoc.products.synoptic.days-ahead:3}") int daysAhead) {
        SynopticParameters parameters = new SynopticParameters(CarringtonGrid.ofResolution(resolution),
                DifferentialRotation.named(rotation), muMinimum, timeScale);
        return new SynopticMapsRecipe(synopticInputSets, new SynopticMapMaker(parameters), Duration.ofDays(daysBack),
                Duration.ofDays(daysAhead), Clock.systemUTC());
    }
}
