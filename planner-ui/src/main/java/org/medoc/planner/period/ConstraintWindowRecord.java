package org.medoc.planner.period;


import java.time.Instant;

/** A stored constraint window (E-FECS, SOC LTP, SoHO SPWG or manual; PLANNING.md §7). */
public record ConstraintWindowRecord(long id, String source, String type, ConstraintEffect effect, Instant start, Instant end,
                                     String description, int lockVersion) {
}
