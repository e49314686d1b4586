package org.medoc.planner.study;

import org.medoc.planner.instrument.DetectorBand;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.SlitSpec;
import org.medoc.planner.validation.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The study and window rules S1-S15 of PLANNING.md §10.1, each with its stable code and severity, reporting the
 * field at fault ({@code slitWidthArcsec}, {@code windows[2].binY}, ...). Pure: the only rule that needs other
 * studies (S14, uniqueness) takes them as {@link NameClaim}s.
 */
public final class StudyRules {

    /** The code of the estimate (duration, volume, rate), an informational finding shown on every change. */
    public static final String ESTIMATE_RULE = "S15";

    private final InstrumentConfiguration configuration;
    private final StudyEstimator estimator;

    public StudyRules(InstrumentConfiguration configuration) {
        this.configuration = configuration;
        this.estimator = new StudyEstimator(configuration);
    }

    /** The name and OBS_TYPE code another study lineage holds (for S14). */
    public record NameClaim(long lineageId, String name, String obsTypeCode) {
    }

    /** Every rule that depends on the study alone (S1-S13, S15), in rule order. */
    public List<Finding> check(StudyParameters study) {
        List<Finding> findings = new ArrayList<>();
        slit(study, findings);
        rasterWidth(study, findings);
        acquisitionShape(study, findings);
        stepVersusSlit(study, findings);
        windowRows(study, findings);
        windowDetector(study, findings);
        windowBinningDivides(study, findings);
        binningAllowed(study, findings);
        windowsMerged(study, findings);
        windowCount(study, findings);
        exposure(study, findings);
        compression(study, findings);
        nameConsistent(study, findings);
        estimateShown(study, findings);
        return findings;
    }

    /** S1-S15 including S14 against the names held by other lineages. */
    public List<Finding> check(StudyParameters study, long ownLineageId, List<NameClaim> others) {
        List<Finding> findings = check(study);
        findings.addAll(uniqueness(study, ownLineageId, others));
        findings.sort(Comparator.comparingInt(f -> ruleOrder(f.rule())));
        return findings;
    }

    /** S1: slit width in the configured set; the file descriptor prefix (n/w) follows from it. */
    void slit(StudyParameters study, List<Finding> findings) {
        if (configuration.slit(study.slitWidthArcsec()).isEmpty()) {
            findings.add(Finding.error("S1", "slitWidthArcsec", "slit width " + number(study.slitWidthArcsec())
                    + "\" is not a SPICE slit; choose one of " + configuration.slits().stream()
                    .map(s -> number(s.widthArcsec()) + "\"").toList()));
        }
    }

    /** S2: raster width (N-1)*step + slit within the configured maximum. */
    void rasterWidth(StudyParameters study, List<Finding> findings) {
        double max = configuration.parameter(InstrumentConfiguration.MAX_RASTER_WIDTH);
        double width = study.rasterWidthArcsec();
        if (width > max) {
            findings.add(Finding.error("S2", "positions", "raster width (" + study.positions() + " - 1) x "
                    + number(study.stepArcsec()) + "\" + " + number(study.slitWidthArcsec()) + "\" = " + number(width)
                    + "\" exceeds the maximum of " + number(max) + "\""));
        }
    }

    /** S3: the positions and exposures must match the acquisition type (NAXIS1, NAXIS4 meaning). */
    void acquisitionShape(StudyParameters study, List<Finding> findings) {
        switch (study.studyType()) {
            case RASTER -> {
                if (study.positions() < 2) {
                    findings.add(Finding.error("S3", "positions", "a raster needs at least 2 positions (has " + study.positions() + ")"));
                }
                if (study.stepArcsec() <= 0) {
                    findings.add(Finding.error("S3", "stepArcsec", "a raster needs a step greater than 0\""));
                }
            }
            case SIT_AND_STARE -> {
                if (study.positions() != 1) {
                    findings.add(Finding.error("S3", "positions", "sit-and-stare has exactly 1 position (has " + study.positions() + ")"));
                }
                if (study.exposuresPerPosition() < 1) {
                    findings.add(Finding.error("S3", "exposuresPerPosition", "sit-and-stare needs at least 1 exposure per position"));
                }
            }
            case SINGLE_EXPOSURE -> {
                if (study.positions() != 1) {
                    findings.add(Finding.error("S3", "positions", "a single exposure has exactly 1 position (has " + study.positions() + ")"));
                }
                if (study.exposuresPerPosition() != 1) {
                    findings.add(Finding.error("S3", "exposuresPerPosition", "a single exposure has exactly 1 exposure (has "
                            + study.exposuresPerPosition() + ")"));
                }
            }
        }
        if (study.defaultRasters() < 1) {
            findings.add(Finding.error("S3", "defaultRasters", "the number of rasters must be at least 1"));
        }
    }

    /** S4: a step unlike the slit width leaves gaps (larger) or oversamples (smaller). */
    void stepVersusSlit(StudyParameters study, List<Finding> findings) {
        if (study.studyType() != StudyType.RASTER || study.stepArcsec() <= 0) {
            return;
        }
        double step = study.stepArcsec();
        double slit = study.slitWidthArcsec();
        if (step > slit + 1e-9) {
            findings.add(Finding.warning("S4", "stepArcsec", "step " + number(step) + "\" is larger than the "
                    + number(slit) + "\" slit: the raster leaves gaps of " + number(step - slit) + "\""));
        } else if (step < slit - 1e-9) {
            findings.add(Finding.warning("S4", "stepArcsec", "step " + number(step) + "\" is smaller than the "
                    + number(slit) + "\" slit: the raster oversamples"));
        }
    }

    /** S5: rows inside the detector and the study's Y FOV; dumbbell windows only with narrow slits. */
    void windowRows(StudyParameters study, List<Finding> findings) {
        int rows = InstrumentConfiguration.DETECTOR_ROWS;
        if (study.yStartPx() < 1 || study.yHeightPx() < 1 || study.yEndPx() > rows) {
            findings.add(Finding.error("S5", "yStartPx", "the Y field of view (rows " + study.yStartPx() + "-" + study.yEndPx()
                    + ") must lie within rows 1-" + rows));
        }
        boolean narrow = configuration.slit(study.slitWidthArcsec()).map(SlitSpec::narrow).orElse(study.slitWidthArcsec() < 30);
        for (int i = 0; i < study.windows().size(); i++) {
            SpectralWindow window = study.windows().get(i);
            String field = "windows[" + i + "]";
            if (window.yStartPx() < 1 || window.yEndPx() > rows || window.yEndPx() < window.yStartPx()) {
                findings.add(Finding.error("S5", field + ".yStartPx", "window '" + window.name() + "' rows "
                        + window.yStartPx() + "-" + window.yEndPx() + " must be an increasing range within 1-" + rows));
            } else if (window.yStartPx() < study.yStartPx() || window.yEndPx() > study.yEndPx()) {
                findings.add(Finding.error("S5", field + ".yStartPx", "window '" + window.name() + "' rows "
                        + window.yStartPx() + "-" + window.yEndPx() + " leave the study's Y field of view (rows "
                        + study.yStartPx() + "-" + study.yEndPx() + ")"));
            }
            if (window.kind().dumbbell() && !narrow) {
                findings.add(Finding.error("S5", field + ".kind", "dumbbell window '" + window.name()
                        + "' needs a narrow slit (2\", 4\" or 6\"); the " + number(study.slitWidthArcsec()) + "\" slit has none"));
            }
        }
    }

    /** S6: a window's dispersion range lies on one detector, the one it names. */
    void windowDetector(StudyParameters study, List<Finding> findings) {
        for (int i = 0; i < study.windows().size(); i++) {
            SpectralWindow window = study.windows().get(i);
            String field = "windows[" + i + "]";
            Optional<DetectorBand> named = configuration.detector(window.detector());
            if (named.isEmpty()) {
                findings.add(Finding.error("S6", field + ".detector", "window '" + window.name() + "' names unknown detector '"
                        + window.detector() + "' (SW or LW)"));
                continue;
            }
            DetectorBand band = named.get();
            if (!band.containsIndex(window.lambdaPxStart()) || !band.containsIndex(window.lambdaPxEnd())) {
                findings.add(Finding.error("S6", field + ".lambdaPxStart", "window '" + window.name() + "' dispersion pixels "
                        + window.lambdaPxStart() + "-" + window.lambdaPxEnd() + " leave the " + band.code() + " detector ("
                        + band.indexFrom() + "-" + band.indexTo() + ")"));
            }
        }
    }

    /** S7: a window is at least one pixel wide and its size divides by its binning. */
    void windowBinningDivides(StudyParameters study, List<Finding> findings) {
        for (int i = 0; i < study.windows().size(); i++) {
            SpectralWindow window = study.windows().get(i);
            String field = "windows[" + i + "]";
            if (window.widthPx() < 1) {
                findings.add(Finding.warning("S7", field + ".lambdaPxEnd", "window '" + window.name() + "' is "
                        + window.widthPx() + " px wide: it must be at least 1 px"));
                continue;
            }
            if (window.binLambda() >= 1 && window.widthPx() % window.binLambda() != 0 && window.kind() != WindowKind.INTENSITY) {
                findings.add(Finding.warning("S7", field + ".binLambda", "window '" + window.name() + "' width "
                        + window.widthPx() + " px is not a multiple of NBIN3 = " + window.binLambda() + ": the last bin is partial"));
            }
            if (window.binY() >= 1 && window.heightPx() > 0 && window.heightPx() % window.binY() != 0) {
                findings.add(Finding.warning("S7", field + ".binY", "window '" + window.name() + "' height "
                        + window.heightPx() + " px is not a multiple of NBIN2 = " + window.binY() + ": the last bin is partial"));
            }
        }
    }

    /** S8: binning factors from the allowed set; NBIN2 != NBIN3 meets a known L2 pipeline problem (release 4.0 notes). */
    void binningAllowed(StudyParameters study, List<Finding> findings) {
        for (int i = 0; i < study.windows().size(); i++) {
            SpectralWindow window = study.windows().get(i);
            String field = "windows[" + i + "]";
            if (!configuration.binningFactors().contains(window.binY())) {
                findings.add(Finding.warning("S8", field + ".binY", "NBIN2 = " + window.binY() + " is not an allowed binning "
                        + configuration.binningFactors().stream().sorted().toList()));
            }
            if (!configuration.binningFactors().contains(window.binLambda())) {
                findings.add(Finding.warning("S8", field + ".binLambda", "NBIN3 = " + window.binLambda()
                        + " is not an allowed binning " + configuration.binningFactors().stream().sorted().toList()));
            }
            if (window.binY() != window.binLambda() && window.kind() != WindowKind.INTENSITY) {
                findings.add(Finding.warning("S8", field + ".binY", "NBIN2 = " + window.binY() + " differs from NBIN3 = "
                        + window.binLambda() + ": the L2 pipeline has a known problem with such windows (release 4.0 notes)"));
            }
        }
    }

    /** S9: overlapping or adjacent windows on one detector are merged on board (NWIN_ORG != NWIN). */
    void windowsMerged(StudyParameters study, List<Finding> findings) {
        List<SpectralWindow> windows = study.windows();
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                SpectralWindow a = windows.get(i);
                SpectralWindow b = windows.get(j);
                if (!Objects.equals(a.detector(), b.detector()) || a.kind().dumbbell() != b.kind().dumbbell()) {
                    continue;
                }
                boolean lambdaTouch = a.lambdaPxStart() <= b.lambdaPxEnd() + 1 && b.lambdaPxStart() <= a.lambdaPxEnd() + 1;
                boolean rowsOverlap = a.yStartPx() <= b.yEndPx() && b.yStartPx() <= a.yEndPx();
                if (lambdaTouch && rowsOverlap) {
                    findings.add(Finding.warning("S9", "windows[" + j + "].lambdaPxStart", "windows '" + a.name() + "' and '"
                            + b.name() + "' overlap or touch on " + a.detector() + " (pixels " + a.lambdaPxStart() + "-"
                            + a.lambdaPxEnd() + " and " + b.lambdaPxStart() + "-" + b.lambdaPxEnd()
                            + "): they will be merged on board"));
                }
            }
        }
    }

    /** S10: profiles + intensities within the cap: above the hard maximum an error, above the soft one a warning. */
    void windowCount(StudyParameters study, List<Finding> findings) {
        long count = study.windows().stream().filter(w -> w.kind().countsAgainstCap()).count();
        double hard = configuration.parameter(InstrumentConfiguration.MAX_WINDOWS_ERROR);
        double soft = configuration.parameter(InstrumentConfiguration.MAX_WINDOWS_WARNING);
        if (count > hard) {
            findings.add(Finding.error("S10", "windows", count + " profile and intensity windows exceed the maximum of "
                    + number(hard)));
        } else if (count > soft) {
            findings.add(Finding.warning("S10", "windows", count + " profile and intensity windows exceed the usual cap of "
                    + number(soft) + " (SAP composition mapping)"));
        }
    }

    /** S11: exposure positive and within the configured limits. */
    void exposure(StudyParameters study, List<Finding> findings) {
        double min = configuration.parameter(InstrumentConfiguration.MIN_EXPOSURE);
        double max = configuration.parameter(InstrumentConfiguration.MAX_EXPOSURE);
        double exposure = study.exposureSeconds();
        if (!(exposure > 0) || exposure < min || exposure > max) {
            findings.add(Finding.error("S11", "exposureSeconds", "exposure " + number(exposure) + " s must be within "
                    + number(min) + "-" + number(max) + " s"));
        }
    }

    /** S12: COMPTYPE in 0-7 and COMPPARA in 0-255. */
    void compression(StudyParameters study, List<Finding> findings) {
        for (int i = 0; i < study.windows().size(); i++) {
            SpectralWindow window = study.windows().get(i);
            if (window.compressionType() < 0 || window.compressionType() > 7) {
                findings.add(Finding.error("S12", "windows[" + i + "].compressionType", "COMPTYPE " + window.compressionType()
                        + " of window '" + window.name() + "' must be within 0-7"));
            }
            if (window.compressionParam() < 0 || window.compressionParam() > 255) {
                findings.add(Finding.error("S12", "windows[" + i + "].compressionParam", "COMPPARA " + window.compressionParam()
                        + " of window '" + window.name() + "' must be within 0-255"));
            }
        }
    }

    /** S13: the name's SLnn and exposure tokens agree with the parameters. */
    void nameConsistent(StudyParameters study, List<Finding> findings) {
        Optional<StudyNaming.NameTokens> tokens = StudyNaming.parse(study.name());
        if (tokens.isEmpty()) {
            findings.add(Finding.warning("S13", "name", "name '" + study.name() + "' does not follow the convention "
                    + "PURPOSE_MODE_XX_SLnn_<exposure>S_YY; proposed: " + StudyNaming.propose(study, null)));
            return;
        }
        if (tokens.get().slitArcsec() != Math.round(study.slitWidthArcsec())) {
            findings.add(Finding.warning("S13", "name", "name says SL" + StudyNaming.slitToken(tokens.get().slitArcsec())
                    + " but the slit is " + number(study.slitWidthArcsec()) + "\""));
        }
        if (Math.abs(tokens.get().exposureSeconds() - study.exposureSeconds()) > 1e-6) {
            findings.add(Finding.warning("S13", "name", "name says " + number(tokens.get().exposureSeconds())
                    + " s exposure but the exposure is " + number(study.exposureSeconds()) + " s"));
        }
    }

    /** S14: name and OBS_TYPE code unique across study lineages (revisions of one study share them). */
    public List<Finding> uniqueness(StudyParameters study, long ownLineageId, List<NameClaim> others) {
        List<Finding> findings = new ArrayList<>();
        if (study.name() == null || study.name().isBlank()) {
            findings.add(Finding.error("S14", "name", "a study needs a name"));
            return findings;
        }
        for (NameClaim other : others) {
            if (other.lineageId() == ownLineageId) {
                continue;
            }
            if (other.name().equalsIgnoreCase(study.name())) {
                findings.add(Finding.error("S14", "name", "name '" + study.name() + "' is already used by another study"));
            }
            if (study.obsTypeCode() != null && !study.obsTypeCode().isBlank()
                    && study.obsTypeCode().equals(other.obsTypeCode()) && !other.name().equalsIgnoreCase(study.name())) {
                findings.add(Finding.error("S14", "obsTypeCode", "OBS_TYPE '" + study.obsTypeCode() + "' already belongs to study '"
                        + other.name() + "'"));
            }
        }
        if (study.obsTypeCode() != null && !study.obsTypeCode().isBlank() && study.obsTypeCode().length() != 4) {
            findings.add(Finding.error("S14", "obsTypeCode", "OBS_TYPE must have 4 characters (like 'iqVx')"));
        }
        return findings;
    }

    /** S15: duration, volume and rate, recomputed on every change. */
    void estimateShown(StudyParameters study, List<Finding> findings) {
        StudyEstimate estimate = estimator.estimate(study);
        String unknown = estimate.assumedUncompressed().isEmpty() ? ""
                : "; compression " + estimate.assumedUncompressed() + " not in the table, counted uncompressed";
        findings.add(Finding.info(ESTIMATE_RULE, null, String.format(Locale.ROOT,
                "%d raster(s): %.0f s (%.2f h), raw %.1f kbit, telemetry %.1f kbit, %.2f kbit/s%s", estimate.rasters(),
                estimate.durationSeconds(), estimate.durationSeconds() / 3600, estimate.rawVolumeBits() / 1000.0,
                estimate.compressedVolumeBits() / 1000.0, estimate.telemetryRateBitsPerSecond() / 1000.0, unknown)));
    }

    private static int ruleOrder(String rule) {
        return Integer.parseInt(rule.substring(1));
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
