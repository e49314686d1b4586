package org.medoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery guard for requests a browser could be made to send with its user's credentials: an
 * unsafe request (POST, PUT, PATCH, DELETE) that carries HTTP Basic credentials or a session cookie must come from this
 * application's own origin (or one of {@code medoc.security.trusted-origins}), as browsers state in
 * {@code Sec-Fetch-Site}, {@code Origin} or {@code Referer} (OWASP CSRF cheat sheet, "verifying origin with standard
 * headers"). Requests with none of these headers come from scripts, not browsers, and pass; requests with an API
 * token pass, since a browser never adds a bearer token by itself.
 */
final class SameOriginFilter extends OncePerRequestFilter {

    /** Answered 403: the request came from another site. */
    static final class CrossSiteRequestException extends AccessDeniedException {
        CrossSiteRequestException(String message) {
            super(message);
        }
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final List<String> trustedOrigins;
    private final AccessDeniedHandler denied;

    SameOriginFilter(List<String> trustedOrigins, AccessDeniedHandler denied) {
        this.trustedOrigins = trustedOrigins.stream().map(SameOriginFilter::origin).toList();
        this.denied = denied;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || ApiTokenAuthenticationFilter.hasBearerToken(request)
                || !carriesBrowserCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        String refusal = refusal(request);
        if (refusal != null) {
            denied.handle(request, response, new CrossSiteRequestException(refusal));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesBrowserCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return basic || request.getRequestedSessionId() != null;
    }

    /** Why the request is refused, or null when it comes from this site (or from no browser at all). */
    private String refusal(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return "the browser says the request comes from another site (Sec-Fetch-Site: cross-site)";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String source = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
        if (source == null) {
            return null;
        }
        String claimed = origin(source);
        if (claimed.equals(origin(ownOrigin(request))) || trustedOrigins.contains(claimed)) {
            return null;
        }
        return "the request comes from " + (claimed.isEmpty() ? "an opaque origin" : claimed)
                + ", not from this site; scripts should use an API token (Authorization: Bearer)";
    }

    private static String ownOrigin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    /** scheme://host:port in lower case with the default port made explicit; empty for "null" or a malformed URL. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
