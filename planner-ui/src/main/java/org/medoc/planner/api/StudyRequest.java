package org.medoc.planner.api;

import org.medoc.planner.instrument.DetectorBand;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.medoc.planner.study.ReadMode;
import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StudyCategory;
import org.medoc.planner.study.StudyNaming;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyPurpose;
import org.medoc.planner.study.StudyType;
import org.medoc.planner.study.WindowKind;
import org.medoc.planner.study.YFieldOfView;

import java.util.ArrayList;
import java.util.List;

/**
 * A study as scripts send it. Omitted fields take defaults: a name proposed by the naming convention (with
 * {@code nameVariant}), rows from the Y field of view, a window centred on {@code lineId} when no dispersion pixels
 * are given. {@code lockVersion} is required to change a stored study.
 */
public record StudyRequest(Integer lockVersion, String name, String nameVariant, String obsTypeCode, String category,
                           String type, String purpose, String subPurpose, Double slitArcsec, Integer positions,
                           Double stepArcsec, Double xOffsetArcsec, String yFieldOfView, Integer yStartPx, Integer yHeightPx,
                           Double exposureSeconds, Integer exposuresPerPosition, Integer rasters, String readMode,
                           Boolean doubleExposure, Integer doubleExposureNo, Boolean onboardDarkSubtraction,
                           Boolean onboardBiasSubtraction, String trigger, String srLabel, String description, String author,
                           List<WindowRequest> windows) {

    /** A spectral window; either dispersion pixels or a line (and a width) place it. */
    public record WindowRequest(String name, String kind, String detector, Long lineId, Integer lambdaPxStart,
                                Integer lambdaPxEnd, Integer widthPx, Integer yStartPx, Integer yEndPx, Integer binY,
                                Integer binLambda, Integer compressionType, Integer compressionParam, Integer misoWindowId) {
    }

    StudyParameters toParameters(InstrumentConfiguration configuration, List<InstrumentConfigurationService.SpectralLine> lines,
                                 String user) {
        StudyType studyType = InvalidPlanningRequestException.enumValue(StudyType.class, type, "type", null);
        YFieldOfView yField = InvalidPlanningRequestException.enumValue(YFieldOfView.class, yFieldOfView, "yFieldOfView", YFieldOfView.FULL_FIELD);
        int yStart;
        int yHeight;
        switch (yField) {
            case FULL_DETECTOR -> {
                yStart = 1;
                yHeight = InstrumentConfiguration.DETECTOR_ROWS;
            }
            case FULL_FIELD -> {
                yStart = (int) configuration.parameter(InstrumentConfiguration.FULL_FIELD_START);
                yHeight = (int) configuration.parameter(InstrumentConfiguration.FULL_FIELD_HEIGHT);
            }
            default -> {
                if (yStartPx == null || yHeightPx == null) {
                    throw new InvalidPlanningRequestException("yStartPx", "a CUSTOM Y field of view needs yStartPx and yHeightPx");
                }
                yStart = yStartPx;
                yHeight = yHeightPx;
            }
        }
        if (slitArcsec == null) {
            throw new InvalidPlanningRequestException("slitArcsec", "slitArcsec is required (2, 4, 6 or 30)");
        }
        if (exposureSeconds == null) {
            throw new InvalidPlanningRequestException("exposureSeconds", "exposureSeconds is required");
        }
        List<SpectralWindow> spectralWindows = new ArrayList<>();
        List<WindowRequest> requested = windows == null ? List.of() : windows;
        for (int i = 0; i < requested.size(); i++) {
            spectralWindows.add(window(requested.get(i), i, configuration, lines, yStart, yStart + yHeight - 1));
        }
        StudyParameters parameters = new StudyParameters(name == null ? "" : name.trim(), obsTypeCode,
                InvalidPlanningRequestException.enumValue(StudyCategory.class, category, "category", StudyCategory.OTHER), studyType,
                InvalidPlanningRequestException.enumValue(StudyPurpose.class, purpose, "purpose", StudyPurpose.SCIENCE), subPurpose,
                slitArcsec, positions != null ? positions : 1, stepArcsec != null ? stepArcsec : (studyType == StudyType.RASTER ? slitArcsec : 0),
                xOffsetArcsec != null ? xOffsetArcsec : 0, yField, yStart, yHeight, exposureSeconds,
                exposuresPerPosition != null ? exposuresPerPosition : 1, rasters != null ? rasters : 1,
                InvalidPlanningRequestException.enumValue(ReadMode.class, readMode, "readMode", ReadMode.DESTRUCTIVE),
                Boolean.TRUE.equals(doubleExposure), doubleExposureNo != null ? doubleExposureNo : 0,
                Boolean.TRUE.equals(onboardDarkSubtraction), Boolean.TRUE.equals(onboardBiasSubtraction), trigger, srLabel,
                description, author != null ? author : user, spectralWindows);
        if (name == null || name.isBlank()) {
            parameters = parameters.withName(StudyNaming.propose(parameters, nameVariant));
        }
        return parameters;
    }

    private static SpectralWindow window(WindowRequest w, int index, InstrumentConfiguration configuration,
                                         List<InstrumentConfigurationService.SpectralLine> lines, int studyYStart, int studyYEnd) {
        String field = "windows[" + index + "]";
        WindowKind kind = InvalidPlanningRequestException.enumValue(WindowKind.class, w.kind(), field + ".kind", WindowKind.PROFILE);
        String detector = w.detector();
        int start;
        int end;
        String name = w.name();
        if (w.lambdaPxStart() != null) {
            start = w.lambdaPxStart();
            end = w.lambdaPxEnd() != null ? w.lambdaPxEnd() : start + (w.widthPx() != null ? w.widthPx() : 32) - 1;
            if (detector == null) {
                detector = configuration.detectorForIndex(start).map(DetectorBand::code).orElse("SW");
            }
        } else if (w.lineId() != null) {
            InstrumentConfigurationService.SpectralLine line = lines.stream().filter(l -> l.id() == w.lineId()).findFirst()
                    .orElseThrow(() -> new InvalidPlanningRequestException(field + ".lineId", "no spectral line " + w.lineId()));
            DetectorBand band = configuration.detector(line.detector()).orElseThrow();
            int width = w.widthPx() != null ? w.widthPx() : 32;
            int centre = band.indexOf(line.wavelengthNm());
            start = Math.max(band.indexFrom(), Math.min(band.indexTo() - width + 1, centre - width / 2));
            end = start + width - 1;
            detector = band.code();
            name = name != null ? name : line.label();
        } else {
            throw new InvalidPlanningRequestException(field + ".lambdaPxStart", "a window needs lambdaPxStart or a lineId");
        }
        return new SpectralWindow(name != null ? name : "window " + index, kind, detector, w.lineId(), start, end,
                w.yStartPx() != null ? w.yStartPx() : studyYStart, w.yEndPx() != null ? w.yEndPx() : studyYEnd,
                w.binY() != null ? w.binY() : 1, w.binLambda() != null ? w.binLambda() : 1,
                w.compressionType() != null ? w.compressionType() : 2, w.compressionParam() != null ? w.compressionParam() : 26,
                w.misoWindowId());
    }
}
