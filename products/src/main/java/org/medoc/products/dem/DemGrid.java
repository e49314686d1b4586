package org.medoc.products.dem;

/**
 * The grid of Gaussian-DEM parameters searched by the fit: central temperature log₁₀ Tc and width σ (dex), both
 * uniform. Node (i, j) is {@code logT = logTMin + i·logTStep}, {@code width = widthMin + j·widthStep}; its canonical
 * index is {@code j·logTCount() + i} (temperature varies fastest).
 */
public record DemGrid(double logTMin, double logTMax, double logTStep, double widthMin, double widthMax, double widthStep) {

    public DemGrid {
        if (!(logTStep > 0 && widthStep > 0 && logTMax >= logTMin && widthMax >= widthMin && widthMin > 0)) {
            throw new IllegalArgumentException("invalid DEM grid: steps must be positive, maxima ≥ minima, widths > 0");
        }
    }

    /** log Tc 5.50–7.50 step 0.01 (201 values), σ 0.01–0.70 dex step 0.01 (70 values): 14 070 nodes. */
    public static DemGrid standard() {
        return new DemGrid(5.5, 7.5, 0.01, 0.01, 0.70, 0.01);
    }

    public int logTCount() {
        return (int) Math.round((logTMax - logTMin) / logTStep) + 1;
    }

    public int widthCount() {
        return (int) Math.round((widthMax - widthMin) / widthStep) + 1;
    }

    public int nodeCount() {
        return logTCount() * widthCount();
    }

    public double logT(int i) {
        return logTMin + i * logTStep;
    }

    public double width(int j) {
        return widthMin + j * widthStep;
    }

    /** Canonical index of node (i, j). */
    public int node(int i, int j) {
        return j * logTCount() + i;
    }

    /** The grid as a header string, e.g. {@code logT 5.50:7.50:0.01 sigma 0.01:0.70:0.01}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "logT %.2f:%.2f:%.3f sigma %.3f:%.3f:%.3f",
                logTMin, logTMax, logTStep, widthMin, widthMax, widthStep);
    }
}
