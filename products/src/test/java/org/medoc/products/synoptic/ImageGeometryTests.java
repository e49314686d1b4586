package org.medoc.products.synoptic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pixel ↔ Carrington geometry of real headers against sunpy 4.1.2 (reference/make_reference.py, PRODUCTS.md §2.4):
 * within 0.01° on the disc, NaN exactly where sunpy finds no surface.
 */
class ImageGeometryTests {

    private static final String AIA = "aia_171_level1.fits";
    private static final String EIT = "efz20040301.000010_s.fits";
    private static final double DEGREES = 0.01;

    private static List<String[]> rowsOf(String file) {
        return SynopticTestData.reference("geometry.csv").stream().filter(row -> row[0].equals(file)).toList();
    }

    @Test
    void aiaPixelsMapToTheCarringtonCoordinatesSunpyGivesWithTheHeaderObserver() {
        assertAgreesWithSunpy(AIA, 259);
    }

    @Test
    void eitPixelsMapToTheCarringtonCoordinatesSunpyGivesWithTheObserverFromHec() {
        assertAgreesWithSunpy(EIT, 259);
    }

    private static void assertAgreesWithSunpy(String file, int expectedRows) {
        ImageGeometry geometry = SynopticTestData.geometry(file);
        List<String[]> rows = rowsOf(file);
        assertThat(rows).hasSize(expectedRows);
        int onDisc = 0;
        for (String[] row : rows) {
            double x = Double.parseDouble(row[1]);
            double y = Double.parseDouble(row[2]);
            double[] hpc = geometry.helioprojective(x, y);
            assertThat(hpc[0]).as("θx of %s (%s, %s)", file, x, y).isCloseTo(Double.parseDouble(row[3]), within(1e-3));
            assertThat(hpc[1]).as("θy of %s (%s, %s)", file, x, y).isCloseTo(Double.parseDouble(row[4]), within(1e-3));
            double[] carrington = geometry.carrington(x, y);
            if (row[5].equals("nan")) {
                assertThat(carrington[0]).as("off disc at (%s, %s)", x, y).isNaN();
                continue;
            }
            onDisc++;
            double lon = Double.parseDouble(row[5]);
            double dLon = Math.IEEEremainder(carrington[0] - lon, 360);
            assertThat(dLon).as("longitude of %s (%s, %s)", file, x, y).isCloseTo(0, within(DEGREES));
            assertThat(carrington[1]).as("latitude of %s (%s, %s)", file, x, y)
                    .isCloseTo(Double.parseDouble(row[6]), within(DEGREES));
            // and back: the surface point projects onto the same pixel
            double lat = Math.toRadians(carrington[1]);
            double phi = Math.toRadians(carrington[0] - geometry.observer().carringtonLongitudeDeg());
            double[] pixel = new double[2];
            double mu = geometry.project(Math.cos(lat), Math.sin(lat), Math.cos(phi), Math.sin(phi), pixel);
            assertThat(mu).isPositive();
            assertThat(pixel[0]).isCloseTo(x, within(1e-6));
            assertThat(pixel[1]).isCloseTo(y, within(1e-6));
        }
        assertThat(onDisc).as("pixels on the disc").isGreaterThan(100);
    }

    @Test
    void aiaOracleValuesOfProductsMdHold() {
        ImageGeometry geometry = SynopticTestData.geometry(AIA);
        double[] centre = geometry.carrington(63.5, 63.5);
        assertThat(centre[0]).isCloseTo(22.5468, within(1e-4));
        assertThat(centre[1]).isCloseTo(-6.6523, within(1e-4));
        double[] north = geometry.carrington(30, 100);
        assertThat(north[0]).isCloseTo(314.9704, within(1e-4));
        assertThat(north[1]).isCloseTo(44.0541, within(1e-4));
    }

    @Test
    void eitObserverFromHecMatchesSunpy() {
        SolarObserver observer = SynopticTestData.geometry(EIT).observer();
        String[] reference = SynopticTestData.reference("observers.csv").getFirst();
        assertThat(Math.IEEEremainder(observer.carringtonLongitudeDeg() - Double.parseDouble(reference[1]), 360))
                .isCloseTo(0, within(1e-3));
        assertThat(observer.latitudeDeg()).isCloseTo(Double.parseDouble(reference[2]), within(1e-4));
        assertThat(observer.distanceMetres() / Double.parseDouble(reference[3])).isCloseTo(1, within(1e-9));
        assertThat(observer.solarRadiusMetres()).isEqualTo(SolarObserver.NOMINAL_RADIUS_METRES);
    }

    @Test
    void aiaObserverAndRadiusComeFromTheHeader() {
        SolarObserver observer = SynopticTestData.geometry(AIA).observer();
        assertThat(observer.carringtonLongitudeDeg()).isEqualTo(22.814522);
        assertThat(observer.latitudeDeg()).isEqualTo(-6.820544);
        assertThat(observer.distanceMetres()).isEqualTo(147724815128.0);
        assertThat(observer.solarRadiusMetres()).isEqualTo(SolarObserver.SDO_RADIUS_METRES);
    }

    @Test
    void differentialRotationRatesMatchSunpysDiffRot() {
        List<String[]> rows = SynopticTestData.reference("diff_rot.csv");
        assertThat(rows).hasSize(84);
        for (String[] row : rows) {
            DifferentialRotation model = DifferentialRotation.named(row[0]);
            double days = Double.parseDouble(row[1]);
            double latitude = Double.parseDouble(row[2]);
            assertThat(model.siderealDegPerDay(latitude) * days).as("%s %s d at %s°", row[0], days, latitude)
                    .isCloseTo(Double.parseDouble(row[3]), within(1e-4));
        }
        assertThat(DifferentialRotation.HOWARD.siderealDegPerDay(30) * 2).isCloseTo(27.3643, within(1e-4));
        assertThat(DifferentialRotation.HOWARD.carringtonDriftDegPerDay(60)).isCloseTo(-2.4774, within(1e-4));
        assertThat(DifferentialRotation.SNODGRASS.carringtonDriftDegPerDay(0)).isCloseTo(-0.0709, within(1e-4));
    }
}
