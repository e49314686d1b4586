package org.medoc.security.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client limits, request by request, without a server. */
class ClientLimitsFilterTests {

    private final ClientLimits limits = new ClientLimits(DataSize.ofKilobytes(64), List.of("/api/v1/ingest"), 20, 200, 2);
    private final ClientLimitsFilter filter = new ClientLimitsFilter(limits);
    private final AtomicInteger passed = new AtomicInteger();
    private final FilterChain counting = (request, response) -> passed.incrementAndGet();

    private static MockHttpServletRequest get(String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, counting);
        return response;
    }

    @Test
    void theTwentyFirstAnonymousRequestInOneSecondGets429WithRetryAfter() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(run(get("/api/v1/observations", "192.0.2.1")).getStatus()).as("request %d", i + 1).isEqualTo(200);
        }
        MockHttpServletResponse refused = run(get("/api/v1/observations", "192.0.2.1"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429", "20 requests per second");
        assertThat(passed).hasValue(20);
    }

    @Test
    void eachAddressHasItsOwnAllowance() throws Exception {
        for (int i = 0; i < 20; i++) {
            run(get("/api/v1/observations", "192.0.2.1"));
        }
        assertThat(run(get("/api/v1/observations", "192.0.2.1")).getStatus()).isEqualTo(429);
        assertThat(run(get("/api/v1/observations", "192.0.2.2")).getStatus()).isEqualTo(200);
    }

    @Test
    void requestsWithCredentialsHaveTheLargerAllowance() throws Exception {
        for (int i = 0; i < 100; i++) {
            MockHttpServletRequest request = get("/api/v1/planning/studies", "192.0.2.3");
            request.addHeader("Authorization", "Bearer token");
            assertThat(run(request).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void theVaadinUserInterfaceIsNotCountedHere() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(run(get("/archive", "192.0.2.4")).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitGets413BeforeAnythingReadsIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/releases");
        request.setRemoteAddr("192.0.2.5");
        request.setContentType("application/json");
        request.setContent(new byte[10 * 1024 * 1024]);

        MockHttpServletResponse response = run(request);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("at most 65536");
        assertThat(passed).hasValue(0);
    }

    @Test
    void aChunkedBodyOverTheLimitGets413AndOneWithinItReachesTheControllerWhole() throws Exception {
        MockHttpServletRequest large = chunked(new byte[70 * 1024]);
        assertThat(run(large).getStatus()).isEqualTo(413);

        byte[] small = "{\"title\":\"ok\"}".getBytes();
        AtomicReference<byte[]> seen = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked(small), response, (request, r) -> seen.set(request.getInputStream().readAllBytes()));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(seen.get()).isEqualTo(small);
    }

    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/releases") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new org.springframework.mock.web.DelegatingServletInputStream(in);
            }
        };
        request.setRemoteAddr("192.0.2.6");
        request.setContentType("application/json");
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    @Test
    void multipartIsRefusedOutsideTheUploadPathsAndAcceptedOnThem() throws Exception {
        MockHttpServletRequest elsewhere = new MockHttpServletRequest("POST", "/api/v1/downloads");
        elsewhere.setRemoteAddr("192.0.2.7");
        elsewhere.setContentType("multipart/form-data; boundary=x");
        elsewhere.setContent(new byte[100]);
        MockHttpServletResponse refused = run(elsewhere);
        assertThat(refused.getStatus()).isEqualTo(415);
        assertThat(refused.getContentAsString()).contains("/api/v1/ingest");

        MockHttpServletRequest ingest = new MockHttpServletRequest("POST", "/api/v1/ingest");
        ingest.setRemoteAddr("192.0.2.7");
        ingest.setContentType("multipart/form-data; boundary=x");
        ingest.setContent(new byte[200 * 1024]);
        assertThat(run(ingest).getStatus()).isEqualTo(200);
        assertThat(passed).hasValue(1);
    }

    @Test
    void aThirdConcurrentBulkDownloadFromOneAddressGets429AndTheSlotIsFreedWhenOneEnds() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (request, response) -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<Thread> running = List.of(download(slow), download(slow));
        started.await();

        MockHttpServletResponse third = new MockHttpServletResponse();
        filter.doFilter(downloadRequest(), third, counting);
        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("10");

        release.countDown();
        for (Thread thread : running) {
            thread.join();
        }
        MockHttpServletResponse afterwards = new MockHttpServletResponse();
        filter.doFilter(downloadRequest(), afterwards, counting);
        assertThat(afterwards.getStatus()).isEqualTo(200);
        assertThat(passed).hasValue(1);
    }

    private Thread download(FilterChain chain) {
        return Thread.ofVirtual().start(() -> {
            try {
                filter.doFilter(downloadRequest(), new MockHttpServletResponse(), chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static HttpServletRequest downloadRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/downloads");
        request.setRemoteAddr("192.0.2.8");
        request.setContentType("application/json");
        request.setContent("{\"ids\":[1]}".getBytes());
        return request;
    }
}
