package org.medoc.planner.validation;

import java.util.Collection;

/**
 * One result of a planning rule: its stable code from PLANNING.md §10 ({@code S1}, {@code T5}, ...), its severity,
 * the field at fault (a bean path such as {@code windows[2].binY}, or {@code null} for the whole item), and a message a
 * planner can act on.
 */
public record Finding(Severity severity, String rule, String field, String message) {

    public static Finding error(String rule, String field, String message) {
        return new Finding(Severity.ERROR, rule, field, message);
    }

    public static Finding warning(String rule, String field, String message) {
        return new Finding(Severity.WARNING, rule, field, message);
    }

    public static Finding info(String rule, String field, String message) {
        return new Finding(Severity.INFO, rule, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public static boolean anyError(Collection<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }
}
