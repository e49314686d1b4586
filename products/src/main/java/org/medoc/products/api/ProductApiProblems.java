package org.medoc.products.api;

import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.products.chain.ChainException;
import org.medoc.products.chain.ProductChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problem details for the products API, naming the parameter at fault (as the archive API does). */
@RestControllerAdvice(basePackages = "org.medoc.products")
class ProductApiProblems {

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalidQuery(InvalidQueryException e) {
        return badParameter(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(ProductChain.UnknownProductTypeException.class)
    ProblemDetail unknownType(ProductChain.UnknownProductTypeException e) {
        return badParameter("type", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badParameter(e.getName(), "parameter " + e.getName() + " has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badParameter(e.getParameterName(), "parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler({NotFoundException.class, ProductChain.RunNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ChainException.class)
    ProblemDetail conflict(ChainException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Cannot run this product");
        return problem;
    }

    static ProblemDetail badParameter(String parameter, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Invalid parameter: " + parameter);
        problem.setProperty("parameter", parameter);
        return problem;
    }

    /** A resource that does not exist (404). */
    static class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }
}
