package org.medoc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;

/**
 * Answers unauthenticated (401) and forbidden (403) API calls with an RFC 9457 problem document, so scripts get
 * a status and a reason instead of the HTML login page. The 401 deliberately sends no {@code WWW-Authenticate: Basic}
 * challenge: a browser that got one would ask for the password and then send it with every later request, including
 * those a foreign page makes it send (CSRF). Scripts send their credentials pre-emptively (an API token, or HTTP Basic).
 */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String detail = request.getHeader("Authorization") == null
                ? "Authentication required: send a personal API token (Authorization: Bearer ..., made under My account "
                        + "in the web UI) or HTTP Basic credentials of a medoc account with the request."
                // one answer for a wrong password, an unknown name, a bad token and a lock: nothing to learn about accounts
                : "Authentication failed: wrong credentials, or an account or client address locked after repeated "
                        + "failures (the lock lifts by itself after a while, or an administrator lifts it).";
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        String detail = switch (exception) {
            case CsrfException csrf -> "Forbidden: a request that carries a session cookie must send the CSRF token (" + csrf.getMessage() + ")";
            case SameOriginFilter.CrossSiteRequestException crossSite -> "Forbidden: cross-site request refused: " + crossSite.getMessage();
            case PasswordChangeRequiredFilter.PasswordChangeRequiredException change -> "Forbidden: " + change.getMessage();
            default -> "Forbidden: your account lacks the role this operation needs.";
        };
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
