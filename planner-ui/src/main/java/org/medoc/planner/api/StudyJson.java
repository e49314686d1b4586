package org.medoc.planner.api;

import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyEstimate;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.List;

/**
 * A study as the planning API shows it: identity ({@code version} is the study revision, {@code lockVersion} the
 * optimistic-lock token to send back with a change), parameters, the live estimate and every rule finding.
 */
public record StudyJson(long id, long lineageId, int version, int lockVersion, Integer misoId, String status, String name,
                        String obsTypeCode, String category, String categoryLabel, String type, String studyTypeFits,
                        String purpose, String subPurpose, double slitArcsec, int positions, double stepArcsec,
                        double xOffsetArcsec, double xFovStartArcsec, double xFovWidthArcsec, double xFovStopArcsec,
                        String yFieldOfView, int yStartPx, int yHeightPx, double yFovArcsec, double exposureSeconds,
                        int exposuresPerPosition, int rasters, String readMode, boolean doubleExposure, int doubleExposureNo,
                        boolean onboardDarkSubtraction, boolean onboardBiasSubtraction, String trigger, String srLabel,
                        String description, String author, List<SpectralWindow> windows, double durationSeconds,
                        long rawVolumeBits, long compressedVolumeBits, double telemetryRateBitsPerSecond,
                        List<String> assumedUncompressed, List<Finding> findings, Long parentStudyId, Instant createdAt,
                        String createdBy, Instant updatedAt, String updatedBy, Instant approvedAt, String approvedBy) {

    static StudyJson of(StudyDetail detail) {
        StoredStudy s = detail.study();
        StudyParameters p = s.parameters();
        StudyEstimate e = detail.estimate();
        return new StudyJson(s.id(), s.lineageId(), s.revision(), s.lockVersion(), s.misoId(), s.status().name(), p.name(),
                p.obsTypeCode(), p.category().name(), p.category().label(), p.studyType().name(), p.studyType().fitsValue(),
                p.purpose().name(), p.subPurpose(), p.slitWidthArcsec(), p.positions(), p.stepArcsec(), p.xOffsetArcsec(),
                p.xFovStartArcsec(), p.rasterWidthArcsec(), p.xFovStopArcsec(), p.yFieldOfView().name(), p.yStartPx(),
                p.yHeightPx(), p.yFovArcsec(), p.exposureSeconds(), p.exposuresPerPosition(), p.defaultRasters(),
                p.readMode().name(), p.doubleExposure(), p.doubleExposureNo(), p.onboardDarkSubtraction(),
                p.onboardBiasSubtraction(), p.triggerEvent(), p.srLabel(), p.description(), p.author(), p.windows(),
                e.durationSeconds(), e.rawVolumeBits(), e.compressedVolumeBits(), e.telemetryRateBitsPerSecond(),
                e.assumedUncompressed(), detail.findings(), s.parentStudyId(), s.createdAt(), s.createdBy(), s.updatedAt(),
                s.updatedBy(), s.approvedAt(), s.approvedBy());
    }
}
