package org.medoc.archive.fits;

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
        if (range != null && range[1] > range[0]) { // else all black
            GreyLevels levels = GreyLevels.of(stretch);
            double lo = range[0];
            double span = range[1] - range[0];
            for (int y = 0; y < outH; y++) {
                int to = (outH - 1 - y) * outW;
                for (int x = 0; x < outW; x++) {
                    float v = small[y * outW + x];
                    if (Float.isFinite(v)) {
                        double t = Math.max(0, Math.min(1, (v - lo) / span));
                        grey[to + x] = (byte) levels.level(t);
                    }
                }
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
     * ranks floor(0.005 (n − 1)) and ceil(0.995 (n − 1)) of the sorted samples. Both ranks lie within 0.5 % of an end,
     * so they are found with two bounded heaps (the low + 1 smallest, the n − high largest) in one pass rather than a
     * full sort: the same two values, and most samples are dismissed by one well-predicted comparison (the sort was a
     * third of a small file's quicklook; a quickselect, all mispredicted branches, was no faster than the sort).
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
        // a max-heap of the low + 1 smallest keys and a min-heap of the n − high largest: their roots are the keys
        // of ranks low and high
        int[] smallest = new int[low + 1];
        int[] largest = new int[n - high];
        for (int i = 0; i < n; i++) {
            int key = keys[i];
            if (i < smallest.length) {
                siftUp(smallest, i, key, true);
            } else if (key < smallest[0]) {
                siftDown(smallest, key, true);
            }
            if (i < largest.length) {
                siftUp(largest, i, key, false);
            } else if (key > largest[0]) {
                siftDown(largest, key, false);
            }
        }
        return new double[] {fromOrderKey(smallest[0]), fromOrderKey(largest[0])};
    }

    /** Adds {@code key} at {@code heap[size]} and restores the heap (max-heap if {@code max}, else min-heap). */
    private static void siftUp(int[] heap, int size, int key, boolean max) {
        int at = size;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (max ? heap[parent] >= key : heap[parent] <= key) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = key;
    }

    /** Replaces the root of a full heap by {@code key} and restores the heap. */
    private static void siftDown(int[] heap, int key, boolean max) {
        int size = heap.length;
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && (max ? heap[child + 1] > heap[child] : heap[child + 1] < heap[child])) {
                child++;
            }
            if (max ? heap[child] <= key : heap[child] >= key) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = key;
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

    /** The grey level of value {@code v}: what {@link #png} computes, pixel by pixel, through {@link GreyLevels}. */
    static int grey(float v, double[] range, Stretch stretch) {
        if (range == null || !Float.isFinite(v) || range[1] <= range[0]) {
            return 0;
        }
        double t = (v - range[0]) / (range[1] - range[0]);
        t = Math.max(0, Math.min(1, t));
        return level(t, stretch);
    }

    /** round(255 · stretch(t)) for t in [0, 1]: the definition of the grey levels. */
    static int level(double t, Stretch stretch) {
        t = switch (stretch) {
            case LINEAR -> t;
            case SQRT -> Math.sqrt(t);
            case LOG -> Math.log10(1 + 1000 * t) / Math.log10(1001);
        };
        return (int) Math.round(t * 255);
    }

    /**
     * {@link #level(double, Stretch)} without a logarithm, root or rounding per pixel: the level is a
     * non-decreasing function of t (the square root is correctly rounded, {@code Math.log10} semi-monotonic, the
     * rest monotone), so it is the number of thresholds T(g) ≤ t, T(g) being the least double t whose level is at
     * least g. The 255 thresholds are found once per stretch by bisection over the doubles of [0, 1] with the
     * definition itself, so the levels are the same, exactly (checked in {@code QuicklookTests}); a table of the level
     * at t = b / 2¹⁶ gives the start, and at most a few thresholds are compared after it. The log10 per pixel was the
     * largest part of a small file's quicklook, and the
     * table is faster than {@code Math.round} for the linear stretch too.
     */
    static final class GreyLevels {

        private static final int BUCKETS = 1 << 16;
        private static final GreyLevels LINEAR = new GreyLevels(Stretch.LINEAR);
        private static final GreyLevels SQRT = new GreyLevels(Stretch.SQRT);
        private static final GreyLevels LOG = new GreyLevels(Stretch.LOG);

        /** thresholds[g] = least t with level(t) ≥ g, for g = 1..255; thresholds[256] = +∞. */
        private final double[] thresholds = new double[257];
        /** start[b] = level(b / BUCKETS). */
        private final byte[] start = new byte[BUCKETS + 1];

        static GreyLevels of(Stretch stretch) {
            return switch (stretch) {
                case LINEAR -> LINEAR;
                case SQRT -> SQRT;
                case LOG -> LOG;
            };
        }

        private GreyLevels(Stretch stretch) {
            long one = Double.doubleToRawLongBits(1.0);
            thresholds[0] = 0;
            for (int g = 1; g <= 255; g++) {
                // level(t) < g at lo, ≥ g at hi; non-negative doubles order as their bits
                long lo = Double.doubleToRawLongBits(thresholds[g - 1]);
                long hi = one;
                if (Quicklook.level(Double.longBitsToDouble(lo), stretch) >= g) {
                    thresholds[g] = thresholds[g - 1]; // a jump over several levels at once
                    continue;
                }
                while (hi - lo > 1) {
                    long mid = (lo + hi) >>> 1;
                    if (Quicklook.level(Double.longBitsToDouble(mid), stretch) >= g) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                thresholds[g] = Double.longBitsToDouble(hi);
            }
            thresholds[256] = Double.POSITIVE_INFINITY;
            int g = 0;
            for (int b = 0; b <= BUCKETS; b++) {
                double t = (double) b / BUCKETS;
                while (thresholds[g + 1] <= t) {
                    g++;
                }
                start[b] = (byte) g;
            }
        }

        /** The least t whose level is at least g (1 ≤ g ≤ 255). */
        double threshold(int g) {
            return thresholds[g];
        }

        /** level(t) for t in [0, 1]. */
        int level(double t) {
            int g = start[(int) (t * BUCKETS)] & 0xff;
            while (thresholds[g + 1] <= t) {
                g++;
            }
            return g;
        }
    }
}
