package org.medoc.archive.ingest;

import org.medoc.archive.fits.DecodeBudget;
import org.medoc.archive.fits.FitsHduInfo;
import org.medoc.archive.fits.FitsImageReader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsLimits;
import org.medoc.archive.fits.FitsRejectedException;
import org.medoc.archive.fits.ImagePlane;
import org.medoc.archive.fits.Quicklook;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where FITS images are decoded: a small pool of platform threads of its own, never the virtual threads (and their
 * carrier threads) that serve HTTP, so a slow or hostile decode takes one pool thread and nothing else.
 * <p>
 * Each decode has a time limit and a {@link DecodeBudget} checked inside the decoding loops. When the time is up the
 * budget is stopped and the file is refused; the decode ends at its next read or row and frees its thread. A slot is
 * given back only when the decode has really ended, so however many uploads arrive, at most {@code size} decodes run:
 * a caller that finds every slot taken waits at most {@code medoc.ingest.decode-wait} and is then refused with
 * {@link DecodeCapacityException}, which ingest reports as retryable (HTTP 503 with Retry-After).
 */
@Component
public class DecodePool implements DisposableBean {

    /** What runs in a pool thread; replaceable by tests to stand for a decoder that never ends. */
    @FunctionalInterface
    interface Decoder {
        ImagePlane decode(Path file, FitsInspection inspection, FitsHduInfo image, FitsLimits limits, DecodeBudget budget)
                throws FitsRejectedException, IOException;
    }

    /** Every decoding slot is taken: nothing is wrong with the file; ingest it again later. */
    public static final class DecodeCapacityException extends Exception {
        private static final long serialVersionUID = 1L;

        DecodeCapacityException(String message) {
            super(message);
        }
    }

    private final int size;
    private final Duration timeout;
    private final Duration wait;
    private final Semaphore slots;
    private final ExecutorService threads;
    /** What ingest decodes: the rows a quicklook needs (every n-th row where the layout allows). */
    static final Decoder QUICKLOOK_ROWS = (file, inspection, image, limits, budget) ->
            FitsImageReader.readQuicklookRows(file, inspection, image, limits, budget, Quicklook.SIDE);
    private volatile Decoder decoder = QUICKLOOK_ROWS;

    public DecodePool(@Value("${medoc.ingest.decode-threads:2}") int size,
                      @Value("${medoc.ingest.decode-timeout:PT2M}") Duration timeout,
                      @Value("${medoc.ingest.decode-wait:PT10S}") Duration wait) {
        if (size < 1) {
            throw new IllegalArgumentException("medoc.ingest.decode-threads must be at least 1, was " + size);
        }
        this.size = size;
        this.timeout = timeout;
        this.wait = wait;
        this.slots = new Semaphore(size, true);
        AtomicInteger number = new AtomicInteger();
        // platform threads, daemon so that a decode that ignores its stop cannot keep the JVM from exiting
        this.threads = Executors.newFixedThreadPool(size, task -> Thread.ofPlatform().daemon()
                .name("fits-decode-" + number.incrementAndGet()).unstarted(task));
    }

    /** For tests: the decoder the pool threads run. */
    void useDecoder(Decoder decoder) {
        this.decoder = decoder;
    }

    /** How many decodes run now (stopped ones included until they have really ended). */
    public int busy() {
        return size - slots.availablePermits();
    }

    public int size() {
        return size;
    }

    /**
     * Decodes the image on a pool thread within the time limit.
     *
     * @throws FitsRejectedException   the file cannot be decoded, or not within the time limit or budget
     * @throws DecodeCapacityException every slot stayed taken for the whole wait
     */
    public ImagePlane decode(Path file, FitsInspection inspection, FitsHduInfo image, FitsLimits limits)
            throws FitsRejectedException, IOException, DecodeCapacityException {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DecodeCapacityException("all " + size + " decoding threads are busy"
                        + " (medoc.ingest.decode-threads); nothing is wrong with the file, ingest it again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to decode " + file.getFileName(), e);
        }
        DecodeBudget budget = DecodeBudget.forFile(Files.size(file), limits);
        Decoder current = decoder;
        // whoever sets it first owns the slot's release: the task when it starts, or the caller for a task never started
        AtomicBoolean started = new AtomicBoolean();
        Future<ImagePlane> decoding;
        try {
            decoding = threads.submit(() -> {
                if (!started.compareAndSet(false, true)) {
                    return null; // given up on before it started; its slot was released by the caller
                }
                try {
                    return current.decode(file, inspection, image, limits, budget);
                } finally {
                    slots.release(); // only now: a stopped decode holds its slot until it has really ended
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        try {
            return decoding.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String reason = "decoding did not finish within " + (timeout.toSeconds() > 0
                    ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms");
            abandon(budget, reason, started, decoding);
            throw new FitsRejectedException("unreadable image data in HDU " + image.index() + ": " + reason);
        } catch (InterruptedException e) {
            abandon(budget, "ingest was interrupted", started, decoding);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding " + file.getFileName(), e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case FitsRejectedException rejected -> throw rejected;
                case DecodeBudget.DecodeStoppedException stopped -> throw new FitsRejectedException(
                        "unreadable image data in HDU " + image.index() + ": " + stopped.getMessage());
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    private void abandon(DecodeBudget budget, String reason, AtomicBoolean started, Future<ImagePlane> decoding) {
        budget.stop(reason);
        if (started.compareAndSet(false, true)) {
            slots.release();
        }
        decoding.cancel(true);
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
