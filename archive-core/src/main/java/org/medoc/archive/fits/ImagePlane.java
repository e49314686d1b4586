package org.medoc.archive.fits;

/**
 * One 2-D image plane in physical units (BSCALE/BZERO applied, BLANK and non-finite values turned into NaN),
 * row-major, row 0 = first FITS row (the bottom of the image in the FITS display convention).
 * <p>
 * A plane may hold only every {@code rowStep}-th row of an image of {@code fullHeight} rows (rows 0, rowStep,
 * 2·rowStep, …), as read for a quicklook; {@code height} is then the number of rows held.
 */
public record ImagePlane(int width, int height, float[] values, int rowStep, int fullHeight) {

    public ImagePlane {
        if (width <= 0 || height <= 0 || values == null || values.length != (long) width * height) {
            throw new IllegalArgumentException("values must hold width × height pixels");
        }
        if (rowStep < 1 || (long) (height - 1) * rowStep >= fullHeight || (long) height * rowStep < fullHeight) {
            throw new IllegalArgumentException("a plane of every " + rowStep + "th row of " + fullHeight
                    + " rows holds " + ((fullHeight + rowStep - 1) / rowStep) + " rows, not " + height);
        }
    }

    /** Every row of the image. */
    public ImagePlane(int width, int height, float[] values) {
        this(width, height, values, 1, height);
    }

    /** Value at column x, held row y (row y·rowStep of the image). */
    public float at(int x, int y) {
        return values[y * width + x];
    }

    /** Whether every row of the image is held. */
    public boolean complete() {
        return rowStep == 1;
    }
}
