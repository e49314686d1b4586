package org.medoc.products.dem;

/**
 * Forward model of a Gaussian DEM in log T observed by AIA (Guennou et al. 2012, ApJS 203, 25/26):
 *
 * <pre>
 *   D(log T) = EM / (σ √(2π)) · exp(−(log T − log Tc)² / (2σ²))      [cm⁻⁵ per dex], so ∫ D dlog T = EM
 *   I_b      = ∫ R_b(log T) · D(log T) dlog T = EM · K_b(log Tc, σ)    [DN s⁻¹ pix⁻¹]
 * </pre>
 *
 * with R_b the AIA temperature response ({@link AiaTemperatureResponse}). The intensities are linear in EM, so the
 * fit needs only K_b, the response per unit emission measure, at every grid node.
 *
 * <p>Quadrature: rectangle rule over ±6σ on a step of σ/20 (at most 0.005 dex, at least 0.0005 dex) on the
 * log-linearly interpolated response, with the Gaussian normalised analytically; the truncation (2·10⁻⁹) and
 * discretisation errors are far below the response table's own accuracy. {@link #tableGridIntensities} gives the
 * plainer convention of a rectangle sum on the table's 0.05 dex nodes, used as an independent oracle in the tests.
 */
public final class GaussianDemModel {

    private static final double FINE_STEP = 0.0005;
    private static final double MAX_STEP = 0.005;
    private static final double HALF_SPAN_SIGMAS = 6;
    private static final double ONE_OVER_ROOT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

    private final AiaTemperatureResponse response;
    private final double fineStart;
    /** [channel][fine index]: R_b on a 0.0005 dex grid over the whole table */
    private final double[][] fine;

    public GaussianDemModel(AiaTemperatureResponse response) {
        this.response = response;
        this.fineStart = response.minLogT();
        int n = (int) Math.round((response.maxLogT() - response.minLogT()) / FINE_STEP) + 1;
        fine = new double[6][n];
        for (AiaChannel channel : AiaChannel.values()) {
            for (int k = 0; k < n; k++) {
                fine[channel.ordinal()][k] = response.response(channel, fineStart + k * FINE_STEP);
            }
        }
    }

    public static GaussianDemModel standard() {
        return new GaussianDemModel(AiaTemperatureResponse.standard());
    }

    public AiaTemperatureResponse response() {
        return response;
    }

    /**
     * K_b(log Tc, σ) for the six channels in {@link AiaChannel} order: intensities [DN s⁻¹ pix⁻¹] per unit emission
     * measure [cm⁻⁵].
     */
    public double[] responsePerEmissionMeasure(double logTc, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("DEM width must be positive, got " + width);
        }
        double[] k = new double[6];
        int stride = (int) Math.max(1, Math.min(Math.round(MAX_STEP / FINE_STEP), Math.round(width / 20 / FINE_STEP)));
        double step = stride * FINE_STEP;
        double offset = (logTc - fineStart) / FINE_STEP;
        boolean aligned = Math.abs(offset - Math.rint(offset)) < 1e-6;
        int half = (int) Math.ceil(HALF_SPAN_SIGMAS * width / step);
        double norm = ONE_OVER_ROOT_TWO_PI / width * step;
        for (int s = -half; s <= half; s++) {
            double x = s * step;
            double g = norm * Math.exp(-0.5 * (x / width) * (x / width));
            if (aligned) {
                long index = Math.round(offset) + (long) s * stride;
                if (index < 0 || index >= fine[0].length) {
                    continue;
                }
                for (int b = 0; b < 6; b++) {
                    k[b] += g * fine[b][(int) index];
                }
            } else {
                for (AiaChannel channel : AiaChannel.values()) {
                    k[channel.ordinal()] += g * response.response(channel, logTc + x);
                }
            }
        }
        return k;
    }

    /** Model intensities [DN s⁻¹ pix⁻¹] of the six channels for a Gaussian DEM. */
    public double[] intensities(double logTc, double width, double emissionMeasure) {
        double[] k = responsePerEmissionMeasure(logTc, width);
        for (int b = 0; b < 6; b++) {
            k[b] *= emissionMeasure;
        }
        return k;
    }

    /**
     * The rectangle sum on the response table's own nodes, {@code I_b = Σ_k R_b(log T_k) D(log T_k) Δlog T} with
     * Δlog T = 0.05 (PRODUCTS.md §1.3 oracle convention); {@code width = 0} gives the isothermal {@code EM·R_b(Tc)}.
     */
    public double[] tableGridIntensities(double logTc, double width, double emissionMeasure) {
        double[] out = new double[6];
        double[] logT = response.logTemperatures();
        if (width == 0) {
            for (AiaChannel channel : AiaChannel.values()) {
                out[channel.ordinal()] = emissionMeasure * response.response(channel, logTc);
            }
            return out;
        }
        double step = logT[1] - logT[0];
        for (int row = 0; row < logT.length; row++) {
            double u = (logT[row] - logTc) / width;
            double d = emissionMeasure * ONE_OVER_ROOT_TWO_PI / width * Math.exp(-0.5 * u * u);
            for (AiaChannel channel : AiaChannel.values()) {
                out[channel.ordinal()] += response.tableValue(channel, row) * d * step;
            }
        }
        return out;
    }
}
