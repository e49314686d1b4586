package org.medoc.archive.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.fits.FitsImageReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decoding runs on its own small pool of platform threads, bounded in time and work: a decode that never ends is cut
 * off and does not take the (virtual) threads that serve requests; when every decoding thread is taken, ingest
 * refuses as retryable instead of piling up work.
 */
@SpringBootTest(classes = ArchiveTestApplication.class, properties = {
        "medoc.data-dir=target/test-data/decode-pool-${random.uuid}",
        "medoc.ingest.decode-threads=2", "medoc.ingest.decode-timeout=PT0.5S", "medoc.ingest.decode-wait=PT0.2S"})
class DecodePoolTests {

    @Autowired IngestService ingest;
    @Autowired DecodePool pool;
    @TempDir Path dir;

    /** Lets the stub decoders that ignore every stop end, so that the pool threads are free for the next test. */
    private volatile boolean release;

    @AfterEach
    void restoreTheRealDecoder() throws InterruptedException {
        release = true;
        Instant deadline = Instant.now().plusSeconds(10);
        while (pool.busy() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        pool.useDecoder(DecodePool.QUICKLOOK_ROWS);
    }

    private Path image(String name, String object) throws Exception {
        Map<String, String> cards = new LinkedHashMap<>();
        cards.put("INSTRUME", "'AIA_3'");
        cards.put("DATE-OBS", "'2011-02-15T00:00:00'");
        cards.put("OBJECT", "'" + object + "'");
        return HeaderFiles.withImage(dir, name, cards, 16);
    }

    @Test
    void aDecodeThatChecksItsBudgetIsCutOffAtTheTimeoutAndFreesItsThread() throws Exception {
        pool.useDecoder((file, inspection, image, limits, budget) -> {
            while (true) {
                budget.chargePixels(0); // a decoding loop: every row checks the budget and the stop
                Thread.onSpinWait();
            }
        });
        IngestOutcome outcome = ingest.ingestFile(image("endless.fits", "endless"), "endless.fits", "test");

        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(outcome.reason()).isEqualTo("unreadable image data in HDU 0: decoding did not finish within 500 ms");
        Instant deadline = Instant.now().plusSeconds(2);
        while (pool.busy() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(pool.busy()).as("the stopped decode has ended and given its thread back").isZero();
    }

    @Test
    void aDecodeThatSpendsItsPixelBudgetIsRefusedWithThatReason() throws Exception {
        pool.useDecoder((file, inspection, image, limits, budget) -> {
            while (true) {
                budget.chargePixels(1 << 20);
            }
        });
        IngestOutcome outcome = ingest.ingestFile(image("greedy.fits", "greedy"), "greedy.fits", "test");

        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(outcome.reason()).startsWith("unreadable image data in HDU 0: decoding touched more than its budget of");
    }

    @Test
    void stuckDecodesNeitherStarveRequestThreadsNorPileUpTheyAreRefusedWhenThePoolIsFull() throws Exception {
        CountDownLatch decoding = new CountDownLatch(2);
        pool.useDecoder((file, inspection, image, limits, budget) -> {
            decoding.countDown();
            while (!release) {
                Thread.onSpinWait(); // hostile: ignores its budget and its stop, keeps a CPU busy
            }
            throw new IllegalStateException("released");
        });
        // more uploads at once than there are processors: on virtual threads they would take every carrier thread
        int uploads = Runtime.getRuntime().availableProcessors() + 2;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < uploads; i++) {
            files.add(image("hostile-" + i + ".fits", "hostile " + i));
        }
        List<IngestOutcome> outcomes = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<IngestOutcome>> running = new ArrayList<>();
            for (Path file : files) {
                running.add(requests.submit(() -> ingest.ingestFile(file, file.getFileName().toString(), "test")));
            }
            assertThat(decoding.await(5, TimeUnit.SECONDS)).isTrue();

            // while the decodes spin, other virtual threads (as the HTTP requests are served on) still run promptly
            Instant start = Instant.now();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                others.add(requests.submit(() -> n * 2));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(others.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i * 2);
            }
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
            for (Future<IngestOutcome> f : running) {
                outcomes.add(f.get(10, TimeUnit.SECONDS));
            }
        }
        assertThat(outcomes).filteredOn(o -> o.status() == IngestOutcome.Status.QUARANTINED)
                .as("the two decodes that got a thread are cut off at the timeout")
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.reason()).endsWith("decoding did not finish within 500 ms"));
        assertThat(outcomes).filteredOn(o -> o.status() == IngestOutcome.Status.FAILED)
                .as("the others are refused, retryable, instead of waiting for ever")
                .hasSize(uploads - 2)
                .allSatisfy(o -> assertThat(o.reason()).startsWith("all 2 decoding threads are busy"));
        assertThat(pool.busy()).as("the stuck decodes still hold their threads: no more than the pool's size run")
                .isEqualTo(2);
    }
}
