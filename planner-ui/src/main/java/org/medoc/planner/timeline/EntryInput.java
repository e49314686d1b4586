package org.medoc.planner.timeline;

import java.time.Instant;

/** What a planner sets when placing or editing a timeline entry; nullable fields take defaults. */
public record EntryInput(long studyId, Instant start, Integer rasters, Double xOffsetArcsec, String pointingId,
                         String pointingKind, Long soopInstanceId, String targetText, Boolean spansNextStp,
                         Boolean highRateApproved, Integer priority, Boolean locked) {

    public static EntryInput of(long studyId, Instant start, Integer rasters) {
        return new EntryInput(studyId, start, rasters, null, null, null, null, null, null, null, null, null);
    }
}
