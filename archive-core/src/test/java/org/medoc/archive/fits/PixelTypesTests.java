package org.medoc.archive.fits;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every BITPIX the standard allows for images, with BSCALE/BZERO scaling and BLANK nulls, read as physical values
 * (physical = BZERO + BSCALE × stored; BLANK only for integer images). Inputs are written with known values.
 */
class PixelTypesTests {

    @TempDir Path dir;

    private ImagePlane roundTrip(String name, Object pixels, Double bscale, Double bzero, Long blank) throws Exception {
        Path file = dir.resolve(name);
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(pixels);
            if (bscale != null) {
                hdu.getHeader().addValue("BSCALE", bscale, "");
            }
            if (bzero != null) {
                hdu.getHeader().addValue("BZERO", bzero, "");
            }
            if (blank != null) {
                hdu.getHeader().addValue("BLANK", blank, "");
            }
            hdu.setChecksum();
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        FitsInspection inspection = FitsInspector.inspect(file, FitsLimits.defaults());
        assertThat(inspection.checksumStatus()).startsWith("verified");
        return FitsImageReader.readPlane(file, inspection, inspection.primaryImage(), FitsLimits.defaults());
    }

    @Test
    void unsignedBytesWithScaling() throws Exception {
        byte[][] stored = {{0, 10}, {(byte) 200, (byte) 255}};
        ImagePlane plane = roundTrip("b8.fits", stored, 0.5, -10.0, null);
        // BITPIX 8 is unsigned: stored 200 and 255 are 200 and 255, not negative
        assertThat(plane.at(0, 0)).isEqualTo(-10f);
        assertThat(plane.at(1, 0)).isEqualTo(-5f);
        assertThat(plane.at(0, 1)).isEqualTo(90f);
        assertThat(plane.at(1, 1)).isEqualTo(117.5f);
    }

    @Test
    void shortsWithUnsignedOffsetAndBlank() throws Exception {
        short[][] stored = {{-32768, 0}, {1000, -999}};
        // BZERO 32768 is the standard's way of storing unsigned 16-bit values
        ImagePlane plane = roundTrip("i16.fits", stored, 1.0, 32768.0, -999L);
        assertThat(plane.at(0, 0)).isEqualTo(0f);
        assertThat(plane.at(1, 0)).isEqualTo(32768f);
        assertThat(plane.at(0, 1)).isEqualTo(33768f);
        assertThat(plane.at(1, 1)).isNaN();
    }

    @Test
    void intsWithScalingAsSharpStoresThem() throws Exception {
        int[][] stored = {{135977, -2000}, {0, Integer.MIN_VALUE}};
        ImagePlane plane = roundTrip("i32.fits", stored, 0.01, 0.0, (long) Integer.MIN_VALUE);
        assertThat(plane.at(0, 0)).isCloseTo(1359.77f, within(1e-3f));
        assertThat(plane.at(1, 0)).isCloseTo(-20f, within(1e-4f));
        assertThat(plane.at(0, 1)).isEqualTo(0f);
        assertThat(plane.at(1, 1)).isNaN();
    }

    @Test
    void floatsKeepTheirNans() throws Exception {
        float[][] stored = {{1.5f, Float.NaN}, {-3.25e5f, 7f}};
        ImagePlane plane = roundTrip("f32.fits", stored, null, null, null);
        assertThat(plane.at(0, 0)).isEqualTo(1.5f);
        assertThat(plane.at(1, 0)).isNaN();
        assertThat(plane.at(0, 1)).isEqualTo(-3.25e5f);
        assertThat(plane.at(1, 1)).isEqualTo(7f);
    }

    @Test
    void doublesAreRead() throws Exception {
        double[][] stored = {{1e-3, 2.5}, {Double.POSITIVE_INFINITY, -7.125}};
        ImagePlane plane = roundTrip("f64.fits", stored, null, null, null);
        assertThat(plane.at(0, 0)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(plane.at(1, 0)).isEqualTo(2.5f);
        // non-finite values are nulls for display and statistics
        assertThat(plane.at(0, 1)).isNaN();
        assertThat(plane.at(1, 1)).isEqualTo(-7.125f);
    }
}
