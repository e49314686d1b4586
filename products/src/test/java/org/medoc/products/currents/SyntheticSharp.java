package org.medoc.products.currents;

import org.medoc.products.image.FitsKeyword;
import org.medoc.products.image.FitsProductWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic SHARP CEA records with an analytic horizontal field of known Jz, written as JSOC names its segments (float
 * images in an extension, as the real files keep their keys there), for tests of the whole chain: Bx = a·y² + c·x·y,
 * By = b·x² − c·y (x, y in metres from the patch centre), so Jz = (2b·x − 2a·y − c·x)/μ0 everywhere, edges included.
 */
final class SyntheticSharp {

    static final int WIDTH = 40;
    static final int HEIGHT = 30;
    static final double A = 2e-12;
    static final double B = -3e-12;
    static final double C = 1.5e-12;
    static final CeaPixelScale SCALE = new CeaPixelScale(0.03, 6.96e8, 1.4774622e11, 971.671936);

    private SyntheticSharp() {
    }

    /** x or y [m] of a column or row. */
    static double metres(int index, int size) {
        return (index - (size - 1) / 2.0) * SCALE.pixelMetres();
    }

    /** The true Jz [mA m⁻²] at a pixel. */
    static double trueJz(int column, int row) {
        double x = metres(column, WIDTH);
        double y = metres(row, HEIGHT);
        return (2 * B * x - 2 * A * y - C * x) * 1e-4 / CeaPixelScale.MU0 * 1e3;
    }

    /**
     * Writes the seven segments of one record, e.g. series {@code hmi.sharp_cea_720s_nrt}, HARP 5, T_REC
     * {@code 2024.03.01_00:00:00_TAI}, with the NOAA numbers {@code noaaArs} ("13590,13591").
     */
    static List<Path> write(Path directory, SharpDataType type, int harp, String tRec, String noaaArs) throws IOException {
        Files.createDirectories(directory);
        float[][] bp = new float[HEIGHT][WIDTH];
        float[][] bt = new float[HEIGHT][WIDTH];
        float[][] br = new float[HEIGHT][WIDTH];
        float[][] error = new float[HEIGHT][WIDTH];
        byte[][] bitmap = new byte[HEIGHT][WIDTH];
        byte[][] confidence = new byte[HEIGHT][WIDTH];
        for (int row = 0; row < HEIGHT; row++) {
            for (int column = 0; column < WIDTH; column++) {
                double x = metres(column, WIDTH);
                double y = metres(row, HEIGHT);
                bp[row][column] = (float) (A * y * y + C * x * y);
                bt[row][column] = (float) -(B * x * x - C * y);
                br[row][column] = 100f;
                error[row][column] = 5f;
                // the HARP core in the middle, with confident disambiguation in its left part
                boolean core = row >= 5 && row < 25 && column >= 5 && column < 35;
                bitmap[row][column] = (byte) (core ? 34 : 1);
                confidence[row][column] = (byte) (core && column < 20 ? 90 : 60);
            }
        }
        String compact = tRec.replace(".", "").replace(":", "").replace("_TAI", "");
        String dateObs = tRec.substring(0, 10).replace('.', '-') + "T" + tRec.substring(11, 19);
        List<FitsKeyword> keys = List.of(
                new FitsKeyword("TELESCOP", "SDO/HMI", ""), new FitsKeyword("INSTRUME", "HMI_SIDE1", ""),
                new FitsKeyword("WAVELNTH", 6173.0, ""), new FitsKeyword("DATE-OBS", dateObs, "synthetic"),
                new FitsKeyword("T_REC", tRec, ""), new FitsKeyword("HARPNUM", harp, ""),
                new FitsKeyword("NOAA_ARS", noaaArs, ""), new FitsKeyword("CTYPE1", "CRLN-CEA", ""),
                new FitsKeyword("CTYPE2", "CRLT-CEA", ""), new FitsKeyword("CUNIT1", "deg", ""),
                new FitsKeyword("CUNIT2", "deg", ""), new FitsKeyword("CRPIX1", 20.5, ""), new FitsKeyword("CRPIX2", 15.5, ""),
                new FitsKeyword("CRVAL1", 120.0, ""), new FitsKeyword("CRVAL2", 10.0, ""), new FitsKeyword("CDELT1", 0.03, ""),
                new FitsKeyword("CDELT2", 0.03, ""), new FitsKeyword("DSUN_OBS", SCALE.dsunObsMetres(), ""),
                new FitsKeyword("RSUN_REF", SCALE.rsunRefMetres(), ""), new FitsKeyword("RSUN_OBS", SCALE.rsunObsArcsec(), ""),
                new FitsKeyword("CRLN_OBS", 110.0, ""), new FitsKeyword("CRLT_OBS", -7.0, ""),
                new FitsKeyword("ORIGIN", "medoc synthetic SHARP", "test data"));
        List<Path> files = new ArrayList<>();
        Object[][] segments = {{"Br", br}, {"Bp", bp}, {"Bt", bt}, {"Bp_err", error}, {"Bt_err", error},
                {"bitmap", bitmap}, {"conf_disambig", confidence}};
        for (Object[] segment : segments) {
            Path file = directory.resolve(type.series() + "." + harp + "." + compact + "_TAI." + segment[0] + ".fits");
            FitsProductWriter.write(file, List.of(), List.of(), List.of(new FitsProductWriter.ImageExtension(
                    (String) segment[0], segment[1], segment[1] instanceof float[][] ? "Mx/cm^2" : null, keys, List.of())));
            files.add(file);
        }
        return files;
    }
}
