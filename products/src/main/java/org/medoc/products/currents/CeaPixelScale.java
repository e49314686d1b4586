package org.medoc.products.currents;

/**
 * The size of one CEA pixel on the solar surface and the factors that turn a field difference per pixel into a current
 * density, after JSOC's {@code sw_functions.c}/{@code computeJz} (PRODUCTS.md §3.4): the pixel's angular size
 * {@code CDELT1″ = atan(RSUN_REF·CDELT1·π/180 / DSUN_OBS)} as seen from the observer, times {@code RSUN_REF/RSUN_OBS}
 * metres per arcsecond. Without DSUN_OBS or RSUN_OBS the geometric size {@code RSUN_REF·CDELT1·π/180} is used (the two
 * agree within 10⁻⁵ on HARP 377).
 *
 * @param cdelt1Degrees  CDELT1 of the CEA map [deg of heliographic great circle per pixel]
 * @param rsunRefMetres  RSUN_REF [m]
 * @param dsunObsMetres  DSUN_OBS [m], NaN when the header lacks it
 * @param rsunObsArcsec  RSUN_OBS [arcsec], NaN when the header lacks it
 */
public record CeaPixelScale(double cdelt1Degrees, double rsunRefMetres, double dsunObsMetres, double rsunObsArcsec) {

    /** μ0 [T m A⁻¹] as JSOC's code writes it. */
    public static final double MU0 = 0.0000012566370614;
    /** SDO's solar radius [m], used when a header lacks RSUN_REF. */
    public static final double SDO_RSUN_REF = 6.96e8;
    private static final double TESLA_PER_GAUSS = 1e-4;
    private static final double MILLIAMPERE_PER_AMPERE = 1e3;

    public CeaPixelScale {
        if (!(cdelt1Degrees > 0) || !(rsunRefMetres > 0)) {
            throw new IllegalArgumentException("a CEA map needs CDELT1 > 0 and RSUN_REF > 0, was " + cdelt1Degrees
                    + " and " + rsunRefMetres);
        }
    }

    private boolean fromObserver() {
        return dsunObsMetres > 0 && rsunObsArcsec > 0;
    }

    /** The pixel's angular size seen from the observer [arcsec], JSOC's {@code CDELT1} in arcsec. */
    public double cdelt1Arcsec() {
        return Math.toDegrees(Math.atan(rsunRefMetres * Math.toRadians(cdelt1Degrees) / dsunObsMetres)) * 3600;
    }

    /** The pixel size on the Sun [m]: 364.4 km for SHARP's 0.03°. */
    public double pixelMetres() {
        return fromObserver() ? cdelt1Arcsec() * rsunRefMetres / rsunObsArcsec
                : rsunRefMetres * Math.toRadians(cdelt1Degrees);
    }

    /** mA m⁻² per G/px: Jz = (field difference per pixel [G]) × this (0.21837 on HARP 377). */
    public double milliAmperePerSquareMetrePerGaussPixel() {
        return TESLA_PER_GAUSS / (MU0 * pixelMetres()) * MILLIAMPERE_PER_AMPERE;
    }

    /** A per G/px: the current through one pixel for a field difference of 1 G per pixel (TOTUSJZ's factor). */
    public double amperePerGaussPixel() {
        return TESLA_PER_GAUSS * pixelMetres() / MU0;
    }
}
