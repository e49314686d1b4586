package org.medoc.planner.study;

/** Header {@code READMODE} ([R2]). */
public enum ReadMode {
    DESTRUCTIVE, NON_DESTRUCTIVE
}
