package org.medoc.archive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * The bytes a store writes or sends for one object, hashed on the way: compared with what the caller expects before
 * the object becomes visible (a rename into place, a completed multipart upload), so that no store ever publishes an
 * object whose bytes differ from the recorded ones.
 */
final class SentBytes {

    private final String key;
    private final String expectedSha256;
    private final long expectedSizeBytes;
    private final MessageDigest digest = Sha256.newDigest();
    private long count;

    SentBytes(String key, String expectedSha256, long expectedSizeBytes) {
        this.key = key;
        this.expectedSha256 = expectedSha256 == null ? null : expectedSha256.trim().toLowerCase(java.util.Locale.ROOT);
        this.expectedSizeBytes = expectedSizeBytes;
    }

    /** Counts and hashes {@code n} bytes about to be written; fails as soon as more bytes than announced arrive. */
    void add(byte[] buffer, int offset, int n) throws IOException {
        digest.update(buffer, offset, n);
        count += n;
        if (count > expectedSizeBytes) {
            throw mismatch(null);
        }
    }

    long count() {
        return count;
    }

    /** The hash and length of everything added; throws when they are not what was expected. */
    Sha256.Measured verified() throws IOException {
        String actual = Sha256.hex(digest);
        if (count != expectedSizeBytes || (expectedSha256 != null && !actual.equals(expectedSha256))) {
            throw mismatch(actual);
        }
        return new Sha256.Measured(actual, count);
    }

    private IOException mismatch(String actual) {
        if (expectedSha256 == null) {
            return new IOException("object " + key + ": " + count + (actual == null ? "+" : "") + " bytes read, "
                    + expectedSizeBytes + " announced; nothing stored");
        }
        return new IntegrityException(key, expectedSha256, expectedSizeBytes, actual, count);
    }

    /** Copies the announced length of {@code content} into {@code target}, verified as above (bounded memory). */
    static Sha256.Measured copy(String key, InputStream content, long sizeBytes, String expectedSha256, OutputStream target)
            throws IOException {
        SentBytes sent = new SentBytes(key, expectedSha256, sizeBytes);
        byte[] buffer = new byte[64 * 1024];
        int n;
        // one byte past the announced end is read, so that a longer stream is noticed rather than cut silently
        while (sent.count() <= sizeBytes && (n = content.read(buffer, 0, (int) Math.min(buffer.length, sizeBytes - sent.count() + 1))) >= 0) {
            sent.add(buffer, 0, n);
            target.write(buffer, 0, n);
        }
        return sent.verified();
    }
}
