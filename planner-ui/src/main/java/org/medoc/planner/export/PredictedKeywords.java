package org.medoc.planner.export;

import java.time.Instant;

/**
 * The FITS keyword values a planned run should produce in SPICE L2 headers (PLANNING.md §12), for reconciliation with
 * the archive. {@code null} where the plan cannot know the value (no SOOP, no study set yet).
 */
public record PredictedKeywords(long entryId, Instant dateBeg, Instant dateEnd, Integer misostud, String study, String obsType,
                                String studytyp, String purpose, int nrasters, Double xposure, Double slitWid, Integer studyId,
                                String setfile, Integer setver, String soopname, String sooptype, int stp, Integer ltp) {
}
