package org.medoc.products.synoptic;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

/**
 * The merge of a synoptic map (docs/algorithms/synoptic.md): images are added one at a time (only one is in memory),
 * each pulled onto the Carrington grid at the reference time. For every cell (λ, φ) the surface point is rotated back
 * to the image's time by the differential rotation, λ_obs = λ − (ω(φ) − ω_Carrington)·(t_ref − t_obs), projected into
 * the image, and, where μ ≥ μ_min and the four pixels around it are finite, its bilinear value counts with the weight
 * w = μ · exp(−|t_ref − t_obs| / τ). The map is Σ w·I / Σ w, NaN where Σ w = 0; beside it the weighted mean |Δt| in
 * hours and the dominant input (largest weight). Rows are processed in parallel; cells are independent.
 */
public final class SynopticAccumulator {

    /** Source value of a cell nothing observed. */
    public static final short NO_SOURCE = -1;

    private final SynopticParameters parameters;
    private final Instant referenceTime;
    private final CarringtonGrid grid;
    private final double[] cosLongitude;
    private final double[] sinLongitude;
    private final float[] sumWeight;
    private final float[] sumWeightedValue;
    private final float[] sumWeightedAge;
    private final float[] largestWeight;
    private final short[] source;
    private int inputs;

    public SynopticAccumulator(SynopticParameters parameters, Instant referenceTime) {
        this.parameters = parameters;
        this.referenceTime = referenceTime;
        this.grid = parameters.grid();
        int cells = Math.toIntExact(grid.cells());
        cosLongitude = new double[grid.columns()];
        sinLongitude = new double[grid.columns()];
        for (int i = 0; i < grid.columns(); i++) {
            double lon = Math.toRadians(grid.longitudeDeg(i));
            cosLongitude[i] = Math.cos(lon);
            sinLongitude[i] = Math.sin(lon);
        }
        sumWeight = new float[cells];
        sumWeightedValue = new float[cells];
        sumWeightedAge = new float[cells];
        largestWeight = new float[cells];
        source = new short[cells];
        java.util.Arrays.fill(source, NO_SOURCE);
    }

    /** Adds one image as input number {@code sourceIndex} (its row in the provenance table); returns the cells it filled. */
    public long add(SynopticImage image, int sourceIndex) {
        if (sourceIndex < 0 || sourceIndex > Short.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + (Short.MAX_VALUE + 1) + " inputs per map");
        }
        inputs++;
        double days = Duration.between(image.time(), referenceTime).toNanos() / 86_400e9;
        double ageHours = Math.abs(days) * 24;
        double timeWeight = Math.exp(-Math.abs(days) * 86_400e9 / parameters.timeScale().toNanos());
        if (!(timeWeight > Float.MIN_NORMAL)) {
            return 0;
        }
        ImageGeometry geometry = image.geometry();
        double observerLongitude = geometry.observer().carringtonLongitudeDeg();
        return IntStream.range(0, grid.rows()).parallel().mapToLong(row -> {
            double latitude = grid.latitudeDeg(row);
            double phi = Math.toRadians(latitude);
            double cosLat = Math.cos(phi);
            double sinLat = Math.sin(phi);
            // λ − drift·Δt − CRLN_OBS, as a rotation applied to the tabulated cos/sin of λ
            double shift = Math.toRadians(parameters.rotation().carringtonDriftDegPerDay(latitude) * days + observerLongitude);
            double cosShift = Math.cos(shift);
            double sinShift = Math.sin(shift);
            return addRow(image, geometry, row, cosLat, sinLat, cosShift, sinShift, timeWeight, ageHours, (short) sourceIndex);
        }).sum();
    }

    private long addRow(SynopticImage image, ImageGeometry geometry, int row, double cosLat, double sinLat,
                        double cosShift, double sinShift, double timeWeight, double ageHours, short sourceIndex) {
        int width = geometry.width();
        int height = geometry.height();
        float[] values = image.values();
        double muMinimum = parameters.muMinimum();
        double[] pixel = new double[2];
        long filled = 0;
        int offset = row * grid.columns();
        for (int column = 0; column < grid.columns(); column++) {
            double cosPhi = cosLongitude[column] * cosShift + sinLongitude[column] * sinShift;
            double sinPhi = sinLongitude[column] * cosShift - cosLongitude[column] * sinShift;
            double mu = geometry.project(cosLat, sinLat, cosPhi, sinPhi, pixel);
            if (!(mu >= muMinimum)) {
                continue;
            }
            double x = pixel[0];
            double y = pixel[1];
            if (!(x >= 0 && y >= 0 && x <= width - 1 && y <= height - 1)) {
                continue;
            }
            int x0 = Math.min((int) x, width - 2);
            int y0 = Math.min((int) y, height - 2);
            double fx = x - x0;
            double fy = y - y0;
            int at = y0 * width + x0;
            double v00 = values[at];
            double v10 = values[at + 1];
            double v01 = values[at + width];
            double v11 = values[at + width + 1];
            double value = (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
            if (!Double.isFinite(value)) {
                continue;
            }
            float weight = (float) (mu * timeWeight);
            int cell = offset + column;
            sumWeight[cell] += weight;
            sumWeightedValue[cell] += (float) (weight * value);
            sumWeightedAge[cell] += (float) (weight * ageHours);
            if (weight > largestWeight[cell]) {
                largestWeight[cell] = weight;
                source[cell] = sourceIndex;
            }
            filled++;
        }
        return filled;
    }

    /** The merged maps, rows of latitude from the south (row 0 = first FITS row). */
    public SynopticMaps finish() {
        int columns = grid.columns();
        float[][] radiance = new float[grid.rows()][columns];
        float[][] age = new float[grid.rows()][columns];
        short[][] dominant = new short[grid.rows()][columns];
        long observed = 0;
        for (int row = 0; row < grid.rows(); row++) {
            for (int column = 0; column < columns; column++) {
                int cell = row * columns + column;
                float w = sumWeight[cell];
                if (w > 0) {
                    radiance[row][column] = sumWeightedValue[cell] / w;
                    age[row][column] = sumWeightedAge[cell] / w;
                    observed++;
                } else {
                    radiance[row][column] = Float.NaN;
                    age[row][column] = Float.NaN;
                }
                dominant[row][column] = source[cell];
            }
        }
        return new SynopticMaps(grid, referenceTime, radiance, age, dominant, observed, inputs);
    }
}
