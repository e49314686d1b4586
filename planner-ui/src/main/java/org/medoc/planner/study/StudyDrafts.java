package org.medoc.planner.study;

import org.medoc.planner.instrument.DetectorBand;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService.SpectralLine;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.Severity;

import java.util.List;

/**
 * How the study editor starts and completes an unsaved study: the parameters of a new study, the rows a Y field of
 * view covers, where a window picked for a spectral line is placed and with which compression, the purpose a category
 * implies, the name proposed when none is typed, and which rule findings are worth showing while editing. Pure and kept
 * out of the views so that tests reach them.
 */
public final class StudyDrafts {

    /** Dispersion width of a new window, in pixels: wide enough for a line profile and its wings. */
    public static final int WINDOW_WIDTH_PX = 32;
    /** COMPTYPE of a new window: SHC lossy (the compression of most science windows, ratio from the configuration). */
    public static final int COMPRESSION_TYPE = 2;
    /** COMPPARA of a new window, with {@link #COMPRESSION_TYPE}. */
    public static final int COMPRESSION_PARAM = 26;

    private StudyDrafts() {
    }

    /** Detector rows covered by a Y field of view (1-based, inclusive). */
    public record Rows(int startPx, int endPx) {

        public int heightPx() {
            return endPx - startPx + 1;
        }
    }

    /**
     * A new study as the editor opens it: a synoptic 2-position raster with the 4" slit, 60 s exposures over the full
     * field, no window yet and no name (one is proposed).
     */
    public static StudyParameters newStudy(InstrumentConfiguration configuration, String author) {
        Rows rows = rows(configuration, YFieldOfView.FULL_FIELD);
        return new StudyParameters("", null, StudyCategory.SYNOPTIC, StudyType.RASTER, StudyCategory.SYNOPTIC.purpose(), null,
                4.0, 2, 4.0, 0, YFieldOfView.FULL_FIELD, rows.startPx(), rows.heightPx(), 60.0, 1, 1, ReadMode.DESTRUCTIVE,
                false, 0, false, false, null, null, null, author, List.of());
    }

    /**
     * The rows a Y field of view covers: every row of the detector, or the configured full field (also for a custom
     * field of view, whose rows are kept from the study it was read from).
     */
    public static Rows rows(InstrumentConfiguration configuration, YFieldOfView field) {
        if (field == YFieldOfView.FULL_DETECTOR) {
            return new Rows(1, InstrumentConfiguration.DETECTOR_ROWS);
        }
        int start = (int) configuration.parameter(InstrumentConfiguration.FULL_FIELD_START);
        return new Rows(start, start + (int) configuration.parameter(InstrumentConfiguration.FULL_FIELD_HEIGHT) - 1);
    }

    /**
     * A window for a spectral line: {@code widthPx} dispersion pixels centred on the line and kept on its detector,
     * over {@code rows}, unbinned, with the default compression.
     */
    public static SpectralWindow windowFor(InstrumentConfiguration configuration, SpectralLine line, int widthPx, WindowKind kind, Rows rows) {
        DetectorBand band = configuration.detector(line.detector())
                .orElseThrow(() -> new IllegalArgumentException("line " + line.label() + " is on an unknown detector " + line.detector()));
        int start = Math.max(band.indexFrom(), Math.min(band.indexTo() - widthPx + 1, band.indexOf(line.wavelengthNm()) - widthPx / 2));
        return new SpectralWindow(line.label(), kind, band.code(), line.id(), start, start + widthPx - 1, rows.startPx(), rows.endPx(),
                1, 1, COMPRESSION_TYPE, COMPRESSION_PARAM, null);
    }

    /** The windows cut to the study's rows (a window never reads rows the study does not). */
    public static List<SpectralWindow> fitToRows(List<SpectralWindow> windows, Rows rows) {
        return windows.stream().map(w -> new SpectralWindow(w.name(), w.kind(), w.detector(), w.lineId(), w.lambdaPxStart(),
                w.lambdaPxEnd(), Math.max(w.yStartPx(), rows.startPx()), Math.min(w.yEndPx(), rows.endPx()), w.binY(), w.binLambda(),
                w.compressionType(), w.compressionParam(), w.misoWindowId())).toList();
    }

    /** The study with the conventional name proposed from its parameters when the planner typed none. */
    public static StudyParameters named(StudyParameters study, String variant) {
        return study.name() == null || study.name().isBlank() ? study.withName(StudyNaming.propose(study, variant)) : study;
    }

    /**
     * Whether the editor shows a finding: errors and warnings, and of the informational findings only the estimate
     * (S15), which the planner reads on every change; the other notes would drown it.
     */
    public static boolean shownWhileEditing(Finding finding) {
        return finding.severity() != Severity.INFO || StudyRules.ESTIMATE_RULE.equals(finding.rule());
    }
}
