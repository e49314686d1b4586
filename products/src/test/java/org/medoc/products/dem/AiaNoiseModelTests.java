package org.medoc.products.dem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The noise model against aiapy estimate_error's worked values (PRODUCTS.md §1.4, n = 1). */
class AiaNoiseModelTests {

    private final AiaNoiseModel random = new AiaNoiseModel(AiaNoiseModel.Calibration.NONE);

    @Test
    void randomTermsMatchAiapyAtOneHundredAndOneThousandDn() {
        assertThat(random.countsError(AiaChannel.A171, 100, 1)).isCloseTo(10.7, within(0.05));
        assertThat(random.countsError(AiaChannel.A171, 1000, 1)).isCloseTo(33.6, within(0.05));
        assertThat(random.countsError(AiaChannel.A94, 100, 1)).isCloseTo(14.1, within(0.05));
        assertThat(random.countsError(AiaChannel.A94, 1000, 1)).isCloseTo(44.5, within(0.05));
        assertThat(random.countsError(AiaChannel.A335, 100, 1)).isCloseTo(7.8, within(0.05));
        assertThat(random.countsError(AiaChannel.A335, 1000, 1)).isCloseTo(24.3, within(0.05));
    }

    @Test
    void preflightCalibrationTermDominatesBrightPixels() {
        AiaNoiseModel preflight = new AiaNoiseModel(AiaNoiseModel.Calibration.PREFLIGHT);
        assertThat(preflight.countsError(AiaChannel.A171, 100, 1)).isCloseTo(27, within(0.5));
        assertThat(preflight.countsError(AiaChannel.A171, 1000, 1)).isCloseTo(252, within(1.0));
    }

    @Test
    void eveCalibrationUsesEachChannelsOwnUncertainty() {
        AiaNoiseModel eve = new AiaNoiseModel(AiaNoiseModel.Calibration.EVE);
        double randomVariance = random.countsVariance(AiaChannel.A335, 1000, 1);
        assertThat(eve.countsVariance(AiaChannel.A335, 1000, 1) - randomVariance).isCloseTo(97.0 * 97.0, within(1e-6));
    }

    @Test
    void compressionNoiseVanishesBelowTwentyFiveDn() {
        // below 25 DN only shot, dark, read and quantisation remain
        double counts = 24;
        double expected = counts * AiaChannel.A193.dnPerPhoton() + 0.18 * 0.18 + 1.20 * 1.20 + 1.0 / 12;
        assertThat(random.countsVariance(AiaChannel.A193, counts, 1)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void averagingLowersEveryTermButTheDark() {
        double single = random.countsVariance(AiaChannel.A211, 10, 1);
        double averaged = random.countsVariance(AiaChannel.A211, 10, 16);
        assertThat(averaged - 0.18 * 0.18).isCloseTo((single - 0.18 * 0.18) / 16, within(1e-12));
    }

    @Test
    void rateVarianceIsTheCountsVarianceOverTheSquaredExposure() {
        double rate = 150;
        double exposure = 2.0;
        assertThat(random.rateVariance(AiaChannel.A193, rate, exposure, 1))
                .isCloseTo(random.countsVariance(AiaChannel.A193, rate * exposure, 1) / 4, within(1e-12));
    }
}
