package org.medoc.products.currents;

/**
 * The radial current density of one SHARP record: {@code jz} and its error {@code sigma} [mA m⁻²] per pixel, the
 * {@code mask} of pixels that count in the SHARP keywords (1 = conf_disambig ≥ 70 and bitmap ≥ 30 and both values
 * finite), row-major like the input, and the keywords recomputed from them.
 */
public record JzMap(int width, int height, float[] jz, float[] sigma, byte[] mask, JzKeywords keywords) {

    /** Jz at column x, row y (0-based, row 0 = first FITS row). */
    public float jzAt(int x, int y) {
        return jz[y * width + x];
    }

    public float sigmaAt(int x, int y) {
        return sigma[y * width + x];
    }

    /** The maps as [row][column], as FITS images are written. */
    float[][] rows(float[] values) {
        float[][] rows = new float[height][];
        for (int y = 0; y < height; y++) {
            rows[y] = java.util.Arrays.copyOfRange(values, y * width, (y + 1) * width);
        }
        return rows;
    }

    byte[][] maskRows() {
        byte[][] rows = new byte[height][];
        for (int y = 0; y < height; y++) {
            rows[y] = java.util.Arrays.copyOfRange(mask, y * width, (y + 1) * width);
        }
        return rows;
    }
}
