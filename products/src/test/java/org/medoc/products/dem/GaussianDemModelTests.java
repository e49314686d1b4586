package org.medoc.products.dem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The forward model against the oracle of PRODUCTS.md §1.3 (reproduced with Python on the same response table). */
class GaussianDemModelTests {

    private static final double EM = 1e27;
    private final GaussianDemModel model = GaussianDemModel.standard();

    /** 94, 131, 171, 193, 211, 335 Å, DN s⁻¹ pix⁻¹ for EM = 10²⁷ cm⁻⁵, rectangle sum on the table's 0.05 dex grid. */
    private static final double[][] ORACLE = {
            {6.20, 0.00, 0.8746, 2.702, 69.52, 625.5, 152.2, 3.303},
            {6.20, 0.10, 0.959, 3.56, 179.4, 453.1, 127.3, 4.073},
            {6.00, 0.20, 1.066, 15.92, 613.4, 307.7, 67.98, 4.339},
            {6.50, 0.05, 0.4308, 0.861, 5.614, 10.76, 16.77, 5.003}};

    @Test
    void tableGridRectangleSumReproducesTheOracleToItsFourDigits() {
        for (double[] row : ORACLE) {
            double[] intensities = model.tableGridIntensities(row[0], row[1], EM);
            for (int b = 0; b < 6; b++) {
                assertThat(intensities[b]).as("logTc %.2f σ %.2f band %d", row[0], row[1], b)
                        .isCloseTo(row[b + 2], within(row[b + 2] * 2e-3));
            }
        }
    }

    @Test
    void fineQuadratureAgreesWithTheTableGridSumForBroadDems() {
        // for σ ≥ 0.1 the 0.05 dex rectangle sum resolves the Gaussian; the two quadratures then differ only by the
        // interpolation of the response between table nodes
        for (double[] row : new double[][] {ORACLE[1], ORACLE[2]}) {
            double[] fine = model.intensities(row[0], row[1], EM);
            for (int b = 0; b < 6; b++) {
                assertThat(fine[b]).as("logTc %.2f σ %.2f band %d", row[0], row[1], b)
                        .isCloseTo(row[b + 2], within(row[b + 2] * 0.03));
            }
        }
    }

    @Test
    void narrowGaussianTendsToTheIsothermalResponse() {
        double[] narrow = model.intensities(6.20, 0.01, EM);
        double[] isothermal = ORACLE[0];
        for (int b = 0; b < 6; b++) {
            assertThat(narrow[b]).isCloseTo(isothermal[b + 2], within(isothermal[b + 2] * 0.03));
        }
    }

    @Test
    void intensitiesAreLinearInTheEmissionMeasure() {
        double[] one = model.intensities(6.3, 0.2, 1e26);
        double[] ten = model.intensities(6.3, 0.2, 1e27);
        for (int b = 0; b < 6; b++) {
            assertThat(ten[b]).isCloseTo(10 * one[b], within(1e-12 * ten[b]));
        }
    }

    @Test
    void alignedAndUnalignedCentresGiveTheSameResponseAtTheSameTemperature() {
        // the fast path reads the pre-sampled response; the general path interpolates: both are the same function
        double[] aligned = model.responsePerEmissionMeasure(6.25, 0.1);
        double[] shifted = model.responsePerEmissionMeasure(6.25 + 1e-4, 0.1);
        for (int b = 0; b < 6; b++) {
            assertThat(shifted[b]).isCloseTo(aligned[b], within(aligned[b] * 5e-3));
        }
    }

    @Test
    void responsePeaksLieWhereTheTableSaysTheyAre() {
        AiaTemperatureResponse response = AiaTemperatureResponse.standard();
        assertThat(peak(response, AiaChannel.A171)).isCloseTo(5.90, within(1e-9));
        assertThat(peak(response, AiaChannel.A193)).isCloseTo(6.15, within(1e-9));
        assertThat(peak(response, AiaChannel.A211)).isCloseTo(6.25, within(1e-9));
        assertThat(peak(response, AiaChannel.A94)).isCloseTo(6.85, within(1e-9));
    }

    private static double peak(AiaTemperatureResponse response, AiaChannel channel) {
        double[] logT = response.logTemperatures();
        int best = 0;
        for (int k = 0; k < logT.length; k++) {
            if (response.tableValue(channel, k) > response.tableValue(channel, best)) {
                best = k;
            }
        }
        return logT[best];
    }
}
