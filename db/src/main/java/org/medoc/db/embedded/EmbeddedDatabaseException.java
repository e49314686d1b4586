package org.medoc.db.embedded;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL could not be started. The message is one line an operator can act on: what went wrong,
 * on which directory, and what to do about it; {@link EmbeddedDatabaseFailureAnalyzer} prints it instead of a
 * stack trace.
 */
public class EmbeddedDatabaseException extends RuntimeException {

    private final String problem;
    private final Path directory;
    private final String action;

    EmbeddedDatabaseException(String problem, Path directory, String action, Throwable cause) {
        super(problem + " (" + directory + "): " + action, cause);
        this.problem = problem;
        this.directory = directory;
        this.action = action;
    }

    EmbeddedDatabaseException(String problem, Path directory, String action) {
        this(problem, directory, action, null);
    }

    /** What went wrong, without the directory and the action. */
    public String problem() {
        return problem;
    }

    /** The directory the problem is about (the PostgreSQL data directory or its lock). */
    public Path directory() {
        return directory;
    }

    /** What the operator should do. */
    public String action() {
        return action;
    }
}
