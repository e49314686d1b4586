package org.medoc.archive.api;

import org.medoc.archive.catalogue.InvalidQueryException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The RFC 9457 answers every medoc API gives for a bad request parameter (400 naming the parameter in
 * {@code parameter}), a request body that cannot be read (400) or a missing resource (404). Each module's {@code @RestControllerAdvice} extends this class, so
 * that archive, products and the other APIs answer the same mistakes the same way.
 */
public abstract class ParameterProblems {

    @ExceptionHandler(InvalidQueryException.class)
    public ProblemDetail invalidQuery(InvalidQueryException e) {
        return badParameter(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badParameter(e.getName(), "parameter " + e.getName() + " has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missing(MissingServletRequestParameterException e) {
        return badParameter(e.getParameterName(), "parameter " + e.getParameterName() + " is required");
    }

    /** A body that is not what the route reads (malformed JSON or CSV, a wrong type): 400 saying what the reader met. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String detail = e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body could not be read: " + detail);
        problem.setTitle("Malformed request body");
        return problem;
    }

    /** 400 with the parameter at fault in the title and in the {@code parameter} property. */
    public static ProblemDetail badParameter(String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Invalid parameter: " + parameter);
        problem.setProperty("parameter", parameter);
        return problem;
    }

    /** 404 with what was not found. */
    public static ProblemDetail notFound(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message);
        problem.setTitle("Not found");
        return problem;
    }
}
