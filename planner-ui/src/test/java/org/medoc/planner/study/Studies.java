package org.medoc.planner.study;

import java.util.ArrayList;
import java.util.List;

/** Test fixtures modelled on public SPICE studies (PLANNING.md §3.2, §3.6). */
public final class Studies {

    private Studies() {
    }

    /** An O VI profile window on LW, 32 px wide, on the rows of the full field. */
    public static SpectralWindow profile(String name, String detector, int lambdaStart, int width) {
        return new SpectralWindow(name, WindowKind.PROFILE, detector, null, lambdaStart, lambdaStart + width - 1, 97, 926,
                1, 1, 2, 26, null);
    }

    /** SCI_SYNOPTIC_SC_SL04_60.0S_FF: 192 positions x 4" steps with the 4" slit, 60 s, full field. */
    public static StudyParameters synoptic() {
        return new StudyParameters("SCI_SYNOPTIC_SC_SL04_60.0S_FF", "iqVx", StudyCategory.SYNOPTIC, StudyType.RASTER,
                StudyPurpose.SCIENCE, null, 4, 192, 4, 0, YFieldOfView.FULL_FIELD, 97, 830, 60, 1, 1,
                ReadMode.DESTRUCTIVE, false, 0, false, false, null, null, "synoptic raster", "test",
                List.of(profile("Ne VIII 770", "SW", 700, 32), profile("O VI 1032", "LW", 1700, 32)));
    }

    public static StudyParameters sitAndStare(int exposuresPerPosition, double exposureSeconds) {
        return new StudyParameters("SCI_DYN-QS-MEDIUM-1ARC_SS_SL02_5.0S_FF", null, StudyCategory.DYNAMICS,
                StudyType.SIT_AND_STARE, StudyPurpose.SCIENCE, null, 2, 1, 0, 0, YFieldOfView.FULL_FIELD, 97, 830,
                exposureSeconds, exposuresPerPosition, 1, ReadMode.DESTRUCTIVE, false, 0, false, false, null, null,
                null, "test", List.of(profile("O VI 1032", "LW", 1700, 32)));
    }

    public static StudyParameters raster(int positions, double stepArcsec, double slitArcsec, double exposureSeconds) {
        StudyParameters base = synoptic();
        return new StudyParameters(base.name(), base.obsTypeCode(), base.category(), StudyType.RASTER, base.purpose(), null,
                slitArcsec, positions, stepArcsec, 0, base.yFieldOfView(), base.yStartPx(), base.yHeightPx(), exposureSeconds,
                1, 1, base.readMode(), false, 0, false, false, null, null, null, "test", base.windows());
    }

    public static StudyParameters withWindows(StudyParameters study, List<SpectralWindow> windows) {
        return new StudyParameters(study.name(), study.obsTypeCode(), study.category(), study.studyType(), study.purpose(),
                study.subPurpose(), study.slitWidthArcsec(), study.positions(), study.stepArcsec(), study.xOffsetArcsec(),
                study.yFieldOfView(), study.yStartPx(), study.yHeightPx(), study.exposureSeconds(),
                study.exposuresPerPosition(), study.defaultRasters(), study.readMode(), study.doubleExposure(),
                study.doubleExposureNo(), study.onboardDarkSubtraction(), study.onboardBiasSubtraction(),
                study.triggerEvent(), study.srLabel(), study.description(), study.author(), windows);
    }

    public static StudyParameters withWindow(StudyParameters study, int index, SpectralWindow window) {
        List<SpectralWindow> windows = new ArrayList<>(study.windows());
        windows.set(index, window);
        return withWindows(study, windows);
    }

    public static StudyParameters withType(StudyParameters s, StudyType type, int positions, int exposures) {
        return new StudyParameters(s.name(), s.obsTypeCode(), s.category(), type, s.purpose(), s.subPurpose(),
                s.slitWidthArcsec(), positions, s.stepArcsec(), s.xOffsetArcsec(), s.yFieldOfView(), s.yStartPx(),
                s.yHeightPx(), s.exposureSeconds(), exposures, s.defaultRasters(), s.readMode(), s.doubleExposure(),
                s.doubleExposureNo(), s.onboardDarkSubtraction(), s.onboardBiasSubtraction(), s.triggerEvent(),
                s.srLabel(), s.description(), s.author(), s.windows());
    }

    public static StudyParameters withYField(StudyParameters s, int start, int height) {
        return new StudyParameters(s.name(), s.obsTypeCode(), s.category(), s.studyType(), s.purpose(), s.subPurpose(),
                s.slitWidthArcsec(), s.positions(), s.stepArcsec(), s.xOffsetArcsec(), YFieldOfView.CUSTOM, start, height,
                s.exposureSeconds(), s.exposuresPerPosition(), s.defaultRasters(), s.readMode(), s.doubleExposure(),
                s.doubleExposureNo(), s.onboardDarkSubtraction(), s.onboardBiasSubtraction(), s.triggerEvent(),
                s.srLabel(), s.description(), s.author(), s.windows());
    }

    public static StudyParameters withDoubleExposure(StudyParameters s) {
        return new StudyParameters(s.name(), s.obsTypeCode(), s.category(), s.studyType(), s.purpose(), s.subPurpose(),
                s.slitWidthArcsec(), s.positions(), s.stepArcsec(), s.xOffsetArcsec(), s.yFieldOfView(), s.yStartPx(),
                s.yHeightPx(), s.exposureSeconds(), s.exposuresPerPosition(), s.defaultRasters(), s.readMode(), true, 2,
                s.onboardDarkSubtraction(), s.onboardBiasSubtraction(), s.triggerEvent(), s.srLabel(), s.description(),
                s.author(), s.windows());
    }

    public static SpectralWindow window(SpectralWindow w, WindowKind kind, int lambdaStart, int lambdaEnd, int yStart, int yEnd,
                                        int binY, int binLambda, int compressionType, int compressionParam) {
        return new SpectralWindow(w.name(), kind, w.detector(), w.lineId(), lambdaStart, lambdaEnd, yStart, yEnd, binY, binLambda,
                compressionType, compressionParam, w.misoWindowId());
    }
}
