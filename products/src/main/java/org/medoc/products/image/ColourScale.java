package org.medoc.products.image;

/**
 * How map values become colours: a colour map over [min, max], linear or logarithmic (log₁₀), with the label printed
 * beside the colour bar.
 */
public record ColourScale(ColourMap map, double min, double max, boolean logarithmic, String label) {

    public ColourScale {
        if (!(max > min) || (logarithmic && !(min > 0))) {
            throw new IllegalArgumentException("colour scale needs max > min (and min > 0 when logarithmic)");
        }
    }

    /** Position of a value in [0, 1] (clamped); NaN for NaN. */
    public double position(double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double t = logarithmic
                ? (Math.log10(Math.max(value, Double.MIN_NORMAL)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return Math.max(0, Math.min(1, t));
    }

    /** The value at position t in [0, 1]. */
    public double valueAt(double t) {
        return logarithmic ? Math.pow(10, Math.log10(min) + t * (Math.log10(max) - Math.log10(min))) : min + t * (max - min);
    }
}
