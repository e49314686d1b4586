package org.medoc.planner.validation;

/**
 * How much a rule finding matters (PLANNING.md §10): an ERROR blocks approval and delivery, a WARNING must be
 * acknowledged with a note before delivery, an INFO is shown only.
 */
public enum Severity {
    ERROR, WARNING, INFO
}
