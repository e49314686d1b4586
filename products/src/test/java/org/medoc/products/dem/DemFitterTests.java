package org.medoc.products.dem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The fit recovers known DEMs, and the fast search finds the exhaustive search's optimum. */
class DemFitterTests {

    private static final Instant TIME = Instant.parse("2026-11-24T12:00:00Z");
    private static final double[] EXPOSURE = {2.9, 2.9, 2.0, 2.0, 2.9, 2.9};
    private static DemFitter fitter;
    private static GaussianDemModel model;

    @BeforeAll
    static void tables() {
        fitter = DemFitter.standard();
        model = GaussianDemModel.standard();
    }

    @Test
    void noiseFreeIntensitiesOfAGridNodeGiveBackThatNodeAndItsEmissionMeasure() {
        double[][] truths = {{6.20, 0.10, 1e27}, {5.90, 0.03, 3e26}, {6.55, 0.25, 2e28}, {6.05, 0.08, 5e25},
                {7.00, 0.40, 1e27}, {5.60, 0.01, 1e27}};
        for (double[] truth : truths) {
            DemFitter.PixelFit fit = fitter.fitPixel(model.intensities(truth[0], truth[1], truth[2]), EXPOSURE, 1);
            assertThat(fit.logTemperature()).as("log Tc of %s", Arrays.toString(truth)).isCloseTo(truth[0], within(1e-9));
            assertThat(fit.widthDex()).as("σ of %s", Arrays.toString(truth)).isCloseTo(truth[1], within(1e-9));
            assertThat(fit.emissionMeasure()).isCloseTo(truth[2], within(truth[2] * 1e-9));
            assertThat(fit.chiSquare()).isCloseTo(0, within(1e-6));
            assertThat(fit.bands()).isEqualTo(6);
        }
    }

    @Test
    void noiseFreeSyntheticSetIsRecoveredWithinTheGridResolution(@TempDir Path directory) throws IOException {
        // the truth varies continuously between nodes, so the best node is at most one step away
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.FULL_DISC, 96, TIME, 3,
                false, directory);
        DemMaps maps = fitter.fit(AiaSetReader.read(set.files()).input());
        int compared = 0;
        int withinOneStep = 0;
        double worstEm = 0;
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                int i = y * 96 + x;
                if (maps.bands()[y][x] < 6) {
                    continue;
                }
                compared++;
                double dT = Math.abs(maps.logTemperature()[y][x] - set.logTemperature()[i]);
                double dW = Math.abs(maps.widthDex()[y][x] - set.widthDex()[i]);
                if (dT <= 0.0101 && dW <= 0.0101) {
                    withinOneStep++;
                }
                worstEm = Math.max(worstEm, Math.abs(maps.emissionMeasure()[y][x] / set.emissionMeasure()[i] - 1));
            }
        }
        assertThat(compared).isGreaterThan(96 * 96 / 2);
        assertThat(withinOneStep / (double) compared).as("fraction within one grid step").isGreaterThanOrEqualTo(0.99);
        assertThat(worstEm).as("largest relative EM error").isLessThan(0.1);
    }

    @Test
    void realisticNoiseGivesSmallErrorsWhereTheSignalIsStrong(@TempDir Path directory) throws IOException {
        int size = 256;
        DemSyntheticSets sets = new DemSyntheticSets();
        DemSyntheticSets.SyntheticSet set = sets.write(DemSyntheticSets.Scene.FULL_DISC, size, TIME, 11, true, directory);
        DemInput input = AiaSetReader.read(set.files()).input();
        DemMaps maps = fitter.fit(input);
        AiaNoiseModel random = AiaNoiseModel.randomOnly();
        double[] errorsT = new double[size * size];
        double[] errorsW = new double[size * size];
        int n = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                // SNR of the weakest band, from the noise-free intensities and the random noise
                double snr = Double.POSITIVE_INFINITY;
                for (AiaChannel channel : AiaChannel.values()) {
                    double rate = set.emissionMeasure()[i] * sets.response(channel,
                            set.logTemperature()[i], set.widthDex()[i]);
                    double t = DemSyntheticSets.exposureSeconds(channel);
                    snr = Math.min(snr, rate * t / random.countsError(channel, rate * t, set.pixelsAveraged()));
                }
                if (snr > 10 && maps.bands()[y][x] == 6) {
                    errorsT[n] = Math.abs(maps.logTemperature()[y][x] - set.logTemperature()[i]);
                    errorsW[n] = Math.abs(maps.widthDex()[y][x] - set.widthDex()[i]);
                    n++;
                }
            }
        }
        double[] t = Arrays.copyOf(errorsT, n);
        double[] w = Arrays.copyOf(errorsW, n);
        Arrays.sort(t);
        Arrays.sort(w);
        double medianT = t[n / 2];
        double p95T = t[(int) (0.95 * (n - 1))];
        double medianW = w[n / 2];
        double p95W = w[(int) (0.95 * (n - 1))];
        System.out.printf(Locale.ROOT, "DEM recovery, %d pixels with SNR > 10 in every band: |Δlog Tc| median %.3f,"
                + " p95 %.3f; |Δσ| median %.3f, p95 %.3f%n", n, medianT, p95T, medianW, p95W);
        assertThat(n).isGreaterThan(1000);
        assertThat(medianT).isLessThanOrEqualTo(0.02);
        assertThat(p95T).isLessThanOrEqualTo(0.08);
        assertThat(medianW).isLessThanOrEqualTo(0.03);
        assertThat(p95W).isLessThanOrEqualTo(0.12);
    }

    @Test
    void fastSearchFindsTheExhaustiveOptimumOnASyntheticSet(@TempDir Path directory) throws IOException {
        int size = 128;
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.FULL_DISC, size, TIME, 5,
                true, directory);
        DemInput input = AiaSetReader.read(set.files()).input();
        DemMaps fast = fitter.fit(input);
        DemMaps exhaustive = fitter.withSearch(DemFitter.Search.EXHAUSTIVE).fit(input);
        int fitted = 0;
        int same = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (Float.isNaN(exhaustive.logTemperature()[y][x])) {
                    assertThat(fast.logTemperature()[y][x]).isNaN();
                    continue;
                }
                fitted++;
                if (fast.logTemperature()[y][x] == exhaustive.logTemperature()[y][x]
                        && fast.widthDex()[y][x] == exhaustive.widthDex()[y][x]) {
                    same++;
                    assertThat(fast.chiSquare()[y][x]).isEqualTo(exhaustive.chiSquare()[y][x]);
                    assertThat(fast.emissionMeasure()[y][x]).isEqualTo(exhaustive.emissionMeasure()[y][x]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "DEM search agreement: %d of %d fitted pixels (%.4f %%)%n", same, fitted,
                100.0 * same / fitted);
        assertThat(fitted).isGreaterThan(size * size / 2);
        assertThat(same / (double) fitted).isGreaterThanOrEqualTo(0.999);
    }

    @Test
    void fastSearchFindsTheExhaustiveOptimumForRandomDemsAndNoise() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        DemFitter exhaustive = fitter.withSearch(DemFitter.Search.EXHAUSTIVE);
        AiaNoiseModel noise = AiaNoiseModel.randomOnly();
        int same = 0;
        int trials = 1500;
        for (int k = 0; k < trials; k++) {
            double[] rates = model.intensities(5.6 + 1.6 * random.nextDouble(), 0.01 + 0.6 * random.nextDouble(),
                    Math.pow(10, 25.5 + 3 * random.nextDouble()));
            for (int b = 0; b < 6; b++) {
                double counts = rates[b] * EXPOSURE[b];
                rates[b] = (counts + noise.countsError(AiaChannel.values()[b], counts, 1) * random.nextGaussian())
                        / EXPOSURE[b];
            }
            DemFitter.PixelFit a = fitter.fitPixel(rates, EXPOSURE, 1);
            DemFitter.PixelFit b = exhaustive.fitPixel(rates, EXPOSURE, 1);
            if (a.node() == b.node()) {
                same++;
            }
        }
        assertThat(same / (double) trials).isGreaterThanOrEqualTo(0.999);
    }

    /**
     * On a developer's CPU whose preferred float vector is shorter than 8 lanes the fit searches pixel by pixel and
     * the lane tests are skipped; under CI=true (whose CPU has AVX-512) they run and fail instead.
     */
    private static void assumeLanesUnlessCi() {
        if (DemLaneSearch.lanes() == 0) {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null,
                    "this CPU's preferred float vector is shorter than 8 lanes: the fit searches pixel by pixel here");
        }
    }

    @Test
    void laneSearchIsUsedWhenTheJvmHasTheVectorModule() {
        // the build's test JVMs run with --add-modules jdk.incubator.vector (products/pom.xml); CI's CPU has AVX-512
        boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertThat(vectorModule).as("surefire's argLine adds jdk.incubator.vector").isTrue();
        assumeLanesUnlessCi();
        assertThat(fitter.lanes()).isIn(8, 16);
        assertThat(fitter.withoutLanes().lanes()).isZero();
        assertThat(fitter.withSearch(DemFitter.Search.EXHAUSTIVE).lanes()).isZero();
    }

    @Test
    void laneSearchGivesEveryPixelItsExhaustiveOptimumWhenNeighboursDisagree() {
        // neighbouring pixels with unrelated DEMs (the worst case for a pass: its lanes need different groups), pixels
        // with missing and saturated bands, unfittable pixels, and a size that is not a multiple of the tile's
        int width = 23;
        int height = 13;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        AiaNoiseModel noise = AiaNoiseModel.randomOnly();
        java.util.Map<AiaChannel, float[]> rates = new java.util.EnumMap<>(AiaChannel.class);
        java.util.Map<AiaChannel, Double> exposure = new java.util.EnumMap<>(AiaChannel.class);
        for (AiaChannel channel : AiaChannel.values()) {
            rates.put(channel, new float[width * height]);
            exposure.put(channel, EXPOSURE[channel.ordinal()]);
        }
        for (int i = 0; i < width * height; i++) {
            double[] r = model.intensities(5.6 + 1.6 * random.nextDouble(), 0.01 + 0.6 * random.nextDouble(),
                    Math.pow(10, 25.5 + 3 * random.nextDouble()));
            for (AiaChannel channel : AiaChannel.values()) {
                int b = channel.ordinal();
                double counts = r[b] * EXPOSURE[b];
                double value = (counts + noise.countsError(channel, counts, 1) * random.nextGaussian()) / EXPOSURE[b];
                if (i % 11 == 3 && b == 0) {
                    value = Double.NaN; // a missing band
                } else if (i % 17 == 5 && b < 4) {
                    value = -1; // only two usable bands: not fitted
                }
                rates.get(channel)[i] = (float) value;
            }
        }
        DemInput input = new DemInput(width, height, rates, exposure, 1);
        DemMaps tiled = fitter.fit(input);
        DemMaps exhaustive = fitter.withSearch(DemFitter.Search.EXHAUSTIVE).fit(input);
        DemMaps scalar = fitter.withoutLanes().fit(input);
        int fitted = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(tiled.bands()[y][x]).isEqualTo(exhaustive.bands()[y][x]);
                if (Float.isNaN(exhaustive.logTemperature()[y][x])) {
                    assertThat(tiled.logTemperature()[y][x]).isNaN();
                    assertThat(tiled.emissionMeasure()[y][x]).isNaN();
                    continue;
                }
                fitted++;
                assertThat(tiled.logTemperature()[y][x]).as("log T at %d,%d", x, y)
                        .isEqualTo(exhaustive.logTemperature()[y][x]);
                assertThat(tiled.widthDex()[y][x]).as("σ at %d,%d", x, y).isEqualTo(exhaustive.widthDex()[y][x]);
                assertThat(tiled.chiSquare()[y][x]).isEqualTo(exhaustive.chiSquare()[y][x]);
                assertThat(tiled.emissionMeasure()[y][x]).isEqualTo(exhaustive.emissionMeasure()[y][x]);
                assertThat(scalar.logTemperature()[y][x]).isEqualTo(exhaustive.logTemperature()[y][x]);
            }
        }
        assertThat(fitted).isBetween(width * height * 9 / 10, width * height - 1);
    }

    @Test
    void pixelsWhoseDataAreASuperBlockCentreAreKeyedToThatSuperBlock() {
        assumeLanesUnlessCi();
        DemFitter.SearchTables t = DemFitter.SearchTables.of(fitter.grid(), model);
        DemLaneSearch search = new DemLaneSearch(t);
        int lanes = search.lanesPerPass();
        int[] expected = new int[lanes];
        // the key looks at every second super-block: give each lane the exact model of one of those centres, with
        // unequal weights per band (χ²_c = 0 there whatever the weights, > 0 at every other centre)
        for (int lane = 0; lane < lanes; lane++) {
            int sb = (lane * 37 % (t.superCount / 2)) * 2;
            expected[lane] = sb;
            double[] p = new double[6];
            double[] w = new double[6];
            double a = 0;
            for (int b = 0; b < 6; b++) {
                double intensity = 1e3 * t.superCentre[b][sb];
                w[b] = 1 / (1 + b + intensity);
                p[b] = intensity * w[b];
                a += intensity * intensity * w[b];
            }
            search.setLane(lane, p, w, a);
        }
        int[] keys = new int[lanes];
        search.bestSuperBlocks(keys);
        assertThat(keys).containsExactly(expected);
    }

    @Test
    void everyNodeOfAGroupIsInsideTheGroupsCone() {
        // the lane search's first level prunes a group of super-blocks by its cone: for any data, every node n of the
        // group has √χ²(n) ≥ √χ²_c − √(A·E/D) (docs/algorithms/dem.md §3.2); checked on random pixels, all nodes
        DemFitter.SearchTables t = DemFitter.SearchTables.of(fitter.grid(), model);
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int[] owner = new int[t.superCount];
        Arrays.fill(owner, -1);
        for (int g = 0; g < t.groupCount; g++) {
            for (int m = t.groupStart[g]; m < t.groupStart[g + 1]; m++) {
                assertThat(owner[t.groupMembers[m]]).as("super-block in two groups").isEqualTo(-1);
                owner[t.groupMembers[m]] = g;
            }
        }
        assertThat(owner).doesNotContain(-1);
        int checked = 0;
        for (int pixel = 0; pixel < 40; pixel++) {
            double[] r = model.intensities(5.6 + 1.6 * random.nextDouble(), 0.01 + 0.6 * random.nextDouble(), 1e27);
            double[] p = new double[6];
            double[] w = new double[6];
            double a = 0;
            for (int b = 0; b < 6; b++) {
                double intensity = r[b] * (1 + 0.3 * random.nextGaussian());
                w[b] = 1 / (0.5 + Math.abs(intensity));
                p[b] = intensity * w[b];
                a += intensity * intensity * w[b];
            }
            for (int g = 0; g < t.groupCount; g++) {
                int at = g * 18;
                double n = 0;
                double d = 0;
                double e = 0;
                for (int b = 0; b < 6; b++) {
                    n += p[b] * t.groupCone[at + b];
                    d += w[b] * t.groupCone[at + 6 + b];
                    e += w[b] * t.groupCone[at + 12 + b];
                }
                double bound = Math.sqrt(Math.max(0, a - n * n / d)) - Math.sqrt(a * e / d);
                for (int m = t.groupStart[g]; m < t.groupStart[g + 1]; m++) {
                    int sb = t.groupMembers[m];
                    for (int i = t.blockStart[t.superStart[sb]]; i < t.blockStart[t.superStart[sb + 1]]; i++) {
                        assertThat(Math.sqrt(Math.max(0, t.chiSquare(p, w, a, i))))
                                .as("node %d of group %d", t.canonical[i], g)
                                .isGreaterThanOrEqualTo(bound - 1e-5 * Math.sqrt(a));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(40 * t.nodes);
    }

    @Test
    void pixelWithAMissingBandIsFittedOnTheOthersAndCountsFiveBands() {
        double[] rates = model.intensities(6.3, 0.15, 2e27);
        rates[AiaChannel.A94.ordinal()] = Double.NaN;
        DemFitter.PixelFit fit = fitter.fitPixel(rates, EXPOSURE, 1);
        assertThat(fit.bands()).isEqualTo(5);
        assertThat(fit.logTemperature()).isCloseTo(6.3, within(1e-9));
        assertThat(fit.widthDex()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void saturatedAndNonPositiveBandsAreNotUsed() {
        double[] rates = model.intensities(6.3, 0.15, 2e27);
        rates[AiaChannel.A171.ordinal()] = 20000 / EXPOSURE[AiaChannel.A171.ordinal()]; // 20 000 DN: saturated
        rates[AiaChannel.A335.ordinal()] = -0.5;
        DemFitter.PixelFit fit = fitter.fitPixel(rates, EXPOSURE, 1);
        assertThat(fit.bands()).isEqualTo(4);
        assertThat(fit.logTemperature()).isCloseTo(6.3, within(1e-9));
    }

    @Test
    void fewerThanThreeUsableBandsAreNotFitted() {
        double[] rates = {Double.NaN, Double.NaN, 100, 200, Double.NaN, Double.NaN};
        DemFitter.PixelFit fit = fitter.fitPixel(rates, EXPOSURE, 1);
        assertThat(fit.node()).isEqualTo(-1);
        assertThat(fit.bands()).isEqualTo(2);
        assertThat(fit.logTemperature()).isNaN();
    }

    @Test
    void gridIsAtLeastAsFineAsTheIssueAsks() {
        DemGrid grid = fitter.grid();
        assertThat(grid.logTStep()).isLessThanOrEqualTo(0.01);
        assertThat(grid.widthStep()).isLessThanOrEqualTo(0.01);
        assertThat(grid.logTMin()).isLessThanOrEqualTo(5.5);
        assertThat(grid.logTMax()).isGreaterThanOrEqualTo(7.5);
        assertThat(grid.widthMin()).isLessThanOrEqualTo(0.01);
        assertThat(grid.widthMax()).isGreaterThanOrEqualTo(0.7);
        assertThat(grid.nodeCount()).isEqualTo(201 * 70);
    }
}
