package org.medoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates API requests that send {@code Authorization: Bearer <personal API token>}, for this request only
 * (nothing is kept in a session). A bad token is answered 401 at once, like a bad HTTP Basic password.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private final AuthenticationManager authentication;
    private final AuthenticationEntryPoint entryPoint;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    private final SecurityContextHolderStrategy contexts;

    /** {@code contexts}: the strategy of the filter chain (Vaadin brings its own), so the chain sees what this filter sets. */
    ApiTokenAuthenticationFilter(AuthenticationManager authentication, AuthenticationEntryPoint entryPoint,
                                 SecurityContextHolderStrategy contexts) {
        this.authentication = authentication;
        this.entryPoint = entryPoint;
        this.contexts = contexts;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokenAuthentication attempt = ApiTokenAuthentication.unauthenticated(
                request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip());
        attempt.setDetails(details.buildDetails(request));
        try {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authentication.authenticate(attempt));
            contexts.setContext(context);
        } catch (AuthenticationException e) {
            contexts.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
