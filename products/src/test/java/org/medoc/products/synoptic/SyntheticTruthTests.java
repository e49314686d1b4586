package org.medoc.products.synoptic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synthetic truth: a Sun whose features live in Carrington coordinates and rotate differentially, seen by an Earth
 * observer every 6 h over a day and by a STEREO-like observer 90° west; the merged map must give back the true map
 * of the reference time where it has values, and the second viewpoint must widen the coverage.
 */
class SyntheticTruthTests {

    static final Instant REFERENCE = Instant.parse("2026-03-10T00:00:00Z");
    static final SyntheticSun SUN = new SyntheticSun(REFERENCE.minus(Duration.ofDays(9)), 11);
    static final CarringtonGrid GRID = CarringtonGrid.ofResolution(0.5);
    private static final int SIZE = 512;

    @TempDir
    static Path directory;
    static List<SynopticMapMaker.Input> earth = new ArrayList<>();
    static List<SynopticMapMaker.Input> stereo = new ArrayList<>();

    @BeforeAll
    static void render() throws IOException {
        for (int hours = -24; hours <= 0; hours += 6) {
            earth.add(input(SUN.writeAia(directory.resolve("in"), REFERENCE.plus(Duration.ofHours(hours)), 171, SIZE)));
        }
        for (int hours = -12; hours <= 0; hours += 12) {
            stereo.add(input(SUN.writeEuvi(directory.resolve("in"), REFERENCE.plus(Duration.ofHours(hours)), 171, SIZE, 90)));
        }
    }

    static SynopticMapMaker.Input input(Path file) {
        return new SynopticMapMaker.Input(file, file.getFileName().toString(), "0".repeat(64));
    }

    /** Merged map of the given inputs, straight from the accumulator (the files are read as the chain reads them). */
    static SynopticMaps merge(List<SynopticMapMaker.Input> inputs) throws IOException {
        SynopticAccumulator accumulator = new SynopticAccumulator(SynopticParameters.standard().withGrid(GRID), REFERENCE);
        int index = 0;
        for (SynopticMapMaker.Input input : inputs) {
            accumulator.add(SynopticMapMaker.read(input), index++);
        }
        return accumulator.finish();
    }

    /** Relative errors |merged − truth| / truth over the cells with a value, sorted. */
    static double[] relativeErrors(SynopticMaps maps) {
        float[][] truth = SUN.truth(GRID, REFERENCE);
        double[] errors = new double[(int) maps.cellsObserved()];
        int n = 0;
        for (int row = 0; row < GRID.rows(); row++) {
            for (int column = 0; column < GRID.columns(); column++) {
                float value = maps.radiance()[row][column];
                if (!Float.isNaN(value)) {
                    errors[n++] = Math.abs(value - truth[row][column]) / truth[row][column];
                }
            }
        }
        Arrays.sort(errors);
        return errors;
    }

    @Test
    void earthAndStereoViewsMergeBackToTheTrueMapOnTheDisc() throws IOException {
        List<SynopticMapMaker.Input> all = new ArrayList<>(earth);
        all.addAll(stereo);
        double[] errors = relativeErrors(merge(all));
        double median = errors[errors.length / 2];
        double p99 = errors[(int) (errors.length * 0.99)];
        System.out.printf("synthetic truth (Earth + STEREO, 0.5°): median relative error %.5f, 99th percentile %.5f, max %.5f%n",
                median, p99, errors[errors.length - 1]);
        assertThat(median).isLessThan(0.002);
        assertThat(p99).isLessThan(0.02);
    }

    @Test
    void theSecondViewpointWidensTheCoverage() throws IOException {
        SynopticMaps earthOnly = merge(earth);
        List<SynopticMapMaker.Input> all = new ArrayList<>(earth);
        all.addAll(stereo);
        SynopticMaps both = merge(all);
        System.out.printf("coverage of the solar surface: Earth only %.4f, Earth + STEREO 90° %.4f%n",
                earthOnly.surfaceCoverage(), both.surfaceCoverage());
        // a day of Earth views sees a cap of μ ≥ 0.2 (40 % of the sphere) widened by a day of rotation
        assertThat(earthOnly.surfaceCoverage()).isBetween(0.40, 0.46);
        assertThat(both.surfaceCoverage() - earthOnly.surfaceCoverage()).isGreaterThan(0.15);
    }

    @Test
    void withoutDifferentialRotationTheOldViewsSmearTheFeatures() throws IOException {
        SynopticAccumulator rigid = new SynopticAccumulator(new SynopticParameters(GRID, DifferentialRotation.RIGID,
                SynopticParameters.DEFAULT_MU_MINIMUM, SynopticParameters.DEFAULT_TIME_SCALE), REFERENCE);
        // only the oldest Earth view: a day of drift that the rigid model does not undo
        rigid.add(SynopticMapMaker.read(earth.getFirst()), 0);
        SynopticAccumulator howard = new SynopticAccumulator(SynopticParameters.standard().withGrid(GRID), REFERENCE);
        howard.add(SynopticMapMaker.read(earth.getFirst()), 0);
        double[] rigidErrors = relativeErrors(rigid.finish());
        double[] howardErrors = relativeErrors(howard.finish());
        assertThat(rigidErrors[(int) (rigidErrors.length * 0.99)])
                .isGreaterThan(5 * howardErrors[(int) (howardErrors.length * 0.99)]);
    }
}
