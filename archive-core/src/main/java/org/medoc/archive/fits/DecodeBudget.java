package org.medoc.archive.fits;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The work one decode may do, counted where the work happens: the bytes the FITS library reads from the file (every
 * read goes through {@link BudgetedFileIO}) and the pixels our own loops convert. It can also be stopped from outside
 * ({@link #stop}, e.g. when the decode's time is up). Both are checked inside the loops, so a decode that runs past
 * its budget or is stopped ends at its next read or row with {@link DecodeStoppedException}, and the thread that ran
 * it is free again: a Java thread cannot be killed, only asked to stop at such points.
 */
public final class DecodeBudget {

    private final long maxBytesRead;
    private final long maxPixels;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong pixels = new AtomicLong();
    private volatile String stopReason;

    /**
     * @param maxBytesRead bytes the library may read from the file, re-reads included
     * @param maxPixels    pixels our conversion loops may touch
     */
    public DecodeBudget(long maxBytesRead, long maxPixels) {
        if (maxBytesRead <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("a decode budget must be positive");
        }
        this.maxBytesRead = maxBytesRead;
        this.maxPixels = maxPixels;
    }

    /**
     * The budget of decoding one plane of {@code fileBytes}: the file may be read twice over (headers, then the data
     * unit; the library re-reads heaps of compressed tables), one plane is converted a few times (scaling, copy).
     */
    public static DecodeBudget forFile(long fileBytes, FitsLimits limits) {
        return new DecodeBudget(2 * Math.max(fileBytes, 2880) + (1 << 20), 4 * limits.maxImagePixels());
    }

    /** Asks the decode to stop at its next check; {@code reason} becomes the message of the refusal. */
    public void stop(String reason) {
        stopReason = reason;
    }

    /** Why the decode was stopped (or ran out of budget), or null while it may go on. */
    public String stopReason() {
        return stopReason;
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    public long pixels() {
        return pixels.get();
    }

    /** Counts bytes read by the library; throws when stopped or over budget. */
    public void chargeBytes(long n) throws DecodeStoppedException {
        if (bytesRead.addAndGet(n) > maxBytesRead) {
            stopReason = "decoding read more than its budget of " + maxBytesRead + " bytes";
        }
        check();
    }

    /** Counts pixels converted by our loops; throws when stopped or over budget. */
    public void chargePixels(long n) throws DecodeStoppedException {
        if (pixels.addAndGet(n) > maxPixels) {
            stopReason = "decoding touched more than its budget of " + maxPixels + " pixels";
        }
        check();
    }

    /** Throws if the decode was stopped, or if its thread was interrupted (which stops it too). */
    public void check() throws DecodeStoppedException {
        if (stopReason == null && Thread.currentThread().isInterrupted()) {
            stopReason = "decoding was interrupted";
        }
        String reason = stopReason;
        if (reason != null) {
            throw new DecodeStoppedException(reason);
        }
    }

    /** Raised inside the decoding loops when the budget is spent or the decode was stopped. */
    public static final class DecodeStoppedException extends IOException {
        private static final long serialVersionUID = 1L;

        DecodeStoppedException(String reason) {
            super(reason);
        }
    }
}
