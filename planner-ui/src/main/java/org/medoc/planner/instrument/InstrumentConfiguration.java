package org.medoc.planner.instrument;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SPICE reference data every planning formula and rule reads: detectors, slits, limits and overheads, allowed
 * binnings and the compression-ratio table. Stored in the {@code planning} schema and editable by an ADMIN because
 * most of the limits are not published (PLANNING.md §4, §10); {@link #defaults()} holds the seeded values so that the
 * pure domain can be tested without a database.
 */
public record InstrumentConfiguration(List<DetectorBand> detectors, List<SlitSpec> slits, Map<String, Double> parameters,
                                      Set<Integer> binningFactors, Map<CompressionKey, CompressionSetting> compression) {

    /** Names of {@link #parameters()} entries. */
    public static final String MAX_RASTER_WIDTH = "max_raster_width_arcsec";
    public static final String MIN_EXPOSURE = "min_exposure_s";
    public static final String MAX_EXPOSURE = "max_exposure_s";
    public static final String STEP_OVERHEAD = "step_overhead_s";
    public static final String SETUP_OVERHEAD = "setup_overhead_s";
    public static final String DOUBLE_EXPOSURE_FACTOR = "double_exposure_factor";
    public static final String BITS_PER_PIXEL = "bits_per_pixel";
    public static final String HEADER_OVERHEAD = "header_overhead_bits";
    public static final String MAX_WINDOWS_WARNING = "max_windows_warning";
    public static final String MAX_WINDOWS_ERROR = "max_windows_error";
    public static final String FULL_FIELD_START = "full_field_start_px";
    public static final String FULL_FIELD_HEIGHT = "full_field_height_px";
    public static final String LOW_RATE_MAX = "low_rate_max_bps";
    public static final String BUDGET_WARNING = "budget_warning_fraction";

    /** Rows of a detector: the along-slit extent of "Full Detector". */
    public static final int DETECTOR_ROWS = 1024;

    public record CompressionKey(int type, int param) {
    }

    public record CompressionSetting(int type, int param, double ratio, String label) {
    }

    public InstrumentConfiguration {
        detectors = List.copyOf(detectors);
        slits = List.copyOf(slits);
        parameters = Map.copyOf(parameters);
        binningFactors = Set.copyOf(binningFactors);
        compression = Map.copyOf(compression);
    }

    public double parameter(String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("instrument parameter " + name + " is not configured (planning.instrument_parameter)");
        }
        return value;
    }

    public Optional<DetectorBand> detector(String code) {
        return detectors.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<DetectorBand> detectorForIndex(int dispersionIndex) {
        return detectors.stream().filter(d -> d.containsIndex(dispersionIndex)).findFirst();
    }

    public Optional<DetectorBand> detectorForWavelength(double nm) {
        return detectors.stream().filter(d -> d.containsWavelength(nm)).findFirst();
    }

    public Optional<SlitSpec> slit(double widthArcsec) {
        return slits.stream().filter(s -> Math.abs(s.widthArcsec() - widthArcsec) < 1e-6).findFirst();
    }

    /** Expected compression ratio, if the table knows this (COMPTYPE, COMPPARA) pair. */
    public Optional<Double> compressionRatio(int type, int param) {
        CompressionSetting setting = compression.get(new CompressionKey(type, param));
        return setting == null ? Optional.empty() : Optional.of(setting.ratio());
    }

    /** The values seeded by migration V008 (PLANNING.md §2, §4): the same numbers the database starts with. */
    public static InstrumentConfiguration defaults() {
        return new InstrumentConfiguration(
                List.of(new DetectorBand("SW", "Short-wavelength detector", 1024, 1024, 70.4, 79.0, 70.0, 79.3, 1, 1024, 0.009082),
                        new DetectorBand("LW", "Long-wavelength detector", 1024, 1024, 97.3, 104.9, 96.8, 105.5, 1025, 2048, 0.008496)),
                List.of(new SlitSpec(2, null, 660, true), new SlitSpec(4, 2, 660, true), new SlitSpec(6, null, 660, true),
                        new SlitSpec(30, null, 840, false)),
                Map.ofEntries(Map.entry(MAX_RASTER_WIDTH, 960.0), Map.entry(MIN_EXPOSURE, 0.1), Map.entry(MAX_EXPOSURE, 600.0),
                        Map.entry(STEP_OVERHEAD, 0.0), Map.entry(SETUP_OVERHEAD, 0.0), Map.entry(DOUBLE_EXPOSURE_FACTOR, 1.0),
                        Map.entry(BITS_PER_PIXEL, 16.0), Map.entry(HEADER_OVERHEAD, 0.0), Map.entry(MAX_WINDOWS_WARNING, 15.0),
                        Map.entry(MAX_WINDOWS_ERROR, 32.0), Map.entry(FULL_FIELD_START, 97.0), Map.entry(FULL_FIELD_HEIGHT, 830.0),
                        Map.entry(LOW_RATE_MAX, 5000.0), Map.entry(BUDGET_WARNING, 0.9)),
                Set.of(1, 2, 4, 8),
                Map.of(new CompressionKey(0, 0), new CompressionSetting(0, 0, 1.0, "Focal Uncompressed"),
                        new CompressionKey(2, 26), new CompressionSetting(2, 26, 9.85, "Focal Lossy (JPEG), from a real L2 header")));
    }

    /** A copy with one parameter changed (tests and previews). */
    public InstrumentConfiguration withParameter(String name, double value) {
        java.util.HashMap<String, Double> changed = new java.util.HashMap<>(parameters);
        changed.put(name, value);
        return new InstrumentConfiguration(detectors, slits, changed, binningFactors, compression);
    }
}
