package org.medoc.planner.icn;

/** What an ICN changes (PLANNING.md §9.2). */
public enum IcnCategory {
    STUDY_SET_UPLOAD, TABLE_PATCH, PARAMETER_CHANGE, PROCEDURE_CHANGE, OTHER
}
