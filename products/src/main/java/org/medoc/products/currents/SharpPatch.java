package org.medoc.products.currents;

/**
 * The SHARP CEA segments the current density needs, as row-major arrays of {@code width × height} values, row 0 = the
 * first FITS row: the stored components {@code bp} (+west), {@code bt} (+SOUTH) and {@code br} (+outward) [G], the
 * errors of the horizontal ones [G], JSOC's region {@code bitmap} and the disambiguation confidence
 * {@code confDisambig}. NaN marks a missing field value.
 */
public record SharpPatch(int width, int height, float[] br, float[] bp, float[] bt, float[] bpErr, float[] btErr,
                         int[] bitmap, int[] confDisambig, CeaPixelScale scale) {

    public SharpPatch {
        if (width < 3 || height < 3) {
            throw new IllegalArgumentException("a patch needs at least 3 × 3 pixels for second-order differences, was "
                    + width + " × " + height);
        }
        int n = width * height;
        for (Object array : new Object[] {br, bp, bt, bpErr, btErr, bitmap, confDisambig}) {
            int length = array instanceof float[] f ? f.length : ((int[]) array).length;
            if (length != n) {
                throw new IllegalArgumentException("every segment must hold " + width + " × " + height + " values, one holds "
                        + length);
            }
        }
    }
}
