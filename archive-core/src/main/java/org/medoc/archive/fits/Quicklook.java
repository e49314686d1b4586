package org.medoc.archive.fits;

import java.util.Arrays;


/** Greyscale PNG previews of an {@link ImagePlane}. */
public final class Quicklook {

    /** The longer side of the archive's quicklooks, in pixels. */
    public static final int SIDE = 512;
    static final double LOW_PERCENTILE = 0.5;
    static final double HIGH_PERCENTILE = 99.5;
    /**
     * Pixels the percentiles are taken from, evenly spaced: the rank error of a percentile from n samples is
     * about √(p(1−p)/n), 0.014 percentile points for the 0.5th with 2¹⁸, and sorting them costs milliseconds.
     */
    private static final int MAX_SAMPLES = 1 << 18;

    private Quicklook() {
    }

    /**
     * PNG bytes: block-averaged (NaN ignored) so that the longer side is at most {@code maxSide}, scaled between the
     * 0.5 and 99.5 percentiles of the finite values, stretched, 8-bit greyscale, with row 0 of the FITS image at the
     * BOTTOM (FITS convention). NaN pixels are black; an image without finite values, or a flat one, is black.
     * <p>
     * A plane holding only every n-th row (n at most the block size) gives the same picture from fewer pixels: each
     * output pixel averages the held rows of its block instead of all of them, and the percentiles come from the held
     * pixels (at most 2¹⁸ of them, evenly spaced). What is lost is only averaging of noise within a
     * block, below one grey level for photon-noise-limited images (docs/ingest.md, "Quicklooks").
     */
    public static byte[] png(ImagePlane plane, Stretch stretch, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be at least 1");
        }
        int fullHeight = plane.fullHeight();
        int factor = (int) Math.ceil(Math.max(plane.width(), fullHeight) / (double) maxSide);
        factor = Math.max(1, factor);
        int outW = (plane.width() + factor - 1) / factor;
        int outH = (fullHeight + factor - 1) / factor;
        float[] small = factor == 1 && plane.complete() ? plane.values() : downsample(plane, factor, outW, outH);

        double[] range = percentiles(plane.values());
        // straight to the bytes of the PNG rows, FITS row 0 at the bottom; Png.grey gives the bytes ImageIO gives for
        // a TYPE_BYTE_GRAY image of them, without the image, its raster and ImageIO's writer objects
        byte[] grey = new byte[outW * outH];
        for (int y = 0; y < outH; y++) {
            int to = (outH - 1 - y) * outW;
            for (int x = 0; x < outW; x++) {
                grey[to + x] = (byte) grey(small[y * outW + x], range, stretch);
            }
        }
        return Png.grey(grey, outW, outH);
    }

    /** Block means over the held rows: output row oy covers image rows [oy·factor, (oy+1)·factor). */
    private static float[] downsample(ImagePlane plane, int factor, int outW, int outH) {
        float[] out = new float[outW * outH];
        int w = plane.width();
        int step = plane.rowStep();
        int full = plane.fullHeight();
        float[] v = plane.values();
        double[] sums = new double[outW];
        int[] counts = new int[outW];
        for (int oy = 0; oy < outH; oy++) {
            java.util.Arrays.fill(sums, 0);
            java.util.Arrays.fill(counts, 0);
            int firstRow = oy * factor;
            int endRow = Math.min(full, (oy + 1) * factor);
            for (int held = (firstRow + step - 1) / step; held < plane.height() && held * step < endRow; held++) {
                int base = held * w;
                for (int x = 0; x < w; x++) {
                    float f = v[base + x];
                    if (Float.isFinite(f)) {
                        sums[x / factor] += f;
                        counts[x / factor]++;
                    }
                }
            }
            for (int ox = 0; ox < outW; ox++) {
                out[oy * outW + ox] = counts[ox] == 0 ? Float.NaN : (float) (sums[ox] / counts[ox]);
            }
        }
        return out;
    }

    /**
     * {low, high} percentiles of the finite values (sampled evenly if there are many), or null if none: the values of
     * ranks floor(0.005 (n − 1)) and ceil(0.995 (n − 1)) of the sorted samples, found by selection rather than a full
     * sort (the same two values; the sort was a third of a small file's quicklook).
     */
    static double[] percentiles(float[] values) {
        int stride = Math.max(1, values.length / MAX_SAMPLES);
        int[] keys = new int[Math.min(values.length, MAX_SAMPLES + 1)];
        int n = 0;
        for (int i = 0; i < values.length && n < keys.length; i += stride) {
            if (Float.isFinite(values[i])) {
                keys[n++] = orderKey(values[i]);
            }
        }
        if (n == 0) {
            return null;
        }
        int low = (int) Math.floor(LOW_PERCENTILE / 100 * (n - 1));
        int high = (int) Math.ceil(HIGH_PERCENTILE / 100 * (n - 1));
        select(keys, 0, n, low);
        // after the first selection everything right of rank low is at least its value
        select(keys, low, n, high);
        return new double[] {fromOrderKey(keys[low]), fromOrderKey(keys[high])};
    }

    /**
     * An int that orders as {@link Float#compare} orders finite floats (-0.0 before 0.0, as {@code Arrays.sort} puts
     * them): the sign-magnitude bits with the magnitude of negative values flipped.
     */
    static int orderKey(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    static float fromOrderKey(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7fffffff));
    }

    /**
     * Puts into {@code a[k]} the value a sort of {@code a[from, to)} would put there, every value of {@code [from, k)}
     * at most it and every value of {@code (k, to)} at least it (Hoare's selection, median-of-three pivots). Should
     * the partitions stay unbalanced (at most 2 log₂ n + 8 rounds), the rest is sorted instead, so the time stays
     * O(n log n) whatever the values.
     */
    static void select(int[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        int rounds = 2 * (32 - Integer.numberOfLeadingZeros(to - from)) + 8;
        while (hi > lo) {
            if (rounds-- == 0 || hi - lo < 16) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            int mid = (lo + hi) >>> 1;
            // median of three into a[mid]
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            int pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            // [lo, j] <= pivot, [i, hi] >= pivot, (j, i) == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static int grey(float v, double[] range, Stretch stretch) {
        if (range == null || !Float.isFinite(v) || range[1] <= range[0]) {
            return 0;
        }
        double t = (v - range[0]) / (range[1] - range[0]);
        t = Math.max(0, Math.min(1, t));
        t = switch (stretch) {
            case LINEAR -> t;
            case SQRT -> Math.sqrt(t);
            case LOG -> Math.log10(1 + 1000 * t) / Math.log10(1001);
        };
        return (int) Math.round(t * 255);
    }
}
