package org.medoc.planner.period;

/** Planning levels (PLANNING.md §5.1): mission, long-, medium-, short- and very-short-term. */
public enum PeriodKind {
    MLP, LTP, MTP, STP, VSTP
}
