package org.medoc.ops.golf.hk;

import org.medoc.ops.golf.alarm.Alarm;

import java.time.Instant;
import java.util.List;

/**
 * A parameter over [from, to) in {@code bins} equal bins: min/max/mean per bin (never the raw samples), the limit
 * versions in force during the range (for the limit lines) and the alarms within it (for the shading).
 * {@code source} says whether the bins came from the samples or from the hourly rollup.
 */
public record PlotSeries(String mnemonic, String unit, Instant from, Instant to, int bins, Source source,
                         List<PlotBin> points, List<LimitVersion> limits, List<Alarm> alarms) {

    public enum Source {
        /** Computed from the samples: exact. */
        SAMPLES,
        /** Computed from hourly aggregates: each hour counts in the bin where it starts. */
        HOURLY_ROLLUP
    }
}
