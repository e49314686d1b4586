package org.medoc.products.dem;

import java.nio.file.*;
import java.util.*;

/**
 * How alike neighbouring pixels' searches are (not part of the test run; docs/benchmarks.md): for sampled rows of a
 * set, the super-blocks and blocks whose cone bound does not exceed the pixel's own optimum (an ideal incumbent, no
 * float margins: the fewest any search order with these bounds can keep), per pixel and as the union over runs of
 * 16 consecutive fitted pixels in a row and over 4 × 4 tiles. The union is what a search evaluating 16 pixels per
 * SIMD pass (lanes = pixels, a group evaluated when any lane needs it) would bound and evaluate. Arguments: set
 * directory (six FITS files), row step.
 */
public final class DemUnionProbe {

    private DemUnionProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (var list = Files.list(Path.of(args[0]))) {
            files = list.filter(p -> p.toString().endsWith(".fits")).sorted().toList();
        }
        int step = Integer.parseInt(args[1]);
        DemInput input = AiaSetReader.read(files).input();
        DemFitter fitter = DemFitter.standard().withThreads(1);
        DemFitter.SearchTables t = DemFitter.SearchTables.of(fitter.grid(), GaussianDemModel.standard());
        AiaChannel[] channels = AiaChannel.values();
        float[][] rates = new float[6][];
        double[] exposure = new double[6];
        for (AiaChannel c : channels) {
            rates[c.ordinal()] = input.rates().get(c);
            exposure[c.ordinal()] = input.exposureSeconds().get(c);
        }
        int width = input.width();
        long pixels = 0, superSum = 0, blockSum = 0, rowUnionSuper = 0, rowUnionBlock = 0, rowGroups = 0;
        long tileUnionSuper = 0, tileUnionBlock = 0, tileGroups = 0;
        // per row (4 consecutive rows kept for the tiles): the surviving sets of each pixel, null when not fitted
        for (int y0 = 0; y0 + 4 <= input.height(); y0 += step) {
            BitSet[][] supers = new BitSet[4][width];
            BitSet[][] blocks = new BitSet[4][width];
            for (int dy = 0; dy < 4; dy++) {
                int y = y0 + dy;
                for (int x = 0; x < width; x++) {
                    double[] r = new double[6];
                    for (int b = 0; b < 6; b++) {
                        r[b] = rates[b][y * width + x];
                    }
                    DemFitter.PixelFit fit = fitter.fitPixel(r, exposure, input.pixelsAveraged());
                    if (fit.node() < 0) {
                        continue;
                    }
                    double[] p = new double[6];
                    double[] w = new double[6];
                    double a = 0;
                    for (int b = 0; b < 6; b++) {
                        if (r[b] > 0 && r[b] < Double.POSITIVE_INFINITY && r[b] * exposure[b] < fitter.saturationDn()) {
                            w[b] = 1 / fitter.noise().rateVariance(channels[b], r[b], exposure[b], input.pixelsAveraged());
                            p[b] = r[b] * w[b];
                            a += r[b] * r[b] * w[b];
                        }
                    }
                    double level = Math.sqrt(Math.max(0, fit.chiSquare()));
                    BitSet s = new BitSet(t.superCount);
                    for (int j = 0; j < t.superCount; j++) {
                        double n = 0, d = 0, e = 0;
                        for (int b = 0; b < 6; b++) {
                            n += p[b] * t.superCentre[b][j];
                            d += w[b] * t.superCentreSquared[b][j];
                            e += w[b] * t.superRadius[b][j];
                        }
                        double reach = level + Math.sqrt(a * e / d);
                        if (a - n * n / d <= reach * reach) {
                            s.set(j);
                        }
                    }
                    BitSet k = new BitSet(t.blockCount);
                    for (int sb = s.nextSetBit(0); sb >= 0; sb = s.nextSetBit(sb + 1)) {
                        for (int j = t.superStart[sb]; j < t.superStart[sb + 1]; j++) {
                            int at = j * 18;
                            double n = 0, d = 0, e = 0;
                            for (int b = 0; b < 6; b++) {
                                n += p[b] * t.blockCone[at + b];
                                d += w[b] * t.blockCone[at + 6 + b];
                                e += w[b] * t.blockCone[at + 12 + b];
                            }
                            double reach = level + Math.sqrt(a * e / d);
                            if (a - n * n / d <= reach * reach) {
                                k.set(j);
                            }
                        }
                    }
                    supers[dy][x] = s;
                    blocks[dy][x] = k;
                    pixels++;
                    superSum += s.cardinality();
                    blockSum += k.cardinality();
                }
                // runs of 16 consecutive fitted pixels in this row
                BitSet us = new BitSet(), ub = new BitSet();
                int inRun = 0;
                for (int x = 0; x < width; x++) {
                    if (supers[dy][x] == null) {
                        continue;
                    }
                    us.or(supers[dy][x]);
                    ub.or(blocks[dy][x]);
                    if (++inRun == 16) {
                        rowUnionSuper += us.cardinality();
                        rowUnionBlock += ub.cardinality();
                        rowGroups++;
                        us.clear();
                        ub.clear();
                        inRun = 0;
                    }
                }
            }
            for (int x0 = 0; x0 + 4 <= width; x0 += 4) {
                BitSet us = new BitSet(), ub = new BitSet();
                int fitted = 0;
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        if (supers[dy][x0 + dx] != null) {
                            us.or(supers[dy][x0 + dx]);
                            ub.or(blocks[dy][x0 + dx]);
                            fitted++;
                        }
                    }
                }
                if (fitted == 16) {
                    tileUnionSuper += us.cardinality();
                    tileUnionBlock += ub.cardinality();
                    tileGroups++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%,d fitted pixels in rows of %d (4 rows every %d)%n", pixels, width, step);
        System.out.printf(Locale.ROOT, "per pixel: %.2f super-blocks, %.2f blocks survive the cone bound against the"
                + " pixel's own optimum%n", superSum / (double) pixels, blockSum / (double) pixels);
        System.out.printf(Locale.ROOT, "union over 16 consecutive pixels of a row (%,d groups): %.2f super-blocks,"
                + " %.2f blocks%n", rowGroups, rowUnionSuper / (double) rowGroups, rowUnionBlock / (double) rowGroups);
        System.out.printf(Locale.ROOT, "union over 4 x 4 tiles (%,d tiles): %.2f super-blocks, %.2f blocks%n",
                tileGroups, tileUnionSuper / (double) tileGroups, tileUnionBlock / (double) tileGroups);
    }
}
