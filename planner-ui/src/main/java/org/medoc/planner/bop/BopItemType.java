package org.medoc.planner.bop;

/** What a BOP item is: a study run, a telecommand, a pause, or a marker (PLANNING.md §9.1). */
public enum BopItemType {
    STUDY, COMMAND, WAIT, MARKER
}
