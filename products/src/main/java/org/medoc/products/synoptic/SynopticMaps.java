package org.medoc.products.synoptic;

import java.time.Instant;

/**
 * A merged synoptic map and its provenance maps, {@code [row][column]} with row 0 at −90° and column 0 at 0°:
 * radiance (DN s⁻¹ per input pixel, NaN where nothing observed), weighted mean |t_ref − t_obs| in hours, and the
 * dominant input's index ({@link SynopticAccumulator#NO_SOURCE} where none).
 */
public record SynopticMaps(CarringtonGrid grid, Instant referenceTime, float[][] radiance, float[][] ageHours,
                           short[][] source, long cellsObserved, int inputs) {

    /** Fraction of the grid's cells with a value. */
    public double coverage() {
        return cellsObserved / (double) grid.cells();
    }

    /**
     * Fraction of the solar surface (area-weighted by cos latitude, unlike {@link #coverage()}) with a value.
     */
    public double surfaceCoverage() {
        double covered = 0;
        double total = 0;
        for (int row = 0; row < grid.rows(); row++) {
            double area = Math.cos(Math.toRadians(grid.latitudeDeg(row)));
            for (int column = 0; column < grid.columns(); column++) {
                total += area;
                if (!Float.isNaN(radiance[row][column])) {
                    covered += area;
                }
            }
        }
        return covered / total;
    }
}
