package org.medoc.archive.download;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * How long a streamed answer (a bulk download's tar or zip, a TAP VOTable) may take. Spring MVC streams a
 * {@code StreamingResponseBody} as an asynchronous request, and the servlet container's default limit of 30 s cut
 * bulk downloads short: the client got a 200 answer with a truncated tar (found by the 10 GB load test,
 * docs/benchmarks.md). The limit is {@code medoc.download.stream-timeout} (default 12 h, enough for the largest
 * download, {@code medoc.download.max-bytes} = 50 GB, at about 1.2 MB/s); what a client may start stays bounded by
 * the download limits of docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
class StreamingTimeout implements WebMvcConfigurer {

    private final Duration timeout;

    StreamingTimeout(@Value("${medoc.download.stream-timeout:PT12H}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(timeout.toMillis());
    }
}
