package org.medoc.release.model;

import java.util.List;

/** Why a change to a release was refused; each subclass maps to one HTTP status and one form message. */
public abstract sealed class ReleaseException extends RuntimeException {

    protected ReleaseException(String message) {
        super(message);
    }

    /** No such release (404). */
    public static final class NotFound extends ReleaseException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The release's state forbids this change, e.g. editing a frozen release (409). */
    public static final class WrongState extends ReleaseException {
        public WrongState(String message) {
            super(message);
        }
    }

    /** Someone changed the release since the caller read it (409); reload and retry. */
    public static final class Stale extends ReleaseException {
        public Stale(String message) {
            super(message);
        }
    }

    /** The input is malformed (400), e.g. an invalid version string. */
    public static final class Invalid extends ReleaseException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Validation found blocking problems (422): the freeze or publication did not happen. */
    public static final class Refused extends ReleaseException {
        private final List<ValidationProblem> problems;

        public Refused(String message, List<ValidationProblem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        public List<ValidationProblem> problems() {
            return problems;
        }
    }

    /** The DOI registrar refused or failed (502, or 422 with DataCite's pointers). */
    public static final class Registration extends ReleaseException {
        private final List<ValidationProblem> problems;
        private final boolean retryable;

        /** A refusal: DataCite answered and said no; sending the same again would be refused again. */
        public Registration(String message, List<ValidationProblem> problems) {
            this(message, problems, false);
        }

        /** @param retryable true when DataCite was unreachable, busy or failing (network, 429, 5xx): a later try may pass */
        public Registration(String message, List<ValidationProblem> problems, boolean retryable) {
            super(message);
            this.problems = List.copyOf(problems);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        public List<ValidationProblem> problems() {
            return problems;
        }
    }
}
