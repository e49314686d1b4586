package org.medoc.release.model;

/**
 * One thing wrong with a release, listed rather than thrown, so that a release manager sees every problem at once.
 *
 * @param pointer where: a JSON pointer into the metadata ({@code /creators/0/name}), {@code /selection}, or a file path
 * @param blocking an error that stops the freeze or the publication; false for a warning
 */
public record ValidationProblem(String pointer, String message, boolean blocking) {

    public static ValidationProblem error(String pointer, String message) {
        return new ValidationProblem(pointer, message, true);
    }

    public static ValidationProblem warning(String pointer, String message) {
        return new ValidationProblem(pointer, message, false);
    }
}
