package org.medoc.products.currents;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

class CurrentDensityTests {

    private static SharpRecord record;
    private static JzMap map;

    @BeforeAll
    static void computeHarp377() throws Exception {
        record = SharpRecordReader.read(SharpSamples.harp377());
        map = new CurrentDensity().compute(record.patch());
    }

    @Test
    void harp377RecordIsReadWithItsIdentity() {
        assertThat(record.dataType()).isEqualTo(SharpDataType.SCI);
        assertThat(record.harpNumber()).isEqualTo(377);
        assertThat(record.noaaNumbers()).containsExactly(11158);
        assertThat(record.tRec()).isEqualTo("2011.02.15_02:00:00_TAI");
        // TAI − UTC was 34 s in 2011
        assertThat(record.tRecUtc()).isEqualTo(Instant.parse("2011-02-15T01:59:26Z"));
        assertThat(record.patch().width()).isEqualTo(744);
        assertThat(record.patch().height()).isEqualTo(377);
        assertThat(record.patch().br()[188 * 744 + 371]).isCloseTo(1359.77f, within(0.005f));
    }

    @Test
    void pixelSizeAndConversionFactorAreJsocs() {
        CeaPixelScale scale = record.patch().scale();
        assertThat(scale.cdelt1Arcsec()).isCloseTo(0.508764, within(5e-7));
        assertThat(scale.pixelMetres()).isCloseTo(364_423, within(1.0));
        assertThat(scale.milliAmperePerSquareMetrePerGaussPixel()).isCloseTo(0.21837, within(5e-6));
    }

    @Test
    void maskCountIsJsocsCmaskExactly() {
        assertThat(map.keywords().cmask()).isEqualTo(record.brHeader().number("CMASK").intValue()).isEqualTo(45_703);
        int ones = 0;
        for (byte b : map.mask()) {
            ones += b;
        }
        assertThat(ones).isEqualTo(45_703);
    }

    @Test
    void keywordsReproduceJsocsWithinATenthOfAPercent() {
        JzKeywords keywords = map.keywords();
        assertThat(keywords.meanJzd()).isCloseTo(record.brHeader().number("MEANJZD"), withPercentage(0.1));
        assertThat(keywords.totUsJz()).isCloseTo(record.brHeader().number("TOTUSJZ"), withPercentage(0.1));
        assertThat(keywords.errJz()).isCloseTo(record.brHeader().number("ERRJZ"), withPercentage(0.1));
        // and the header values themselves are the ones PRODUCTS.md quotes
        assertThat(record.brHeader().number("MEANJZD")).isEqualTo(0.26992074);
    }

    @Test
    void pixelAtRow188Column371Is21point93() {
        assertThat(map.jzAt(371, 188)).isCloseTo(21.93f, within(0.005f));
    }

    @Test
    void valuesInsideTheMaskHaveThePublishedDistribution() {
        float[] inside = new float[map.keywords().cmask()];
        float[] sigma = new float[inside.length];
        int k = 0;
        for (int i = 0; i < map.mask().length; i++) {
            if (map.mask()[i] == 1) {
                sigma[k] = map.sigma()[i];
                inside[k++] = Math.abs(map.jz()[i]);
            }
        }
        Arrays.sort(inside);
        Arrays.sort(sigma);
        assertThat((double) inside[inside.length / 2]).isCloseTo(6.94, within(0.01));
        assertThat((double) sigma[sigma.length / 2]).isCloseTo(6.15, within(0.01));
    }

    /**
     * Bx = a·y² + c·x·y and By = b·x² − c·y (x, y in metres from the patch centre) give Jz = (2b·x − 2a·y − c·x)/μ0:
     * polynomials of degree two, on which both the central and the one-sided second-order differences are exact, so
     * every pixel, edges included, must come back to float rounding.
     */
    @Test
    void syntheticPatchWithAnalyticFieldIsReproducedToRounding() {
        int width = 61;
        int height = 47;
        CeaPixelScale scale = new CeaPixelScale(0.03, 6.96e8, 1.4774622e11, 971.671936);
        double dx = scale.pixelMetres();
        // gauss per metre² and gauss per metre
        double a = 2e-12;
        double b = -3e-12;
        double c = 1.5e-12;
        float[] bp = new float[width * height];
        float[] bt = new float[width * height];
        double[] expected = new double[width * height];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                double x = (column - 30) * dx;
                double y = (row - 23) * dx;
                int i = row * width + column;
                bp[i] = (float) (a * y * y + c * x * y);
                bt[i] = (float) -(b * x * x - c * y); // stored Bt is +south: By = −Bt
                // ∂By/∂x − ∂Bx/∂y [G/m] → T/m /μ0 → A/m² → mA/m²
                expected[i] = (2 * b * x - 2 * a * y - c * x) * 1e-4 / CeaPixelScale.MU0 * 1e3;
            }
        }
        float[] zeros = new float[width * height];
        int[] inside = new int[width * height];
        Arrays.fill(inside, 90);
        SharpPatch patch = new SharpPatch(width, height, zeros, bp, bt, zeros, zeros, inside, inside, scale);
        JzMap jz = new CurrentDensity().compute(patch);
        double largest = Arrays.stream(expected).map(Math::abs).max().orElseThrow();
        assertThat(largest).as("the field is not trivially small").isGreaterThan(1);
        for (int i = 0; i < expected.length; i++) {
            // the field is stored as float (7 digits): the differences keep about 5 of them
            assertThat((double) jz.jz()[i]).as("pixel " + i).isCloseTo(expected[i], within(largest * 1e-4));
        }
        assertThat(jz.keywords().cmask()).isEqualTo(width * height);
        assertThat(jz.keywords().errJz()).isZero();
    }

    @Test
    void signConventionsMakeACounterClockwiseTwistAPositiveCurrent() {
        // By = −Bt = +k·x, Bx = Bp = −k·y: a counter-clockwise horizontal field seen from above, Jz = 2k/μ0 > 0
        int n = 5;
        float[] bp = new float[n * n];
        float[] bt = new float[n * n];
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                bp[row * n + column] = -(row - 2) * 10f;
                bt[row * n + column] = -(column - 2) * 10f;
            }
        }
        float[] zeros = new float[n * n];
        int[] inside = new int[n * n];
        Arrays.fill(inside, 90);
        CeaPixelScale scale = new CeaPixelScale(0.03, 6.96e8, Double.NaN, Double.NaN);
        JzMap jz = new CurrentDensity().compute(new SharpPatch(n, n, zeros, bp, bt, zeros, zeros, inside, inside, scale));
        double expected = 20 * scale.milliAmperePerSquareMetrePerGaussPixel();
        for (float value : jz.jz()) {
            assertThat((double) value).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void sigmaPropagatesTheComponentErrorsInQuadrature() {
        int n = 4;
        float[] zeros = new float[n * n];
        float[] error = new float[n * n];
        Arrays.fill(error, 2f);
        int[] inside = new int[n * n];
        Arrays.fill(inside, 90);
        CeaPixelScale scale = new CeaPixelScale(0.03, 6.96e8, Double.NaN, Double.NaN);
        JzMap jz = new CurrentDensity().compute(new SharpPatch(n, n, zeros, zeros, zeros, error, error, inside, inside, scale));
        double factor = scale.milliAmperePerSquareMetrePerGaussPixel();
        // interior: ½√(4 · 2²) = 2 G/px; corner: ½√(2 · (9 + 16 + 1) · 2²) = √52 G/px
        assertThat((double) jz.sigmaAt(1, 1)).isCloseTo(2 * factor, within(1e-5));
        assertThat((double) jz.sigmaAt(0, 0)).isCloseTo(Math.sqrt(52) * factor, within(1e-5));
        // an edge pixel: one-sided in x, central in y: ½√((9 + 16 + 1)·4 + 2·4)
        assertThat((double) jz.sigmaAt(0, 1)).isCloseTo(0.5 * Math.sqrt(26 * 4 + 8) * factor, within(1e-5));
    }
}
