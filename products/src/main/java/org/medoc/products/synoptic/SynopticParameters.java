package org.medoc.products.synoptic;

import java.time.Duration;

/**
 * How contributions are merged (docs/algorithms/synoptic.md §3): each observation, differentially rotated to the
 * reference time by {@code rotation}, counts in a cell where μ ≥ {@code muMinimum} with the weight
 * w = μ · exp(−|t_ref − t_obs| / {@code timeScale}).
 */
public record SynopticParameters(CarringtonGrid grid, DifferentialRotation rotation, double muMinimum,
                                 Duration timeScale) {

    public static final double DEFAULT_MU_MINIMUM = 0.2;
    public static final Duration DEFAULT_TIME_SCALE = Duration.ofDays(1);

    public SynopticParameters {
        if (!(muMinimum > 0 && muMinimum < 1)) {
            throw new IllegalArgumentException("the μ cut-off must lie in (0, 1), was " + muMinimum);
        }
        if (timeScale.isNegative() || timeScale.isZero()) {
            throw new IllegalArgumentException("the weight time scale must be positive, was " + timeScale);
        }
    }

    /** 0.1° grid, Howard rotation, μ ≥ 0.2, τ = 1 day. */
    public static SynopticParameters standard() {
        return new SynopticParameters(CarringtonGrid.ofResolution(0.1), DifferentialRotation.HOWARD, DEFAULT_MU_MINIMUM,
                DEFAULT_TIME_SCALE);
    }

    public SynopticParameters withGrid(CarringtonGrid other) {
        return new SynopticParameters(other, rotation, muMinimum, timeScale);
    }
}
