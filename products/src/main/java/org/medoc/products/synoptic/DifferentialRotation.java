package org.medoc.products.synoptic;

/**
 * Solar differential-rotation models: sidereal angular rate ω(φ) = A + B sin²φ + C sin⁴φ at latitude φ, as sunpy's
 * {@code diff_rot} (PRODUCTS.md §2.5). The synoptic chain brings each observation to the reference time by the drift
 * of its latitude in the Carrington frame, ω(φ) − {@link #CARRINGTON_DEG_PER_DAY}.
 */
public enum DifferentialRotation {
    /** Howard, Harvey &amp; Forgach 1990 (sunpy's default and ours); coefficients in µrad s⁻¹. */
    HOWARD(2.894, -0.428, -0.370, true),
    /** Snodgrass 1983; µrad s⁻¹. */
    SNODGRASS(2.851, -0.343, -0.474, true),
    /** Allen, Astrophysical Quantities; ° day⁻¹. */
    ALLEN(14.44, -3.0, 0, false),
    /** Rigid rotation at the Carrington rate: no drift in the Carrington frame. */
    RIGID(14.1844, 0, 0, false);

    /** The Carrington (IAU) sidereal rotation rate, ° day⁻¹. */
    public static final double CARRINGTON_DEG_PER_DAY = 14.1844;
    private static final double MICRORADIAN_PER_SECOND_IN_DEG_PER_DAY = 1e-6 * 86_400 * 180 / Math.PI;

    private final double a;
    private final double b;
    private final double c;

    DifferentialRotation(double a, double b, double c, boolean microradiansPerSecond) {
        double unit = microradiansPerSecond ? MICRORADIAN_PER_SECOND_IN_DEG_PER_DAY : 1;
        this.a = a * unit;
        this.b = b * unit;
        this.c = c * unit;
    }

    /** Sidereal rotation rate at a latitude, ° day⁻¹. */
    public double siderealDegPerDay(double latitudeDeg) {
        double s = Math.sin(Math.toRadians(latitudeDeg));
        double s2 = s * s;
        return a + b * s2 + c * s2 * s2;
    }

    /** Drift in Carrington longitude at a latitude, ° day⁻¹ (positive: the feature moves to larger longitudes). */
    public double carringtonDriftDegPerDay(double latitudeDeg) {
        return siderealDegPerDay(latitudeDeg) - CARRINGTON_DEG_PER_DAY;
    }

    /** The model by its name as configured ({@code howard}, {@code snodgrass}, ...), case-insensitive. */
    public static DifferentialRotation named(String name) {
        for (DifferentialRotation model : values()) {
            if (model.name().equalsIgnoreCase(name.trim())) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown differential-rotation model '" + name
                + "': use howard, snodgrass, allen or rigid");
    }
}
