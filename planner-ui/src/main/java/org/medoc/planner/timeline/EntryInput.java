package org.medoc.planner.timeline;

import java.time.Instant;

/** What a planner sets when placing or editing a timeline entry; nullable fields take defaults. */
public record EntryInput(long studyId, Instant start, Integer rasters, Double xOffsetArcsec, String pointingId,
                         String pointingKind, Long soopInstanceId, String targetText, Boolean spansNextStp,
                         Boolean highRateApproved, Integer priority, Boolean locked) {

    public static EntryInput of(long studyId, Instant start, Integer rasters) {
        return new EntryInput(studyId, start, rasters, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A stored entry moved or changed by hand: the new study (none: the entry's own), start and rasters (none: the
     * entry's), everything else (pointing, target, SOOP, approvals, priority, lock) as the entry has it, since an
     * update writes every field it is given.
     */
    public static EntryInput edited(TimelineEntry entry, Long studyId, Instant start, Integer rasters) {
        return new EntryInput(studyId == null ? entry.studyId() : studyId, start == null ? entry.start() : start,
                rasters == null ? entry.rasters() : rasters, entry.xOffsetArcsec(), entry.pointingId(), entry.pointingKind(),
                entry.soopInstanceId(), entry.targetText(), entry.spansNextStp(), entry.highRateApproved(), entry.priority(),
                entry.locked());
    }
}
