package org.medoc.archive.fits;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        BufferedImage img = new BufferedImage(outW, outH, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        int[] row = new int[outW];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                row[x] = grey(small[y * outW + x], range, stretch);
            }
            raster.setPixels(0, outH - 1 - y, outW, 1, row); // FITS row 0 at the bottom
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Png.write(img, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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

    /** {low, high} percentiles of the finite values (sampled evenly if there are many), or null if none. */
    static double[] percentiles(float[] values) {
        int stride = Math.max(1, values.length / MAX_SAMPLES);
        float[] finite = new float[Math.min(values.length, MAX_SAMPLES + 1)];
        int n = 0;
        for (int i = 0; i < values.length && n < finite.length; i += stride) {
            if (Float.isFinite(values[i])) {
                finite[n++] = values[i];
            }
        }
        if (n == 0) {
            return null;
        }
        Arrays.sort(finite, 0, n);
        double lo = finite[(int) Math.floor(LOW_PERCENTILE / 100 * (n - 1))];
        double hi = finite[(int) Math.ceil(HIGH_PERCENTILE / 100 * (n - 1))];
        return new double[] {lo, hi};
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
