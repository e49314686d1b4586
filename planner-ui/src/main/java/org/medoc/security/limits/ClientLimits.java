package org.medoc.security.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * What one client may make the server do through the public web interfaces ({@code /api}, {@code /tap},
 * {@code /releases}, {@code /ops}); each limit is a {@code medoc.limits.*} setting, documented in docs/security.md.
 * A client is a remote address (behind a reverse proxy, set {@code server.forward-headers-strategy=native} so that
 * it is the caller's address, not the proxy's).
 *
 * @param maxBodySize                    largest request body outside the upload paths (JSON, forms): 413 beyond
 * @param uploadPaths                    the only paths that take multipart or large bodies (ingest, GOLF HK import);
 *                                       they keep their own limits ({@code spring.servlet.multipart.*})
 * @param requestsPerSecond              requests per second per address without credentials: 429 beyond
 * @param authenticatedRequestsPerSecond requests per second per address for requests with credentials (a session or
 *                                       an {@code Authorization} header), which scripts of the centre send in bulk
 * @param concurrentDownloadsPerClient   bulk downloads (tar/zip streams) one address may run at once: 429 beyond
 */
@ConfigurationProperties("medoc.limits")
public record ClientLimits(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue({"/api/v1/ingest", "/api/v1/ops/golf/hk"}) List<String> uploadPaths,
        @DefaultValue("20") int requestsPerSecond,
        @DefaultValue("200") int authenticatedRequestsPerSecond,
        @DefaultValue("2") int concurrentDownloadsPerClient) {

    public ClientLimits {
        uploadPaths = List.copyOf(uploadPaths);
        if (maxBodySize.isNegative() || requestsPerSecond < 1 || authenticatedRequestsPerSecond < 1
                || concurrentDownloadsPerClient < 1) {
            throw new IllegalArgumentException("medoc.limits.*: sizes must not be negative, rates and counts at least 1");
        }
    }

    boolean isUploadPath(String path) {
        return uploadPaths.stream().anyMatch(upload -> path.equals(upload) || path.startsWith(upload + "/"));
    }
}
