package org.medoc.ops.golf.mode;

/** One of GOLF's modes (PLANNING.md §13.2) with its basic cycle in seconds (null when no science is taken). */
public record GolfMode(String code, Integer cycleSeconds, String description) {
}
