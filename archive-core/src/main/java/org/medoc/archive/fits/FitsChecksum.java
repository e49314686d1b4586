package org.medoc.archive.fits;

/**
 * The FITS 32-bit ones'-complement checksum (FITS Standard 4.0, appendix J; Seaman, Pence &amp; Rots, Checksum
 * convention): the ones'-complement sum of the big-endian 32-bit words of a byte sequence whose length is a multiple
 * of 4 (FITS blocks always are). Streaming: feed bytes in any chunks of multiples of 4.
 */
public final class FitsChecksum {

    private long sum;

    void update(byte[] b, int off, int len) {
        if ((len & 3) != 0) {
            throw new IllegalArgumentException("length must be a multiple of 4");
        }
        sum = add(sum, of(java.nio.ByteBuffer.wrap(b, off, len)));
    }

    /** The 32-bit ones'-complement sum so far (0 … 2^32-1). */
    long value() {
        return sum;
    }

    /**
     * The 32-bit ones'-complement sum of the big-endian words of {@code bytes}' remaining bytes (a multiple of 4; the
     * buffer's position is not moved): a plain 64-bit sum of the words with the carries folded back in, which is the
     * same number whatever the order of addition, so parts of a file may be summed apart and combined with
     * {@link #add}.
     */
    public static long of(java.nio.ByteBuffer bytes) {
        if ((bytes.remaining() & 3) != 0) {
            throw new IllegalArgumentException("length must be a multiple of 4");
        }
        java.nio.IntBuffer words = bytes.slice().order(java.nio.ByteOrder.BIG_ENDIAN).asIntBuffer();
        long s = 0;
        int sinceFold = 0;
        for (int i = 0, n = words.remaining(); i < n; i++) {
            s += words.get(i) & 0xffffffffL;
            // 2^20 words of at most 2^32 - 1 stay far below 2^63
            if (++sinceFold == 1 << 20) {
                s = fold(s);
                sinceFold = 0;
            }
        }
        return fold(s);
    }

    /** Ones'-complement addition of two 32-bit sums. */
    public static long add(long a, long b) {
        return fold(a + b);
    }

    private static long fold(long s) {
        while ((s >>> 32) != 0) {
            s = (s & 0xffffffffL) + (s >>> 32);
        }
        return s;
    }
}
