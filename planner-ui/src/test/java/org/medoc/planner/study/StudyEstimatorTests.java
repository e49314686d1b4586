package org.medoc.planner.study;

import org.junit.jupiter.api.Test;
import org.medoc.planner.instrument.InstrumentConfiguration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The duration and volume model of PLANNING.md §4, against the published durations and by hand-computed volumes. */
class StudyEstimatorTests {

    private final StudyEstimator estimator = new StudyEstimator(InstrumentConfiguration.defaults());

    @Test
    void cmeWatchRasterOf224PositionsAt30SecondsLasts6720Seconds() {
        // SAP: CME Watch (ICME helicity), 4" slit, 30 s, 224 positions, 1.9 h per study
        StudyEstimate estimate = estimator.estimate(Studies.raster(224, 4, 4, 30));
        assertThat(estimate.durationSeconds()).isEqualTo(6720.0);
        assertThat(estimate.durationSeconds() / 3600).isCloseTo(1.9, within(0.05));
    }

    @Test
    void cmeStructureRasterOf160PositionsAt30SecondsLasts4800Seconds() {
        StudyEstimate estimate = estimator.estimate(Studies.raster(160, 6, 6, 30));
        assertThat(estimate.durationSeconds()).isEqualTo(4800.0);
        assertThat(estimate.durationSeconds() / 3600).isCloseTo(1.3, within(0.05));
    }

    @Test
    void synopticStudyOf192PositionsAt60SecondsLastsAbout3Point2Hours() {
        StudyEstimate estimate = estimator.estimate(Studies.synoptic());
        assertThat(estimate.durationSeconds()).isEqualTo(11520.0);
        assertThat(estimate.durationSeconds() / 3600).isCloseTo(3.2, within(0.05));
    }

    @Test
    void rastersMultiplyDurationAndVolume() {
        StudyEstimate one = estimator.estimate(Studies.synoptic(), 1);
        StudyEstimate three = estimator.estimate(Studies.synoptic(), 3);
        assertThat(three.durationSeconds()).isEqualTo(3 * one.durationSeconds());
        assertThat(three.rawVolumeBits()).isEqualTo(3 * one.rawVolumeBits());
        assertThat(three.rasterSeconds()).isEqualTo(one.rasterSeconds());
    }

    @Test
    void sitAndStareCountsExposuresPerPositionNotPositions() {
        StudyEstimate estimate = estimator.estimate(Studies.sitAndStare(100, 5));
        assertThat(estimate.durationSeconds()).isEqualTo(500.0);
        // one 32 x 830 profile window per exposure, 16 bits per pixel
        assertThat(estimate.rawVolumeBits()).isEqualTo(100L * 32 * 830 * 16);
    }

    @Test
    void singleExposureIsOneExposureWhateverThePositionsSay() {
        StudyParameters single = Studies.withType(Studies.synoptic(), StudyType.SINGLE_EXPOSURE, 192, 7);
        assertThat(estimator.estimate(single).durationSeconds()).isEqualTo(60.0);
    }

    @Test
    void profileWindowVolumeIsPositionsTimesRowsTimesColumnsTimes16Bits() {
        StudyEstimate estimate = estimator.estimate(Studies.synoptic());
        long perWindow = 192L * 830 * 32 * 16;
        assertThat(estimate.rawVolumeBits()).isEqualTo(2 * perWindow);
        // both windows are JPEG 2/26, expected ratio 9.85 (real L2 header)
        assertThat(estimate.compressedVolumeBits()).isEqualTo(Math.round(2 * perWindow / 9.85));
    }

    @Test
    void intensityWindowKeepsOneValuePerRow() {
        SpectralWindow w = Studies.synoptic().windows().getFirst();
        StudyParameters study = Studies.withWindows(Studies.synoptic(),
                List.of(Studies.window(w, WindowKind.INTENSITY, 700, 731, 97, 926, 1, 1, 0, 0)));
        assertThat(estimator.estimate(study).rawVolumeBits()).isEqualTo(192L * 830 * 16);
    }

    @Test
    void binningDividesPixelsRoundingPartialBinsUp() {
        SpectralWindow w = Studies.synoptic().windows().getFirst();
        // 830 rows / 4 -> 208 bins (207.5 rounded up); 32 px / 2 -> 16
        StudyParameters study = Studies.withWindows(Studies.synoptic(),
                List.of(Studies.window(w, WindowKind.PROFILE, 700, 731, 97, 926, 4, 2, 0, 0)));
        assertThat(estimator.estimate(study).rawVolumeBits()).isEqualTo(192L * 208 * 16 * 16);
    }

    @Test
    void unknownCompressionPairCountsAsUncompressedAndIsReported() {
        SpectralWindow w = Studies.synoptic().windows().getFirst();
        StudyParameters study = Studies.withWindows(Studies.synoptic(),
                List.of(Studies.window(w, WindowKind.PROFILE, 700, 731, 97, 926, 1, 1, 5, 99)));
        StudyEstimate estimate = estimator.estimate(study);
        assertThat(estimate.compressedVolumeBits()).isEqualTo(estimate.rawVolumeBits());
        assertThat(estimate.assumedUncompressed()).containsExactly("5/99");
    }

    @Test
    void overheadsAddPerExposureAndPerObservation() {
        InstrumentConfiguration configuration = InstrumentConfiguration.defaults()
                .withParameter(InstrumentConfiguration.STEP_OVERHEAD, 0.5)
                .withParameter(InstrumentConfiguration.SETUP_OVERHEAD, 20);
        StudyEstimate estimate = new StudyEstimator(configuration).estimate(Studies.raster(10, 4, 4, 5), 2);
        assertThat(estimate.rasterSeconds()).isEqualTo(55.0);
        assertThat(estimate.durationSeconds()).isEqualTo(2 * 55.0 + 20);
    }

    @Test
    void doubleExposureFactorScalesTheExposure() {
        InstrumentConfiguration configuration = InstrumentConfiguration.defaults()
                .withParameter(InstrumentConfiguration.DOUBLE_EXPOSURE_FACTOR, 2);
        StudyParameters study = Studies.withDoubleExposure(Studies.raster(10, 4, 4, 5));
        assertThat(new StudyEstimator(configuration).estimate(study).durationSeconds()).isEqualTo(100.0);
        assertThat(estimator.estimate(study).durationSeconds()).isEqualTo(50.0);
    }

    @Test
    void headerOverheadAddsPerExposureAndWindowToTelemetryOnly() {
        InstrumentConfiguration configuration = InstrumentConfiguration.defaults()
                .withParameter(InstrumentConfiguration.HEADER_OVERHEAD, 1000);
        StudyEstimate with = new StudyEstimator(configuration).estimate(Studies.synoptic());
        StudyEstimate without = estimator.estimate(Studies.synoptic());
        assertThat(with.rawVolumeBits()).isEqualTo(without.rawVolumeBits());
        assertThat(with.compressedVolumeBits() - without.compressedVolumeBits()).isEqualTo(192L * 2 * 1000);
    }

    @Test
    void rateIsTelemetryVolumeOverDuration() {
        StudyEstimate estimate = estimator.estimate(Studies.synoptic());
        assertThat(estimate.telemetryRateBitsPerSecond()).isCloseTo(estimate.compressedVolumeBits() / 11520.0, within(1e-9));
    }

    @Test
    void ratesAreOfTheOrderOfTheSapPseudoObservations() {
        // SAP pseudo-observations: synoptic/composition about 0.4 kbit/s, dynamics about 18 kbit/s.
        // A 5 s sit-and-stare with five 32-px profiles over 830 rows, JPEG 2/26:
        SpectralWindow base = Studies.synoptic().windows().getFirst();
        List<SpectralWindow> five = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> Studies.window(base, WindowKind.PROFILE, 100 + 100 * i, 131 + 100 * i, 97, 926, 1, 1, 2, 26))
                .toList();
        double dynamics = estimator.estimate(Studies.withWindows(Studies.sitAndStare(100, 5), five)).telemetryRateBitsPerSecond();
        assertThat(dynamics / 1000).isBetween(5.0, 60.0);
        // a 60 s synoptic raster with binned (2 x 2) windows is well under 5 kbit/s
        List<SpectralWindow> binned = five.stream()
                .map(w -> Studies.window(w, WindowKind.PROFILE, w.lambdaPxStart(), w.lambdaPxEnd(), 97, 926, 2, 2, 2, 26)).toList();
        double synoptic = estimator.estimate(Studies.withWindows(Studies.synoptic(), binned)).telemetryRateBitsPerSecond();
        assertThat(synoptic / 1000).isBetween(0.1, 5.0);
    }
}
