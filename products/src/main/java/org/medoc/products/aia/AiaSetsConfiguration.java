package org.medoc.products.aia;

import org.medoc.archive.catalogue.CatalogueService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The DEM chain's input sets: the six coronal AIA channels within {@code medoc.products.dem.tolerance} (default ±30 s)
 * of every {@code medoc.products.dem.cadence} (default 30 min), at least {@code medoc.products.dem.minimum-channels}
 * (default 3) present.
 */
@Configuration(proxyBeanMethods = false)
public class AiaSetsConfiguration {

    @Bean
    public AiaChannelSets demInputSets(CatalogueService catalogue,
                                       @Value("${medoc.products.dem.tolerance:30s}") Duration tolerance,
                                       @Value("${medoc.products.dem.cadence:30m}") Duration cadence,
                                       @Value("${medoc.products.dem.minimum-channels:3}") int minimumChannels) {
        return new AiaChannelSets(catalogue, AiaChannelSets.DEM_CHANNELS, tolerance, cadence, minimumChannels);
    }
}
