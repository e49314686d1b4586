package org.medoc.products.dem;

import java.util.Optional;

/**
 * The six coronal EUV channels of SDO/AIA used for DEM maps, with the per-channel numbers of the AIA noise model.
 *
 * <p>Sources: DN per photon, compression ratio and calibration errors from aiapy's error table
 * ({@code aia_V3_error_table.txt}, port of SSW {@code aia_bp_estimate_error.pro}); read noise per camera from Boerner et
 * al. 2012, Sol. Phys. 275, 41, Table 6 (as used by aiapy {@code estimate_error}).
 *
 * @param wavelengthAngstrom nominal wavelength (the WAVELNTH keyword)
 * @param camera             AIA camera (1–4) that reads the channel; also the n of the INSTRUME keyword {@code AIA_n}
 * @param dnPerPhoton        DNPERPHT: DN produced by one detected photon
 * @param compressionRatio   COMPRESS: on-board compression error is shot noise / this ratio
 * @param preflightCalibrationError CALERR: pre-flight photometric calibration uncertainty (fraction)
 * @param eveCalibrationError EVEERR: uncertainty of the EVE cross-calibration (fraction)
 * @param readNoiseDn        camera read noise [DN]
 */
public enum AiaChannel {
    A94(94, 4, 1.975, 26.196, 0.25, 0.087, 1.14),
    A131(131, 1, 1.473, 18.797, 0.25, 0.051, 1.18),
    A171(171, 3, 1.122, 14.400, 0.25, 0.019, 1.15),
    A193(193, 2, 0.962, 12.759, 0.25, 0.014, 1.20),
    A211(211, 2, 0.880, 11.670, 0.25, 0.019, 1.20),
    A335(335, 1, 0.576, 7.350, 0.25, 0.097, 1.18);

    private final int wavelengthAngstrom;
    private final int camera;
    private final double dnPerPhoton;
    private final double compressionRatio;
    private final double preflightCalibrationError;
    private final double eveCalibrationError;
    private final double readNoiseDn;

    AiaChannel(int wavelengthAngstrom, int camera, double dnPerPhoton, double compressionRatio,
               double preflightCalibrationError, double eveCalibrationError, double readNoiseDn) {
        this.wavelengthAngstrom = wavelengthAngstrom;
        this.camera = camera;
        this.dnPerPhoton = dnPerPhoton;
        this.compressionRatio = compressionRatio;
        this.preflightCalibrationError = preflightCalibrationError;
        this.eveCalibrationError = eveCalibrationError;
        this.readNoiseDn = readNoiseDn;
    }

    public int wavelengthAngstrom() {
        return wavelengthAngstrom;
    }

    public int camera() {
        return camera;
    }

    public double dnPerPhoton() {
        return dnPerPhoton;
    }

    public double compressionRatio() {
        return compressionRatio;
    }

    public double preflightCalibrationError() {
        return preflightCalibrationError;
    }

    public double eveCalibrationError() {
        return eveCalibrationError;
    }

    public double readNoiseDn() {
        return readNoiseDn;
    }

    /** The channel whose nominal wavelength is within 0.5 Å of the given one, if any. */
    public static Optional<AiaChannel> ofWavelength(double angstrom) {
        for (AiaChannel channel : values()) {
            if (Math.abs(channel.wavelengthAngstrom - angstrom) < 0.5) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
