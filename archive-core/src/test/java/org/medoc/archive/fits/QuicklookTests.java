package org.medoc.archive.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class QuicklookTests {

    private static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).as("ImageIO decodes the PNG").isNotNull();
        return img;
    }

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    /** Value grows with the FITS row number: row 0 darkest. */
    private static ImagePlane verticalGradient(int w, int h) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = y;
            }
        }
        return new ImagePlane(w, h, v);
    }

    @Test
    void aRealImageBecomesAPngThatImageIoDecodes() throws Exception {
        ImagePlane plane = TestFiles.readPrimaryImage(TestFiles.real("aia_171_level1.fits"));

        BufferedImage img = decode(Quicklook.png(plane, Stretch.LOG, 512));

        assertThat(img.getWidth()).isEqualTo(128);
        assertThat(img.getHeight()).isEqualTo(128);
        assertThat(img.getRaster().getNumBands()).isEqualTo(1);
    }

    @Test
    void theLongerSideIsDownsampledToAtMostMaxSide() throws Exception {
        ImagePlane plane = TestFiles.readPrimaryImage(TestFiles.real("aia_171_cutout.fits")); // 769×705

        BufferedImage img = decode(Quicklook.png(plane, Stretch.SQRT, 256));

        assertThat(Math.max(img.getWidth(), img.getHeight())).isLessThanOrEqualTo(256);
        assertThat(img.getWidth()).isEqualTo(193); // 769 / ceil(769/256 = 3.004) = 4 → 193
        assertThat(img.getHeight()).isEqualTo(177);
    }

    @Test
    void fitsRowZeroIsDrawnAtTheBottom() throws Exception {
        BufferedImage img = decode(Quicklook.png(verticalGradient(40, 100), Stretch.LINEAR, 100));

        assertThat(grey(img, 20, 99)).as("bottom PNG row = FITS row 0 = lowest value").isZero();
        assertThat(grey(img, 20, 0)).as("top PNG row = last FITS row = highest value").isEqualTo(255);
        assertThat(grey(img, 20, 30)).isGreaterThan(grey(img, 20, 70));
    }

    /** The table of grey levels gives the level of the formula, exactly, at and around every threshold and elsewhere. */
    @Test
    void greyLevelsFromThresholdsAreThoseOfTheFormula() {
        java.util.Random random = new java.util.Random(7);
        int checked = 0;
        for (Stretch stretch : Stretch.values()) {
            Quicklook.GreyLevels levels = Quicklook.GreyLevels.of(stretch);
            java.util.List<Double> ts = new java.util.ArrayList<>(java.util.List.of(0.0, 1.0, Double.MIN_VALUE,
                    Math.nextDown(1.0)));
            for (int g = 1; g <= 255; g++) {
                double t = levels.threshold(g);
                ts.addAll(java.util.List.of(t, Math.nextUp(t), Math.nextDown(t), Math.nextDown(Math.nextDown(t))));
                // the definition: the least t at level g or above
                assertThat(Quicklook.level(t, stretch)).as("%s %d", stretch, g).isGreaterThanOrEqualTo(g);
                if (t > 0) {
                    assertThat(Quicklook.level(Math.nextDown(t), stretch)).as("%s %d", stretch, g).isLessThan(g);
                }
            }
            for (int b = 0; b <= 1 << 16; b += 97) {
                double t = (double) b / (1 << 16);
                ts.addAll(java.util.List.of(t, Math.nextDown(Math.max(t, Double.MIN_VALUE)), Math.min(1, Math.nextUp(t))));
            }
            for (int k = 0; k < 200_000; k++) {
                ts.add(k % 2 == 0 ? random.nextDouble() : random.nextDouble() * 1e-3);
            }
            for (double t : ts) {
                assertThat(levels.level(t)).as("%s at t = %s", stretch, t).isEqualTo(Quicklook.level(t, stretch));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(600_000);
        // a quicklook of random values equals, pixel by pixel, the formula applied to each value
        float[] v = new float[97 * 61];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 37 == 0 ? Float.NaN : (float) Math.exp(random.nextGaussian() * 3);
        }
        double[] range = Quicklook.percentiles(v);
        for (Stretch stretch : Stretch.values()) {
            BufferedImage img;
            try {
                img = decode(Quicklook.png(new ImagePlane(97, 61, v), stretch, 512));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            for (int y = 0; y < 61; y++) {
                for (int x = 0; x < 97; x++) {
                    assertThat(grey(img, x, 60 - y)).as("%s pixel %d, %d", stretch, x, y)
                            .isEqualTo(Quicklook.grey(v[y * 97 + x], range, stretch));
                }
            }
        }
    }

    /** The percentiles by selection are the values a full sort of the samples puts at the same two ranks. */
    @Test
    void percentilesAreTheValuesOfASortAtTheirRanks() {
        java.util.Random random = new java.util.Random(42);
        int cases = 0;
        for (int n : new int[] {1, 2, 3, 17, 200, 4096, 100_000, 300_000}) {
            for (int kind = 0; kind < 5; kind++) {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = switch (kind) {
                        case 0 -> (float) random.nextGaussian();
                        case 1 -> 7f;                                       // all equal
                        case 2 -> i;                                        // sorted
                        case 3 -> random.nextInt(3) - 1 == 0 ? (random.nextBoolean() ? 0f : -0f) : random.nextInt(5) - 2;
                        default -> random.nextInt(20) == 0 ? Float.NaN : n - i; // reversed, with NaN
                    };
                }
                int stride = Math.max(1, n / (1 << 18));
                float[] finite = new float[Math.min(n, (1 << 18) + 1)];
                int m = 0;
                for (int i = 0; i < n && m < finite.length; i += stride) {
                    if (Float.isFinite(v[i])) {
                        finite[m++] = v[i];
                    }
                }
                Arrays.sort(finite, 0, m);
                double[] p = Quicklook.percentiles(v);
                assertThat(p[0]).as("n %d kind %d", n, kind)
                        .isEqualTo((double) finite[(int) Math.floor(0.005 * (m - 1))]);
                assertThat(p[1]).as("n %d kind %d", n, kind)
                        .isEqualTo((double) finite[(int) Math.ceil(0.995 * (m - 1))]);
                assertThat(Double.doubleToRawLongBits(p[0]))
                        .isEqualTo(Double.doubleToRawLongBits(finite[(int) Math.floor(0.005 * (m - 1))]));
                cases++;
            }
        }
        assertThat(cases).isEqualTo(40);
        assertThat(Quicklook.percentiles(new float[] {Float.NaN, Float.POSITIVE_INFINITY})).isNull();
    }

    @Test
    void percentileScalingClipsAFewExtremeOutliers() throws Exception {
        ImagePlane plane = verticalGradient(100, 100);
        plane.values()[0] = 1e30f;
        plane.values()[1] = -1e30f;

        BufferedImage img = decode(Quicklook.png(plane, Stretch.LINEAR, 100));

        // without clipping, everything but the outliers would be one mid grey
        assertThat(grey(img, 50, 10)).isGreaterThan(200);
        assertThat(grey(img, 50, 90)).isLessThan(50);
    }

    @Test
    void nanPixelsAreBlackAndDoNotDisturbTheScaling() throws Exception {
        ImagePlane plane = verticalGradient(10, 100);
        for (int x = 0; x < 10; x++) {
            plane.values()[99 * 10 + x] = Float.NaN; // last FITS row = top PNG row
        }
        plane.values()[50 * 10 + 5] = Float.NaN;

        BufferedImage img = decode(Quicklook.png(plane, Stretch.LINEAR, 100));

        assertThat(grey(img, 5, 0)).isZero();
        assertThat(grey(img, 5, 99 - 50)).isZero();
        assertThat(grey(img, 5, 1)).as("row 98 is now the maximum").isEqualTo(255);
    }

    @Test
    void anAllNaNImageIsABlackPng() throws Exception {
        float[] v = new float[64];
        java.util.Arrays.fill(v, Float.NaN);

        BufferedImage img = decode(Quicklook.png(new ImagePlane(8, 8, v), Stretch.SQRT, 16));

        assertThat(grey(img, 3, 3)).isZero();
    }

    @Test
    void sqrtAndLogStretchesBrightenMidTones() throws Exception {
        ImagePlane plane = verticalGradient(10, 101);

        int linear = grey(decode(Quicklook.png(plane, Stretch.LINEAR, 200)), 5, 50);
        int sqrt = grey(decode(Quicklook.png(plane, Stretch.SQRT, 200)), 5, 50);
        int log = grey(decode(Quicklook.png(plane, Stretch.LOG, 200)), 5, 50);

        assertThat(linear).isBetween(120, 135);
        assertThat(sqrt).isGreaterThan(linear);
        assertThat(log).isGreaterThan(sqrt);
    }
}
