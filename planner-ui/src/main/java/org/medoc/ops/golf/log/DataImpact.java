package org.medoc.ops.golf.log;

/** What the event did to the data: nothing, a gap, degraded data, or a shift in measurement timing. */
public enum DataImpact { NONE, GAP, DEGRADED, TIMING_SHIFT }
