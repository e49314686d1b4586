package org.medoc.archive.fits;

/**
 * Bounds applied before anything is read or decoded.
 *
 * @param maxFileBytes    largest file (and largest declared data unit) accepted
 * @param maxHeaderCards  largest number of 80-character cards in one HDU header
 * @param maxImagePixels  largest number of pixels decoded by {@link FitsImageReader} (one plane; whole image if compressed)
 */
public record FitsLimits(long maxFileBytes, long maxHeaderCards, long maxImagePixels) {

    public FitsLimits {
        if (maxFileBytes <= 0 || maxHeaderCards <= 0 || maxImagePixels <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** 8 GiB files, 100 000 cards per header, 64 Mi pixels for decoding. */
    public static FitsLimits defaults() {
        return new FitsLimits(8L << 30, 100_000, 64L << 20);
    }
}
