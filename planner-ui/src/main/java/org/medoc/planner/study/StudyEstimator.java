package org.medoc.planner.study;

import org.medoc.planner.instrument.InstrumentConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * Duration and data-volume model of a SPICE study (PLANNING.md §4). No formula is published: this one is ours, and
 * its constants come from the instrument configuration so that they can be calibrated on the as-run catalogue
 * ({@code TELAPSE}, file sizes).
 *
 * <pre>
 * N_x = positions (RASTER) or 1;  N_t = exposures per position (SIT_AND_STARE) or 1
 * T_raster = N_x * N_t * (t_exp * f_double + t_step)
 * T_obs    = N_rasters * T_raster + t_setup
 * profile window:   N_pix = N_x * N_t * ceil(Ny / NBIN2) * ceil(N_lambda / NBIN3)
 * intensity window: N_pix = N_x * N_t * ceil(Ny / NBIN2)          (lambda summed on board)
 * V_raw = N_rasters * sum(N_pix) * b
 * V_tm  = N_rasters * (sum(N_pix * b / CR(COMPTYPE, COMPPARA)) + N_x * N_t * n_windows * header_bits)
 * rate  = V_tm / T_obs
 * </pre>
 *
 * Checks against published durations: 224 positions x 30 s = 6720 s (SAP: 1.9 h), 160 x 30 s = 4800 s (1.3 h),
 * 192 x 60 s = 11 520 s (composition, about 3.2 h).
 */
public final class StudyEstimator {

    private final InstrumentConfiguration configuration;

    public StudyEstimator(InstrumentConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The estimate for the study's default number of rasters. */
    public StudyEstimate estimate(StudyParameters study) {
        return estimate(study, Math.max(1, study.defaultRasters()));
    }

    public StudyEstimate estimate(StudyParameters study, int rasters) {
        long exposuresPerRaster = (long) Math.max(0, study.effectivePositions()) * Math.max(0, study.effectiveExposuresPerPosition());
        double exposure = Math.max(0, study.exposureSeconds())
                * (study.doubleExposure() ? configuration.parameter(InstrumentConfiguration.DOUBLE_EXPOSURE_FACTOR) : 1.0);
        double rasterSeconds = exposuresPerRaster * (exposure + configuration.parameter(InstrumentConfiguration.STEP_OVERHEAD));
        double duration = rasters * rasterSeconds + configuration.parameter(InstrumentConfiguration.SETUP_OVERHEAD);

        double bitsPerPixel = configuration.parameter(InstrumentConfiguration.BITS_PER_PIXEL);
        double headerBits = configuration.parameter(InstrumentConfiguration.HEADER_OVERHEAD);
        double rawPerRaster = 0;
        double compressedPerRaster = 0;
        List<String> unknown = new ArrayList<>();
        for (SpectralWindow window : study.windows()) {
            double pixels = (double) exposuresPerRaster * pixelsPerExposure(window);
            double raw = pixels * bitsPerPixel;
            double ratio = configuration.compressionRatio(window.compressionType(), window.compressionParam()).orElseGet(() -> {
                String pair = window.compressionType() + "/" + window.compressionParam();
                if (!unknown.contains(pair)) {
                    unknown.add(pair);
                }
                return 1.0;
            });
            rawPerRaster += raw;
            compressedPerRaster += raw / ratio + exposuresPerRaster * headerBits;
        }
        long rawBits = Math.round(rasters * rawPerRaster);
        long compressedBits = Math.round(rasters * compressedPerRaster);
        double rate = duration > 0 ? compressedBits / duration : 0;
        return new StudyEstimate(rasters, rasterSeconds, duration, rawBits, compressedBits, rate, unknown);
    }

    /** Pixels one exposure returns for a window: intensities keep one value per (binned) row. */
    static long pixelsPerExposure(SpectralWindow window) {
        long rows = ceilDiv(Math.max(0, window.heightPx()), Math.max(1, window.binY()));
        if (window.kind() == WindowKind.INTENSITY) {
            return rows;
        }
        return rows * ceilDiv(Math.max(0, window.widthPx()), Math.max(1, window.binLambda()));
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }
}
