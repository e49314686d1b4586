package org.medoc.products.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the product chains ({@code medoc.products.*}).
 *
 * @param scanInterval     how often a node looks for new input sets
 * @param scanLookback     how far back from now the scan looks; older data is processed on demand (command, reprocessing)
 * @param incompleteDelay  how long an incomplete set waits for its missing inputs before it is made as it is and flagged
 * @param pollingInterval  how often an executing node polls for due tasks
 * @param threads          chain tasks one node runs at once (DEM fits are CPU-bound: about one per core)
 * @param maxRetries       failed attempts retried before a run gives up (then staff may retry it)
 * @param retryDelay       delay before the first retry; each further retry waits {@code retryBackoff} times longer
 * @param retryBackoff     growth factor of the retry delay
 * @param shutdownWait     how long a stopping node waits for running tasks (then they are revived elsewhere)
 */
@ConfigurationProperties("medoc.products")
public record ChainProperties(
        @DefaultValue("5m") Duration scanInterval,
        @DefaultValue("2d") Duration scanLookback,
        @DefaultValue("2h") Duration incompleteDelay,
        @DefaultValue("10s") Duration pollingInterval,
        @DefaultValue("1") int threads,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("2.0") double retryBackoff,
        @DefaultValue("1m") Duration shutdownWait) {

    public ChainProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("medoc.products.threads must be at least 1, was " + threads);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("medoc.products.max-retries must not be negative, was " + maxRetries);
        }
        if (retryBackoff < 1) {
            throw new IllegalArgumentException("medoc.products.retry-backoff must be at least 1, was " + retryBackoff);
        }
    }
}
