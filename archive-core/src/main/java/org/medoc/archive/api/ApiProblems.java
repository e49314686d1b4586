package org.medoc.archive.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** RFC 9457 problem details for the archive API (bad parameters and 404 as {@link ParameterProblems}; upload limits). */
@RestControllerAdvice(basePackages = "org.medoc.archive")
class ApiProblems extends ParameterProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "upload exceeds the size limit (" + e.getMaxUploadSize() + " bytes)");
        problem.setTitle("Upload too large");
        return problem;
    }

    /**
     * A search cancelled by the catalogue's statement timeout (PostgreSQL SQLSTATE 57014, query_canceled): the
     * caller can narrow it, so it is a 503 that says so, not an internal error. Other database errors go on to the
     * application's generic 500 (which names no SQL).
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.jooq.exception.DataAccessException.class})
    ProblemDetail databaseError(RuntimeException e) {
        if (!cancelledByTimeout(e)) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the search took longer than the catalogue allows and was cancelled; narrow the time range or add "
                        + "criteria (instrument, wavelength), or page with the cursor");
        problem.setTitle("Search too expensive");
        return problem;
    }

    static boolean cancelledByTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return notFound(e.getMessage());
    }

    /** A resource that does not exist (404). */
    static class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }
}
