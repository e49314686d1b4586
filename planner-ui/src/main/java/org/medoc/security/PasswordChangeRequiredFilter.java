package org.medoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A one-time password (from {@code medoc users create-admin} or an administrator's reset) opens only the web UI's
 * change-password screen: HTTP Basic calls with it are refused 403 until its owner has chosen their own password.
 */
final class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    /** Answered 403: the caller must change their one-time password first. */
    static final class PasswordChangeRequiredException extends AccessDeniedException {
        PasswordChangeRequiredException(String message) {
            super(message);
        }
    }

    private final AccessDeniedHandler denied;

    private final SecurityContextHolderStrategy contexts;

    PasswordChangeRequiredFilter(AccessDeniedHandler denied, SecurityContextHolderStrategy contexts) {
        this.denied = denied;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && authentication != null && authentication.getPrincipal() instanceof MedocUser user && user.passwordChangeRequired()) {
            denied.handle(request, response, new PasswordChangeRequiredException("the password of " + user.getUsername()
                    + " is a one-time password: log in to the web UI and choose your own first"));
            return;
        }
        chain.doFilter(request, response);
    }
}
