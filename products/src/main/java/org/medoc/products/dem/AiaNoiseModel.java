package org.medoc.products.dem;

/**
 * Uncertainty of an AIA intensity, after aiapy {@code estimate_error} (port of SSW {@code aia_bp_estimate_error.pro},
 * repository LM-SAL/aiapy {@code aiapy/calibrate/uncertainty.py}), for counts C [DN per pixel, not divided by the
 * exposure time] that are the mean of n original pixels:
 *
 * <pre>
 *   shot        = √(C · DNPERPHT) / √n
 *   dark        = 0.18 DN                       (long-term residual dark, not reduced by averaging)
 *   read        = read noise of the camera / √n (Boerner et al. 2012, Table 6)
 *   quantisation= (1/√12) DN / √n
 *   compression = max(shot / COMPRESS, 1/√12) / √n, and 0 when C &lt; 25 DN   (as aiapy does: shot is already / √n)
 *   calibration = f · C                          (optional: f = CALERR 0.25 pre-flight, or EVEERR per channel)
 *   σ           = √(shot² + dark² + read² + quantisation² + compression² + calibration²)
 * </pre>
 *
 * The fit works on rates I = C / t [DN s⁻¹ pix⁻¹], whose variance is σ² / t². The shot term uses the observed counts,
 * so the weights of a pixel do not depend on the model and the emission measure of each grid node has a closed form.
 */
public record AiaNoiseModel(Calibration calibration) {

    /** The calibration (systematic) term. PRODUCTS.md §1.5: ours is the pre-flight 25 % by default. */
    public enum Calibration {
        /** Random terms only. */
        NONE,
        /** CALERR, 25 % in every channel (AIA pre-flight photometric calibration). */
        PREFLIGHT,
        /** EVEERR, the per-channel uncertainty of the EVE cross-calibration (1.4 % – 9.7 %). */
        EVE
    }

    private static final double DARK_DN = 0.18;
    private static final double QUANTISATION_VARIANCE = 1.0 / 12;
    private static final double COMPRESSION_THRESHOLD_DN = 25;

    public AiaNoiseModel {
        if (calibration == null) {
            throw new IllegalArgumentException("calibration term must be given (NONE, PREFLIGHT or EVE)");
        }
    }

    public static AiaNoiseModel standard() {
        return new AiaNoiseModel(Calibration.PREFLIGHT);
    }

    /** Fraction of the signal used as calibration uncertainty for this channel. */
    public double calibrationFraction(AiaChannel channel) {
        return switch (calibration) {
            case NONE -> 0;
            case PREFLIGHT -> channel.preflightCalibrationError();
            case EVE -> channel.eveCalibrationError();
        };
    }

    /** Variance [DN²] of counts C [DN per pixel], the mean of {@code pixelsAveraged} original pixels. */
    public double countsVariance(AiaChannel channel, double counts, int pixelsAveraged) {
        double c = Math.max(counts, 0);
        double n = pixelsAveraged;
        double shot2 = c * channel.dnPerPhoton() / n;
        double read = channel.readNoiseDn();
        double compress2 = 0;
        if (c >= COMPRESSION_THRESHOLD_DN) {
            double ratio = channel.compressionRatio();
            compress2 = Math.max(shot2 / (ratio * ratio), QUANTISATION_VARIANCE) / n;
        }
        double calibration = calibrationFraction(channel) * c;
        return shot2 + DARK_DN * DARK_DN + read * read / n + QUANTISATION_VARIANCE / n + compress2
                + calibration * calibration;
    }

    /** Uncertainty σ [DN] of counts C. */
    public double countsError(AiaChannel channel, double counts, int pixelsAveraged) {
        return Math.sqrt(countsVariance(channel, counts, pixelsAveraged));
    }

    /** Variance [(DN s⁻¹)²] of a rate [DN s⁻¹ pix⁻¹] observed with the given exposure time. */
    public double rateVariance(AiaChannel channel, double rate, double exposureSeconds, int pixelsAveraged) {
        return countsVariance(channel, rate * exposureSeconds, pixelsAveraged) / (exposureSeconds * exposureSeconds);
    }

    /** Random part only (no calibration term), used by the synthetic-data generator to draw noise. */
    public static AiaNoiseModel randomOnly() {
        return new AiaNoiseModel(Calibration.NONE);
    }
}
