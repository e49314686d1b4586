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
