package org.medoc.archive.storage;

import java.io.IOException;

/**
 * A stored file no longer matches what was recorded when it was stored: its SHA-256 or its size differ. Raised by
 * every verified read ({@link ArchiveStore#openVerified}); downloads abort, chains fail the attempt, a release freeze is
 * refused and the fixity check reports it. {@code actualSizeBytes} counts the bytes read until the mismatch was seen
 * (the whole object when the stream was read to its end).
 */
public final class IntegrityException extends IOException {

    private final String storageKey;
    private final String expectedSha256;
    private final long expectedSizeBytes;
    private final String actualSha256;
    private final long actualSizeBytes;

    public IntegrityException(String storageKey, String expectedSha256, long expectedSizeBytes, String actualSha256,
                              long actualSizeBytes) {
        this(storageKey, storageKey, expectedSha256, expectedSizeBytes, actualSha256, actualSizeBytes);
    }

    /** The same mismatch, naming the file for people (e.g. "observation 42") instead of by its storage key. */
    public IntegrityException(String what, IntegrityException mismatch) {
        this(what, mismatch.storageKey, mismatch.expectedSha256, mismatch.expectedSizeBytes, mismatch.actualSha256,
                mismatch.actualSizeBytes);
    }

    private IntegrityException(String what, String storageKey, String expectedSha256, long expectedSizeBytes,
                               String actualSha256, long actualSizeBytes) {
        super("stored file of " + what + " does not match its record (" + found(actualSha256, actualSizeBytes)
                + "; expected " + expectedSha256 + ", " + expectedSizeBytes + " bytes)");
        this.storageKey = storageKey;
        this.expectedSha256 = expectedSha256;
        this.expectedSizeBytes = expectedSizeBytes;
        this.actualSha256 = actualSha256;
        this.actualSizeBytes = actualSizeBytes;
    }

    /** What was read, for messages: {@code sha256 <hex>, <n> bytes}, or the size reached when it was too long. */
    public String found() {
        return found(actualSha256, actualSizeBytes);
    }

    private static String found(String actualSha256, long actualSizeBytes) {
        return actualSha256 == null
                ? "sha256 not computed: longer than recorded, over " + actualSizeBytes + " bytes"
                : "sha256 " + actualSha256 + ", " + actualSizeBytes + " bytes";
    }

    public String storageKey() {
        return storageKey;
    }

    public String expectedSha256() {
        return expectedSha256;
    }

    public long expectedSizeBytes() {
        return expectedSizeBytes;
    }

    /** The SHA-256 of the bytes read; {@code null} when reading stopped early because the object was too long. */
    public String actualSha256() {
        return actualSha256;
    }

    public long actualSizeBytes() {
        return actualSizeBytes;
    }
}
