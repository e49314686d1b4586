package org.medoc.planner.studyset;

/** Study-set life cycle (PLANNING.md §3.5, ours beyond the name and version). */
public enum StudySetStatus {
    DRAFT, UPLOADED, ACTIVE, SUPERSEDED
}
