package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unknown paths under /api answer 404 with a problem body. Without this, the web UI's servlet would answer them
 * with an HTML page, which scripts cannot tell from success.
 */
@Hidden
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new ApiProblems.NotFoundException("no API endpoint " + request.getMethod() + " " + request.getRequestURI()
                + "; see /v3/api-docs for the API");
    }
}
