package org.medoc.release.api;

import org.medoc.release.model.ReleaseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the release API: each refusal with its status, and every problem with its pointer. */
@RestControllerAdvice(basePackageClasses = ReleaseApiController.class)
class ReleaseApiProblems {

    @ExceptionHandler(ReleaseException.class)
    ProblemDetail refused(ReleaseException e) {
        return switch (e) {
            case ReleaseException.NotFound notFound -> problem(HttpStatus.NOT_FOUND, "Release not found", e.getMessage());
            case ReleaseException.WrongState wrongState -> problem(HttpStatus.CONFLICT, "Not allowed in this state", e.getMessage());
            case ReleaseException.Stale stale -> problem(HttpStatus.CONFLICT, "Changed by someone else", e.getMessage());
            case ReleaseException.Invalid invalid -> {
                ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter: " + invalid.field(), e.getMessage());
                problem.setProperty("parameter", invalid.field());
                yield problem;
            }
            case ReleaseException.Refused refused -> {
                ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Release not valid", e.getMessage());
                problem.setProperty("problems", refused.problems());
                yield problem;
            }
            case ReleaseException.Registration registration -> {
                boolean metadata = !registration.problems().isEmpty();
                ProblemDetail problem = problem(metadata ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_GATEWAY,
                        "DOI registration failed", e.getMessage());
                problem.setProperty("problems", registration.problems());
                yield problem;
            }
        };
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        String message = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getMostSpecificCause().getMessage();
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", message);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
