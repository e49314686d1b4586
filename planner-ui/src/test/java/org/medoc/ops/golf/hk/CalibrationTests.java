package org.medoc.ops.golf.hk;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibrationTests {

    @Test
    void aPolynomialIsEvaluatedWithItsCoefficientsInIncreasingPowers() {
        Calibration calibration = Calibration.polynomial(-273.15, 0.01, 2e-6);

        assertThat(calibration.apply(30000)).isCloseTo(-273.15 + 300 + 1800, within(1e-9));
        assertThat(calibration.apply(0)).isEqualTo(-273.15);
    }

    @Test
    void aTableIsInterpolatedLinearlyAndHeldConstantBeyondItsEnds() {
        Calibration calibration = Calibration.table(List.of(new double[]{0, 10}, new double[]{100, 20}, new double[]{200, 60}));

        assertThat(calibration.apply(50)).isEqualTo(15.0);
        assertThat(calibration.apply(150)).isEqualTo(40.0);
        assertThat(calibration.apply(-5)).isEqualTo(10.0);
        assertThat(calibration.apply(500)).isEqualTo(60.0);
    }

    @Test
    void aCalibrationSurvivesItsJsonForm() {
        Calibration polynomial = Calibration.polynomial(1.5, 0.25);
        Calibration table = Calibration.table(List.of(new double[]{0, 1}, new double[]{10, 3}));

        assertThat(Calibration.fromJson(polynomial.toJson()).apply(8)).isEqualTo(3.5);
        assertThat(Calibration.fromJson(table.toJson()).apply(5)).isEqualTo(2.0);
        assertThat(Calibration.fromJson("{\"type\":\"IDENTITY\"}").apply(7)).isEqualTo(7.0);
        assertThat(polynomial.describe()).isEqualTo("1.5 + 0.25·raw");
    }

    @Test
    void aTableWhoseRawValuesDoNotIncreaseIsRefused() {
        assertThatThrownBy(() -> Calibration.table(List.of(new double[]{10, 1}, new double[]{5, 3})))
                .hasMessageContaining("must increase");
    }
}
