package org.medoc.ops.golf.api;

import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.hk.HkImportException;
import org.medoc.archive.api.ParameterProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the GOLF operations API, as for planning: 404 unknown item, 409 a step not allowed in
 * the item's state, 422 a request that breaks a GOLF rule (with the findings; for an HK file, the line), 400 malformed
 * input.
 */
@RestControllerAdvice(basePackages = "org.medoc.ops")
// bad parameters (type mismatch, missing) and unreadable bodies are answered as by every medoc API: see ParameterProblems
class GolfProblems extends ParameterProblems {

    @ExceptionHandler(GolfNotFoundException.class)
    ProblemDetail notFound(GolfNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(GolfRejectedException.class)
    ProblemDetail rejected(GolfRejectedException e) {
        ProblemDetail problem = e.stateConflict()
                ? problem(HttpStatus.CONFLICT, "Not allowed in this state", e.getMessage())
                : problem(HttpStatus.UNPROCESSABLE_CONTENT, e instanceof HkImportException ? "Housekeeping file rejected"
                        : "GOLF operations rule violated", e.getMessage());
        if (e.stateConflict()) {
            problem.setProperty("reason", "WRONG_STATE");
        }
        if (e instanceof HkImportException importProblem && importProblem.line() > 0) {
            problem.setProperty("line", importProblem.line());
        }
        problem.setProperty("findings", e.findings());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
