package org.medoc.products.api;

import org.medoc.archive.api.ParameterProblems;
import org.medoc.products.campaign.CampaignService;
import org.medoc.products.chain.ChainException;
import org.medoc.products.chain.ProductChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the products API, answering bad parameters and missing resources as the archive API does ({@link ParameterProblems}). */
@RestControllerAdvice(basePackages = "org.medoc.products")
class ProductApiProblems extends ParameterProblems {

    @ExceptionHandler(ProductChain.UnknownProductTypeException.class)
    ProblemDetail unknownType(ProductChain.UnknownProductTypeException e) {
        return badParameter("type", e.getMessage());
    }

    @ExceptionHandler({NotFoundException.class, ProductChain.RunNotFoundException.class, CampaignService.CampaignNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return notFound(e.getMessage());
    }

    @ExceptionHandler(ChainException.class)
    ProblemDetail conflict(ChainException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Cannot run this product");
        return problem;
    }

    @ExceptionHandler(CampaignService.CampaignStateException.class)
    ProblemDetail campaignState(CampaignService.CampaignStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the campaign's state");
        return problem;
    }

    /** A resource that does not exist (404). */
    static class NotFoundException extends RuntimeException {
        NotFoundException(String message) {
            super(message);
        }
    }
}
