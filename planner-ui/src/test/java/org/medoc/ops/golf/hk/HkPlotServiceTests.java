package org.medoc.ops.golf.hk;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Plot bins computed in SQL against a brute-force computation over the same samples, from the samples and the rollup. */
@PlanningIntegrationTest
class HkPlotServiceTests {

    @Autowired HkCatalogueService catalogue;
    @Autowired HkImporter importer;
    @Autowired HkPlotService plots;

    record Sample(Instant time, double value) {
    }

    private List<Sample> importIrregular(String mnemonic, Instant start, Duration span, int count, long seed) {
        Random random = new Random(seed);
        TreeMap<Instant, Double> samples = new TreeMap<>();
        while (samples.size() < count) {
            Instant time = start.plusMillis((long) (random.nextDouble() * span.toMillis()));
            samples.put(time, Math.round(random.nextGaussian() * 1000) / 10.0);
        }
        StringBuilder csv = new StringBuilder("time_utc,mnemonic,raw\n");
        samples.forEach((time, value) -> csv.append(time).append(',').append(mnemonic).append(',').append(value).append('\n'));
        importer.importStream(GolfFixtures.stream(csv.toString()), mnemonic + ".csv", HkImporter.Format.CSV, "golf-operator", null);
        return samples.entrySet().stream().map(e -> new Sample(e.getKey(), e.getValue())).toList();
    }

    /** The brute force: every sample in [from, to) into bin floor((t - from) * bins / (to - from)), microseconds. */
    private static List<PlotBin> bruteForce(List<Sample> samples, Instant from, Instant to, int bins) {
        long f = LimitTimeline.micros(from);
        long t = LimitTimeline.micros(to);
        List<List<Double>> values = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            values.add(new ArrayList<>());
        }
        for (Sample sample : samples) {
            long at = LimitTimeline.micros(sample.time());
            if (at >= f && at < t) {
                int bin = new java.math.BigInteger(String.valueOf(at - f)).multiply(java.math.BigInteger.valueOf(bins))
                        .divide(java.math.BigInteger.valueOf(t - f)).intValueExact();
                values.get(bin).add(sample.value());
            }
        }
        List<PlotBin> result = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            List<Double> bin = values.get(i);
            if (!bin.isEmpty()) {
                result.add(new PlotBin(i, HkPlotService.edge(i, f, t, bins), HkPlotService.edge(i + 1, f, t, bins), bin.size(),
                        bin.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                        bin.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                        bin.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
            }
        }
        return result;
    }

    private static void assertSameBins(List<PlotBin> actual, List<PlotBin> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            PlotBin a = actual.get(i);
            PlotBin e = expected.get(i);
            assertThat(a.index()).isEqualTo(e.index());
            assertThat(a.start()).isEqualTo(e.start());
            assertThat(a.end()).isEqualTo(e.end());
            assertThat(a.samples()).as("samples in bin %d", e.index()).isEqualTo(e.samples());
            assertThat(a.min()).isEqualTo(e.min());
            assertThat(a.max()).isEqualTo(e.max());
            assertThat(a.mean()).isCloseTo(e.mean(), within(1e-9));
        }
    }

    @Test
    void minMaxAndMeanPerBinEqualABruteForceComputationOverIrregularSamples() {
        String mnemonic = GolfFixtures.parameter(catalogue, "PLOT_RAW", Calibration.IDENTITY).mnemonic();
        Instant start = GolfFixtures.freshYear();
        List<Sample> samples = importIrregular(mnemonic, start, Duration.ofDays(3), 5000, 42);
        // odd bounds and bin counts that do not divide the span: edges fall between microseconds; bins under six hours
        Instant from = start.plusSeconds(3607).plusNanos(123_000);
        Instant to = start.plus(Duration.ofDays(2)).plusSeconds(11);

        for (int bins : new int[]{9, 333, 1000}) {
            PlotSeries series = plots.series(mnemonic, from, to, bins);
            assertThat(series.source()).isEqualTo(PlotSeries.Source.SAMPLES);
            assertSameBins(series.points(), bruteForce(samples, from, to, bins));
        }
    }

    @Test
    void coarseBinsComeFromTheHourlyRollupAndEqualTheBruteForceWhenBinsAreWholeHours() {
        String mnemonic = GolfFixtures.parameter(catalogue, "PLOT_ROLL", Calibration.IDENTITY).mnemonic();
        Instant start = GolfFixtures.freshYear();
        List<Sample> samples = importIrregular(mnemonic, start, Duration.ofDays(60), 20000, 7);
        Instant from = start.plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofDays(50));

        PlotSeries series = plots.series(mnemonic, from, to, 100);

        assertThat(series.source()).isEqualTo(PlotSeries.Source.HOURLY_ROLLUP);
        assertSameBins(series.points(), bruteForce(samples, from, to, 100));
    }

    @Test
    void theLimitLinesOfTheRangeAreTheVersionInForceAtItsStartAndTheLaterOnes() {
        String mnemonic = GolfFixtures.parameter(catalogue, "PLOT_LIM", Calibration.IDENTITY).mnemonic();
        Instant start = GolfFixtures.freshYear();
        for (int day : new int[]{0, 10, 20, 40}) {
            catalogue.setLimits(mnemonic, start.plus(Duration.ofDays(day)), new Limits(null, null, null, 10.0 + day, null, null),
                    "golf-operator", "step " + day);
        }

        PlotSeries series = plots.series(mnemonic, start.plus(Duration.ofDays(15)), start.plus(Duration.ofDays(30)), 10);

        assertThat(series.limits()).extracting(LimitVersion::reason).containsExactly("step 10", "step 20");
    }
}
