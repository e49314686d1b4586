package org.medoc.demo;

import org.medoc.security.DemoAccounts;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * In demo mode, product-chain defaults sized for a laptop's first minute rather than for an archive: synoptic maps at
 * 0.5° (720 × 360, not 3600 × 1800) from ±3 days of data, so that the demo's few days of images give a handful of maps
 * at once. They are defaults only: any property set by the operator wins (the source is added last).
 */
class DemoProductDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "medoc.products.synoptic.resolution", "0.5",
            "medoc.products.synoptic.window", "3d");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (DemoAccounts.enabled(environment)) {
            environment.getPropertySources().addLast(new MapPropertySource("medoc-demo-product-defaults", DEFAULTS));
        }
    }
}
