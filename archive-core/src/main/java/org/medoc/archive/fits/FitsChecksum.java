package org.medoc.archive.fits;

/**
 * The FITS 32-bit ones'-complement checksum (FITS Standard 4.0, appendix J; Seaman, Pence &amp; Rots, Checksum
 * convention): the ones'-complement sum of the big-endian 32-bit words of a byte sequence whose length is a multiple
 * of 4 (FITS blocks always are). Streaming: feed bytes in any chunks of multiples of 4.
 */
final class FitsChecksum {

    private long sum;

    void update(byte[] b, int off, int len) {
        if ((len & 3) != 0) {
            throw new IllegalArgumentException("length must be a multiple of 4");
        }
        long s = sum;
        int end = off + len;
        int sinceFold = 0;
        for (int i = off; i < end; i += 4) {
            s += ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xffL) << 16) | ((b[i + 2] & 0xffL) << 8) | (b[i + 3] & 0xffL);
            if (++sinceFold == 1 << 20) {
                s = fold(s);
                sinceFold = 0;
            }
        }
        sum = fold(s);
    }

    /** The 32-bit ones'-complement sum so far (0 … 2^32-1). */
    long value() {
        return sum;
    }

    /** Ones'-complement addition of two 32-bit sums. */
    static long add(long a, long b) {
        return fold(a + b);
    }

    private static long fold(long s) {
        while ((s >>> 32) != 0) {
            s = (s & 0xffffffffL) + (s >>> 32);
        }
        return s;
    }
}
