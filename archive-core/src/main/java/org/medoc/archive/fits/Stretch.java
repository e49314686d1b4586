package org.medoc.archive.fits;

/** Intensity stretch applied by {@link Quicklook} after percentile scaling to [0, 1]. */
public enum Stretch {
    LINEAR, SQRT, LOG
}
