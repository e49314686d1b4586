package org.medoc.planner.timeline;

import java.time.Instant;

/**
 * A stored timeline entry: one planned SPICE observation (a future SPIOBSID, PLANNING.md §8) with its estimated end,
 * duration and volume, and its BOP origin ({@code bopInstanceId}; {@code detached} once edited by hand).
 */
public record TimelineEntry(long id, long stpId, long studyId, String studyName, Integer misoId, Instant start, Instant end,
                            int rasters, double durationSeconds, long volumeBits, Double xOffsetArcsec, String pointingId,
                            String pointingKind, Long soopInstanceId, String targetText, String socObsId, Long bopInstanceId,
                            Integer bopItemSeq, boolean detached, boolean spansNextStp, boolean highRateApproved, int priority,
                            boolean locked, String status, int lockVersion, Instant updatedAt) {
}
