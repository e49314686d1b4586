package org.medoc.archive.fits;

/**
 * One 2-D image plane in physical units (BSCALE/BZERO applied, BLANK and non-finite values turned into NaN),
 * row-major, row 0 = first FITS row (the bottom of the image in the FITS display convention).
 */
public record ImagePlane(int width, int height, float[] values) {

    public ImagePlane {
        if (width <= 0 || height <= 0 || values == null || values.length != (long) width * height) {
            throw new IllegalArgumentException("values must hold width × height pixels");
        }
    }

    /** Value at column x, row y (row 0 = first FITS row). */
    public float at(int x, int y) {
        return values[y * width + x];
    }
}
