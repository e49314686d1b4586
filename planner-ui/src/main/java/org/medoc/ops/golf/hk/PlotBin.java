package org.medoc.ops.golf.hk;

import java.time.Instant;

/** One bin of a plot: the samples in [start, end) summarised; bins without samples are left out. */
public record PlotBin(int index, Instant start, Instant end, long samples, double min, double max, double mean) {
}
