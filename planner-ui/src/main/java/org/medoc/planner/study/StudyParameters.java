package org.medoc.planner.study;

import java.util.List;

/**
 * Everything a planner sets on a study (PLANNING.md §3.3): the input of the duration/volume estimate
 * ({@link StudyEstimator}), of the rules ({@link StudyRules}) and of the name proposal ({@link StudyNaming}).
 * Angles in arcsec, times in seconds, rows in detector pixels (1-based).
 */
public record StudyParameters(String name, String obsTypeCode, StudyCategory category, StudyType studyType,
                              StudyPurpose purpose, String subPurpose, double slitWidthArcsec, int positions,
                              double stepArcsec, double xOffsetArcsec, YFieldOfView yFieldOfView, int yStartPx,
                              int yHeightPx, double exposureSeconds, int exposuresPerPosition, int defaultRasters,
                              ReadMode readMode, boolean doubleExposure, int doubleExposureNo,
                              boolean onboardDarkSubtraction, boolean onboardBiasSubtraction, String triggerEvent,
                              String srLabel, String description, String author, List<SpectralWindow> windows) {

    public StudyParameters {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** Slit positions per raster: the positions of a raster, one for the other types. */
    public int effectivePositions() {
        return studyType == StudyType.RASTER ? positions : 1;
    }

    /** Exposures at each position: a sit-and-stare time series, one for the other types. */
    public int effectiveExposuresPerPosition() {
        return studyType == StudyType.SIT_AND_STARE ? exposuresPerPosition : 1;
    }

    /** Raster field of view along x, (N - 1) * step + slit ([R5]); the slit width alone when not rastering. */
    public double rasterWidthArcsec() {
        return studyType == StudyType.RASTER ? (positions - 1) * stepArcsec + slitWidthArcsec : slitWidthArcsec;
    }

    /** MISO's XFOV start / width / stop columns, in arcsec from the boresight (units are our reading). */
    public double xFovStartArcsec() {
        return xOffsetArcsec;
    }

    public double xFovStopArcsec() {
        return xOffsetArcsec + rasterWidthArcsec();
    }

    public int yEndPx() {
        return yStartPx + yHeightPx - 1;
    }

    /** Field of view along the slit in arcsec (1.098"/pixel, CDELT2 [R2]). */
    public double yFovArcsec() {
        return yHeightPx * 1.098;
    }

    public StudyParameters withName(String newName) {
        return new StudyParameters(newName, obsTypeCode, category, studyType, purpose, subPurpose, slitWidthArcsec,
                positions, stepArcsec, xOffsetArcsec, yFieldOfView, yStartPx, yHeightPx, exposureSeconds,
                exposuresPerPosition, defaultRasters, readMode, doubleExposure, doubleExposureNo, onboardDarkSubtraction,
                onboardBiasSubtraction, triggerEvent, srLabel, description, author, windows);
    }

    public StudyParameters withObsTypeCode(String code) {
        return new StudyParameters(name, code, category, studyType, purpose, subPurpose, slitWidthArcsec,
                positions, stepArcsec, xOffsetArcsec, yFieldOfView, yStartPx, yHeightPx, exposureSeconds,
                exposuresPerPosition, defaultRasters, readMode, doubleExposure, doubleExposureNo, onboardDarkSubtraction,
                onboardBiasSubtraction, triggerEvent, srLabel, description, author, windows);
    }
}
