package org.medoc.archive.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * A stored object read while its SHA-256 and length are computed. Reaching the end of the stream compares them with the
 * recorded values and throws {@link IntegrityException} on a difference, so a caller that reads to the end (a copy, a
 * package entry, a hash) cannot miss a corrupted file; an object longer than recorded fails as soon as the extra byte
 * is read. Closing before the end checks nothing (the caller stopped reading, e.g. an HTTP range).
 */
public final class VerifiedInputStream extends FilterInputStream {

    private final String storageKey;
    private final String expectedSha256;
    private final long expectedSizeBytes;
    private final MessageDigest digest = Sha256.newDigest();
    private long read;
    private String verifiedSha256;

    VerifiedInputStream(InputStream in, String storageKey, String expectedSha256, long expectedSizeBytes) {
        super(in);
        this.storageKey = storageKey;
        this.expectedSha256 = expectedSha256.trim().toLowerCase(java.util.Locale.ROOT);
        this.expectedSizeBytes = expectedSizeBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
        } else {
            digest.update((byte) b);
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            atEnd();
        } else if (n > 0) {
            digest.update(buffer, offset, n);
            counted(n);
        }
        return n;
    }

    /** Skipping would leave bytes unhashed: they are read and hashed instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the rest of the object into {@code target} and verifies it; returns the number of bytes copied by this call. */
    @Override
    public long transferTo(OutputStream target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int n;
        while ((n = read(buffer, 0, buffer.length)) >= 0) {
            target.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    /** Reads the rest of the object, discarding it, and verifies it: the fixity check and a freeze's re-hash. */
    public void verifyToEnd() throws IOException {
        transferTo(OutputStream.nullOutputStream());
    }

    /** The verified SHA-256 once the end was reached without a mismatch, else {@code null}. */
    public String verifiedSha256() {
        return verifiedSha256;
    }

    public long bytesRead() {
        return read;
    }

    private void counted(int n) throws IOException {
        read += n;
        if (read > expectedSizeBytes) {
            throw new IntegrityException(storageKey, expectedSha256, expectedSizeBytes, null, read);
        }
    }

    private void atEnd() throws IOException {
        if (verifiedSha256 != null) {
            return;
        }
        String actual = Sha256.hex(digest);
        if (read != expectedSizeBytes || !actual.equals(expectedSha256)) {
            throw new IntegrityException(storageKey, expectedSha256, expectedSizeBytes, actual, read);
        }
        verifiedSha256 = actual;
    }
}
