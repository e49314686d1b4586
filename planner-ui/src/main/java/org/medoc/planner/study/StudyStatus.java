package org.medoc.planner.study;

/**
 * Life cycle of a study revision (PLANNING.md §3.3, our workflow): DRAFT and IN_REVIEW revisions are edited in place;
 * an APPROVED revision has a ground ID (MISOSTUD) that reaches FITS headers and never changes again (rule S14): editing
 * it creates the next revision. RETIRED revisions stay readable for the data that carry their ID.
 */
public enum StudyStatus {
    DRAFT, IN_REVIEW, APPROVED, RETIRED;

    public boolean editable() {
        return this == DRAFT || this == IN_REVIEW;
    }
}
