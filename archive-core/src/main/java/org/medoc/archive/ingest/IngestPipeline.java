package org.medoc.archive.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The parallel ingest of a list of files. Workers (platform threads) each take a whole file through SHA-256,
 * look-ups, structure scan with CHECKSUM/DATASUM, header, decode (on the {@link DecodePool}), quicklook and storage;
 * the calling thread writes the catalogue rows of finished files in batches, one transaction per batch.
 * <p>
 * Memory is bounded whatever the number and size of the files: at most {@code 2 × workers + batchSize} files are
 * between the feeder and the writer (a file ready for its row holds its headers as JSON, no pixels), and a worker
 * streams its file (hash, checksum, storage) and decodes only the rows its quicklook needs. Waiting is back-pressure:
 * when the writer is slow (database), the workers stop taking new files.
 * <p>
 * A batch is written when it is full, when its first row has waited {@code batchMaxWait}, or when nothing else is
 * to come. Its rows are written in the order of the files, so a sequential run ({@code workers = 1}) and a parallel
 * one give the same rows.
 */
public final class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /**
     * @param workers      files processed at once
     * @param batchSize    catalogue rows per transaction
     * @param batchMaxWait longest time a finished file waits for its batch to fill
     */
    public record Settings(int workers, int batchSize, Duration batchMaxWait) {
        public Settings {
            if (workers < 1 || batchSize < 1 || batchMaxWait.isNegative()) {
                throw new IllegalArgumentException("medoc.ingest.workers and batch-size must be at least 1, "
                        + "batch-max-wait not negative");
            }
        }

        public Settings withWorkers(int n) {
            return new Settings(n, batchSize, batchMaxWait);
        }

        public Settings withBatchSize(int n) {
            return new Settings(workers, n, batchMaxWait);
        }
    }

    /** The workers' part for a few files (one look-up for all of them): a result per file, in the order given. */
    @FunctionalInterface
    interface Stager {
        List<IngestService.Staged> stage(List<Path> files);
    }

    /**
     * Files a worker takes at once: small files go by up to {@value #CHUNK_FILES} so that their look-up is one query
     * (a query per file cost a fifth of the CPU of a 26 kB file), a file of {@value #CHUNK_BYTES} bytes or more alone
     * so that large files still spread over every worker.
     */
    static final int CHUNK_FILES = 16;
    static final long CHUNK_BYTES = 4L << 20;

    /** The writer's part: one transaction for the batch, an outcome per file in the order given. */
    @FunctionalInterface
    interface Cataloguer {
        List<IngestOutcome> catalogue(List<IngestService.Staged> batch);
    }

    private record Finished(int index, IngestService.Staged staged) {}

    private final Settings settings;
    private final Stager stager;
    private final Cataloguer cataloguer;

    IngestPipeline(Settings settings, Stager stager, Cataloguer cataloguer) {
        this.settings = settings;
        this.stager = stager;
        this.cataloguer = cataloguer;
    }

    IngestReport run(List<Path> files, Consumer<IngestProgress> progress) {
        int n = files.size();
        long[] sizes = new long[n];
        long totalBytes = 0;
        for (int i = 0; i < n; i++) {
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException e) {
                sizes[i] = 0; // the worker reports it as failed
            }
            totalBytes += sizes[i];
        }
        IngestOutcome[] outcomes = new IngestOutcome[n];
        // room for a whole batch besides the workers' own files: the workers go on while the writer writes a batch
        Semaphore window = new Semaphore(2 * settings.workers() + settings.batchSize());
        BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
        AtomicInteger number = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(settings.workers(), task -> Thread.ofPlatform()
                .daemon().name("ingest-worker-" + number.incrementAndGet()).unstarted(task));
        // a waiting batch holds at most batchSize - 1 places, so 2 × workers + 1 are free once the workers are idle:
        // a larger chunk could wait for places that only a full batch gives back
        int chunkFiles = Math.min(CHUNK_FILES, 2 * settings.workers() + 1);
        Thread feeder = Thread.ofPlatform().daemon().name("ingest-feeder").start(() -> {
            try {
                int i = 0;
                while (i < n) {
                    int from = i;
                    long bytes = 0;
                    do {
                        bytes += sizes[i++];
                    } while (i < n && i - from < chunkFiles && bytes + sizes[i] < CHUNK_BYTES);
                    int to = i;
                    window.acquire(to - from);
                    workers.execute(() -> {
                        List<IngestService.Staged> staged = stageSafely(files.subList(from, to));
                        for (int k = from; k < to; k++) {
                            finished.add(new Finished(k, staged.get(k - from)));
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the run was abandoned
            }
        });
        long started = System.nanoTime();
        Tally tally = new Tally(n, totalBytes, started);
        try {
            List<Finished> batch = new ArrayList<>();
            long batchStarted = 0;
            long lastReport = started;
            while (tally.files < n) {
                long waitNanos = batch.isEmpty() ? PROGRESS_EVERY.toNanos()
                        : Math.max(0, batchStarted + settings.batchMaxWait().toNanos() - System.nanoTime());
                Finished next = finished.poll(waitNanos, TimeUnit.NANOSECONDS);
                if (next != null) {
                    if (next.staged().outcome() != null) {
                        window.release();
                        tally.add(outcomes, next.index(), next.staged().outcome(), sizes);
                    } else {
                        // its place in the window is given back once its row is written
                        if (batch.isEmpty()) {
                            batchStarted = System.nanoTime();
                        }
                        batch.add(next);
                    }
                }
                boolean full = batch.size() >= settings.batchSize();
                boolean waited = !batch.isEmpty()
                        && System.nanoTime() - batchStarted >= settings.batchMaxWait().toNanos();
                boolean last = !batch.isEmpty() && tally.files + batch.size() == n;
                if (full || waited || last) {
                    write(batch, outcomes, sizes, tally);
                    window.release(batch.size());
                    batch.clear();
                }
                if (System.nanoTime() - lastReport >= PROGRESS_EVERY.toNanos() && tally.files < n) {
                    progress.accept(tally.progress());
                    lastReport = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted after " + tally.files + " of " + n + " files", e);
        } finally {
            feeder.interrupt();
            workers.shutdownNow();
        }
        progress.accept(tally.progress());
        return IngestReport.of(List.of(outcomes));
    }

    private List<IngestService.Staged> stageSafely(List<Path> chunk) {
        try {
            List<IngestService.Staged> staged = stager.stage(chunk);
            if (staged.size() != chunk.size()) {
                throw new IllegalStateException(staged.size() + " results for " + chunk.size() + " files");
            }
            return staged;
        } catch (RuntimeException | Error e) {
            // a fault of ours, not of the files: retryable, and the batch goes on
            log.error("Ingest of {} files from {} failed unexpectedly", chunk.size(), chunk.getFirst(), e);
            return chunk.stream().map(file -> IngestService.Staged.done(new IngestOutcome(
                    IngestService.safeFileName(file.getFileName().toString()), IngestOutcome.Status.FAILED, null, null,
                    "internal error (" + e.getClass().getSimpleName()
                            + "); nothing was recorded, ingest the file again later"), 0)).toList();
        }
    }

    private void write(List<Finished> batch, IngestOutcome[] outcomes, long[] sizes, Tally tally) {
        batch.sort(Comparator.comparingInt(Finished::index));
        List<IngestService.Staged> rows = batch.stream().map(Finished::staged).toList();
        List<IngestOutcome> written;
        try {
            written = cataloguer.catalogue(rows);
        } catch (RuntimeException e) {
            log.error("Catalogue batch of {} files failed unexpectedly", rows.size(), e);
            written = rows.stream().map(s -> new IngestOutcome(s.name(), IngestOutcome.Status.FAILED, null, s.sha256(),
                    "internal error (" + e.getClass().getSimpleName() + "); nothing was recorded, ingest the file"
                            + " again later")).toList();
        }
        for (int i = 0; i < batch.size(); i++) {
            tally.add(outcomes, batch.get(i).index(), written.get(i), sizes);
        }
    }

    /** Counts kept by the writer thread only. */
    private static final class Tally {
        final int filesTotal;
        final long bytesTotal;
        final long started;
        int files;
        long bytes;
        int ingested;
        int skipped;
        int quarantined;
        int failed;

        Tally(int filesTotal, long bytesTotal, long started) {
            this.filesTotal = filesTotal;
            this.bytesTotal = bytesTotal;
            this.started = started;
        }

        void add(IngestOutcome[] outcomes, int index, IngestOutcome outcome, long[] sizes) {
            outcomes[index] = outcome;
            files++;
            bytes += sizes[index];
            switch (outcome.status()) {
                case INGESTED -> ingested++;
                case SKIPPED -> skipped++;
                case QUARANTINED -> quarantined++;
                case FAILED -> failed++;
            }
        }

        IngestProgress progress() {
            return new IngestProgress(files, filesTotal, bytes, bytesTotal, ingested, skipped, quarantined, failed,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
