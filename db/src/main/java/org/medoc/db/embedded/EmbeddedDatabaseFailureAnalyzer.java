package org.medoc.db.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link EmbeddedDatabaseException} as Spring Boot's "APPLICATION FAILED TO START" block: the problem
 * and its directory on one line, what to do on another, and no stack trace an operator cannot act on.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        return new FailureAnalysis(cause.problem() + " (" + cause.directory() + ")", cause.action(), cause);
    }
}
