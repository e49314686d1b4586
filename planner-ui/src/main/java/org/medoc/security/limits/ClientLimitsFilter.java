package org.medoc.security.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link ClientLimits} before anything else looks at a request (before authentication, so that a flood of
 * requests with bad credentials is cut off too): per-address rate limits (resilience4j {@link RateLimiter}s, one per
 * address, forgotten after ten idle minutes), multipart bodies only on the upload paths, a size limit on every
 * other body (counted while reading when the client sends no length, so a chunked body cannot slip through), and
 * a cap on concurrent bulk downloads per address. Refusals are RFC 9457 problem details; 429s say when to retry.
 */
public class ClientLimitsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientLimitsFilter.class);
    /** The web interfaces anonymous callers reach; the Vaadin UI has its own framework limits. */
    private static final String[] LIMITED_PREFIXES = {"/api/", "/tap", "/releases", "/ops/"};
    private static final String BULK_DOWNLOADS = "/api/v1/downloads";
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final ClientLimits limits;
    private final RateLimiterConfig anonymous;
    private final RateLimiterConfig authenticated;
    private final Cache<String, RateLimiter> rateLimiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();
    private final Map<String, Integer> runningDownloads = new ConcurrentHashMap<>();

    public ClientLimitsFilter(ClientLimits limits) {
        this.limits = limits;
        this.anonymous = perSecond(limits.requestsPerSecond());
        this.authenticated = perSecond(limits.authenticatedRequestsPerSecond());
    }

    private static RateLimiterConfig perSecond(int permits) {
        // no waiting: a request over the limit is answered 429 at once instead of holding a thread
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(REFRESH)
                .timeoutDuration(Duration.ZERO).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        for (String prefix : LIMITED_PREFIXES) {
            if (path.startsWith(prefix) || path.equals(prefix.replaceAll("/$", ""))) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        String path = path(request);
        boolean credentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() != null;
        RateLimiter limiter = rateLimiters.get(client + (credentials ? " (credentials)" : ""),
                name -> RateLimiter.of(name, credentials ? authenticated : anonymous));
        if (!limiter.acquirePermission()) {
            log.debug("rate limit: {} {} from {}", request.getMethod(), path, client);
            refuse(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "more than " + (credentials ? limits.authenticatedRequestsPerSecond() : limits.requestsPerSecond())
                            + " requests per second from your address; retry after the time in Retry-After", REFRESH);
            return;
        }
        boolean upload = limits.isUploadPath(path);
        String contentType = request.getContentType();
        if (!upload && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Multipart not accepted here",
                    "multipart bodies are accepted only by the upload endpoints " + limits.uploadPaths(), null);
            return;
        }
        if (!upload) {
            long max = limits.maxBodySize().toBytes();
            long declared = request.getContentLengthLong();
            if (declared > max) {
                refuse(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                        "the body has " + declared + " bytes; this endpoint accepts at most " + max, null);
                return;
            }
            if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (body.length > max) {
                    refuse(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                            "the body has more than " + max + " bytes; this endpoint accepts at most " + max, null);
                    return;
                }
                request = new BufferedBody(request, body);
            }
        }
        if (BULK_DOWNLOADS.equals(path) && "POST".equals(request.getMethod())) {
            if (!startDownload(client)) {
                refuse(response, HttpStatus.TOO_MANY_REQUESTS, "Too many downloads at once",
                        limits.concurrentDownloadsPerClient() + " bulk downloads are already running for your address; "
                                + "retry when one has finished", Duration.ofSeconds(10));
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                finishDownload(client);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean startDownload(String client) {
        boolean[] started = {false};
        runningDownloads.compute(client, (key, running) -> {
            int now = running == null ? 0 : running;
            if (now >= limits.concurrentDownloadsPerClient()) {
                return running;
            }
            started[0] = true;
            return now + 1;
        });
        return started[0];
    }

    private void finishDownload(String client) {
        // the entry disappears with the client's last download, so the map holds only running downloads
        runningDownloads.computeIfPresent(client, (key, running) -> running <= 1 ? null : running - 1);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String title, String detail,
                               Duration retryAfter) throws IOException {
        response.setStatus(status.value());
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // title and detail are our own sentences with numbers and configured paths: no request text is echoed
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status.value() + ",\"title\":\""
                + json(title) + "\",\"detail\":\"" + json(detail) + "\"}");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A request whose (bounded, already read) body is replayed from memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() throws IOException { return in.read(); }
                @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }
                @Override public boolean isFinished() { return ((ByteArrayInputStream) in).available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}
