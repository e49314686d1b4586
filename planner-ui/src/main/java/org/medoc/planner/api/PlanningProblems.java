package org.medoc.planner.api;

import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.medoc.archive.api.ParameterProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the planning API: 404 for unknown items, 409 for an edit conflict (optimistic lock)
 * or a workflow step not allowed in the item's state, 422 for a request that breaks planning rules (with the
 * findings), 400 for malformed input.
 */
@RestControllerAdvice(basePackages = "org.medoc.planner")
// bad parameters (type mismatch, missing) and unreadable bodies are answered as by every medoc API: see ParameterProblems
class PlanningProblems extends ParameterProblems {

    @ExceptionHandler(PlanningNotFoundException.class)
    ProblemDetail notFound(PlanningNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(PlanningConflictException.class)
    ProblemDetail conflict(PlanningConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Edit conflict", e.getMessage());
        problem.setProperty("reason", "STALE_LOCK_VERSION");
        return problem;
    }

    @ExceptionHandler(PlanningRejectedException.class)
    ProblemDetail rejected(PlanningRejectedException e) {
        ProblemDetail problem = e.stateConflict()
                ? problem(HttpStatus.CONFLICT, "Not allowed in this state", e.getMessage())
                : problem(HttpStatus.UNPROCESSABLE_CONTENT, "Planning rule violated", e.getMessage());
        if (e.stateConflict()) {
            problem.setProperty("reason", "WRONG_STATE");
        }
        problem.setProperty("findings", e.findings());
        return problem;
    }

    @ExceptionHandler(InvalidPlanningRequestException.class)
    ProblemDetail invalid(InvalidPlanningRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter: " + e.field(), e.getMessage());
        problem.setProperty("parameter", e.field());
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        // PostgreSQL's own message quotes the SQL values and table layout: only the constraint's name goes out
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        Matcher constraint = CONSTRAINT.matcher(message);
        return problem(HttpStatus.CONFLICT, "Conflicts with stored data", "the change conflicts with stored data"
                + (constraint.find() ? " (rule " + constraint.group(1) + ")" : ""));
    }

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([A-Za-z0-9_]+)\"");

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
