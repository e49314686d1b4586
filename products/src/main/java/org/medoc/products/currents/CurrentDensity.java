package org.medoc.products.currents;

/**
 * The kernel: radial current density Jz = (1/μ0)(∂By/∂x − ∂Bx/∂y) of a SHARP CEA patch, as JSOC computes it for the
 * SHARP keywords (PRODUCTS.md §3.3–§3.5; Bobra et al. 2014, Sol. Phys. 289, 3549; JSOC {@code sw_functions.c}).
 *
 * <ul>
 *   <li>components: Bx = Bp, By = −Bt (stored Bt is +south), errors σBx = Bp_err, σBy = Bt_err;</li>
 *   <li>derivatives per pixel: central differences ½(f[i+1] − f[i−1]) inside, second-order one-sided
 *       ½(∓3f₀ ± 4f₁ ∓ f₂) on the first and last column/row;</li>
 *   <li>σ: the differences' errors propagated in quadrature, ½√(σBy[i+1]² + σBy[i−1]² + σBx[j+1]² + σBx[j−1]²)
 *       inside; on the edges the one-sided stencil's own weights (½√(9σ₀² + 16σ₁² + σ₂²)), where JSOC's code leaves
 *       the edge term out;</li>
 *   <li>units: one G per pixel is {@link CeaPixelScale#milliAmperePerSquareMetrePerGaussPixel()} mA m⁻²;</li>
 *   <li>mask: conf_disambig ≥ {@value #MIN_CONF_DISAMBIG} and bitmap ≥ {@value #MIN_BITMAP}, Jz and σ finite.</li>
 * </ul>
 * Plain Java over arrays, no state: one instance may serve any number of threads.
 */
public final class CurrentDensity {

    /** conf_disambig of the strong-field pixels whose 180° ambiguity was resolved by the annealing (90 in practice). */
    public static final int MIN_CONF_DISAMBIG = 70;
    /** bitmap of the pixels inside the HARP (33, 34: inside, weak/strong); lower codes are its surroundings. */
    public static final int MIN_BITMAP = 30;

    /** Computes Jz, σ, the mask and the keywords of one patch. */
    public JzMap compute(SharpPatch patch) {
        int w = patch.width();
        int h = patch.height();
        int n = w * h;
        float[] bx = patch.bp();
        float[] bt = patch.bt();
        float[] sx = patch.bpErr();
        float[] sy = patch.btErr();
        double toMilliAmpere = patch.scale().milliAmperePerSquareMetrePerGaussPixel();
        float[] jz = new float[n];
        float[] sigma = new float[n];
        byte[] mask = new byte[n];
        int count = 0;
        double sum = 0;
        double sumAbs = 0;
        double sumVariance = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                // By = −Bt: the derivative of By is minus the derivative of the stored Bt
                double dBydx;
                double varX;
                if (x == 0) {
                    dBydx = -0.5 * (-3.0 * bt[i] + 4.0 * bt[i + 1] - bt[i + 2]);
                    varX = 0.25 * (9.0 * sq(sy[i]) + 16.0 * sq(sy[i + 1]) + sq(sy[i + 2]));
                } else if (x == w - 1) {
                    dBydx = -0.5 * (3.0 * bt[i] - 4.0 * bt[i - 1] + bt[i - 2]);
                    varX = 0.25 * (9.0 * sq(sy[i]) + 16.0 * sq(sy[i - 1]) + sq(sy[i - 2]));
                } else {
                    dBydx = -0.5 * ((double) bt[i + 1] - bt[i - 1]);
                    varX = 0.25 * (sq(sy[i + 1]) + sq(sy[i - 1]));
                }
                double dBxdy;
                double varY;
                if (y == 0) {
                    dBxdy = 0.5 * (-3.0 * bx[i] + 4.0 * bx[i + w] - bx[i + 2 * w]);
                    varY = 0.25 * (9.0 * sq(sx[i]) + 16.0 * sq(sx[i + w]) + sq(sx[i + 2 * w]));
                } else if (y == h - 1) {
                    dBxdy = 0.5 * (3.0 * bx[i] - 4.0 * bx[i - w] + bx[i - 2 * w]);
                    varY = 0.25 * (9.0 * sq(sx[i]) + 16.0 * sq(sx[i - w]) + sq(sx[i - 2 * w]));
                } else {
                    dBxdy = 0.5 * ((double) bx[i + w] - bx[i - w]);
                    varY = 0.25 * (sq(sx[i + w]) + sq(sx[i - w]));
                }
                double perPixel = dBydx - dBxdy;
                double variance = varX + varY;
                jz[i] = (float) (perPixel * toMilliAmpere);
                sigma[i] = (float) (Math.sqrt(variance) * toMilliAmpere);
                if (Double.isFinite(perPixel) && Double.isFinite(variance)
                        && patch.confDisambig()[i] >= MIN_CONF_DISAMBIG && patch.bitmap()[i] >= MIN_BITMAP) {
                    mask[i] = 1;
                    count++;
                    sum += perPixel;
                    sumAbs += Math.abs(perPixel);
                    sumVariance += variance;
                }
            }
        }
        JzKeywords keywords = count == 0 ? new JzKeywords(0, Double.NaN, 0, Double.NaN)
                : new JzKeywords(count, toMilliAmpere * sum / count, sumAbs * patch.scale().amperePerGaussPixel(),
                        toMilliAmpere * Math.sqrt(sumVariance) / count);
        return new JzMap(w, h, jz, sigma, mask, keywords);
    }

    private static double sq(float value) {
        return (double) value * value;
    }
}
