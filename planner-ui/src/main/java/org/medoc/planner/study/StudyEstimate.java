package org.medoc.planner.study;

import java.util.List;

/**
 * Duration, data volume and telemetry rate of one execution of a study with a given number of rasters
 * (PLANNING.md §4). {@code assumedUncompressed} lists the (COMPTYPE/COMPPARA) pairs absent from the compression table,
 * counted at ratio 1 (the safe side for the telemetry budget).
 */
public record StudyEstimate(int rasters, double rasterSeconds, double durationSeconds, long rawVolumeBits,
                            long compressedVolumeBits, double telemetryRateBitsPerSecond, List<String> assumedUncompressed) {

    public StudyEstimate {
        assumedUncompressed = List.copyOf(assumedUncompressed);
    }
}
