package org.medoc.planner.period;

import java.time.Instant;

/** One run of a SOOP (PLANNING.md §6), with the SOOP's name, FITS type code and pointing requirement. */
public record SoopInstance(long id, long soopId, String soopName, String fitsTypeCode, String pointingRequirement,
                           Instant start, Instant end, String notes, int lockVersion) {
}
