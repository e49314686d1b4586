package org.medoc.products.synoptic;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an image was taken from, in the conventions the synoptic geometry uses (PRODUCTS.md §2.3): the observer's
 * distance from Sun centre, its geometric Carrington longitude (no light-travel-time correction, as JSOC's
 * {@code CRLN_OBS}) and heliographic latitude B0 at time {@code time}, and the radius of the sphere onto which pixels
 * are projected ({@code RSUN_REF}, which differs by mission).
 *
 * @param distanceMetres       Sun centre to observer, m (DSUN_OBS)
 * @param carringtonLongitudeDeg Carrington longitude of the sub-observer point, ° (CRLN_OBS)
 * @param latitudeDeg          heliographic latitude of the observer, ° (CRLT_OBS = HGLT_OBS = B0)
 * @param solarRadiusMetres    radius of the projection sphere, m (RSUN_REF)
 */
public record SolarObserver(Instant time, double distanceMetres, double carringtonLongitudeDeg, double latitudeDeg,
                            double solarRadiusMetres) {

    /** IAU 2015 nominal solar radius (sunpy's default when a file has no RSUN_REF), m. */
    public static final double NOMINAL_RADIUS_METRES = 6.957e8;
    /** SDO's RSUN_REF, m. */
    public static final double SDO_RADIUS_METRES = 6.96e8;

    // IAU (Archinal et al. 2018, as sunpy 4.1): the Sun's north pole in ICRS, the prime meridian at J2000 and the
    // sidereal (Carrington) rate; the obliquity of the J2000 mean ecliptic (IAU 2006)
    private static final double POLE_RA_DEG = 286.13;
    private static final double POLE_DEC_DEG = 63.87;
    private static final double PRIME_MERIDIAN_J2000_DEG = 84.176;
    private static final double OBLIQUITY_J2000_DEG = 84381.406 / 3600;
    private static final Instant J2000_TT = Instant.parse("2000-01-01T12:00:00Z");
    // TT − UTC = 32.184 s + leap seconds: 64.184 s from 1999 to 2005. Over the EIT era (1996–2010) the leap seconds
    // vary by ±3 s, 0.0005° of rotation, far below the 0.01° the geometry is tested to, so no leap-second table here.
    private static final Duration TT_MINUS_UTC = Duration.ofMillis(64_184);
    private static final double[][] DETILT = detiltMatrix();
    private static final double PRIME_MERIDIAN_DETILT_DEG = primeMeridianDetiltLongitude();

    public SolarObserver {
        if (!(distanceMetres > solarRadiusMetres) || !(solarRadiusMetres > 0)) {
            throw new IllegalArgumentException("the observer must lie outside the Sun: distance " + distanceMetres
                    + " m, solar radius " + solarRadiusMetres + " m");
        }
        if (!Double.isFinite(carringtonLongitudeDeg) || !(Math.abs(latitudeDeg) <= 90)) {
            throw new IllegalArgumentException("observer longitude/latitude out of range: " + carringtonLongitudeDeg
                    + ", " + latitudeDeg);
        }
    }

    /**
     * The observer from a heliocentric position in the mean ecliptic and equinox of J2000 (SoHO's {@code HEC_X/Y/Z},
     * read as sunpy reads them): rotated to the ICRS equator, then "de-tilted" so that the Sun's rotation axis is z
     * (sunpy's {@code _detilt_lon}); the Carrington longitude is the de-tilted longitude minus that of the prime
     * meridian at {@code time}, W = W0 + 14.1844 °/day · (t − J2000) in TT, without light-travel time.
     */
    public static SolarObserver fromHeliocentricEcliptic(Instant time, double xMetres, double yMetres, double zMetres,
                                                         double solarRadiusMetres) {
        double e = Math.toRadians(OBLIQUITY_J2000_DEG);
        double[] equatorial = {xMetres, yMetres * Math.cos(e) - zMetres * Math.sin(e),
                yMetres * Math.sin(e) + zMetres * Math.cos(e)};
        double[] detilted = multiply(DETILT, equatorial);
        double distance = Math.sqrt(detilted[0] * detilted[0] + detilted[1] * detilted[1] + detilted[2] * detilted[2]);
        double longitude = Math.toDegrees(Math.atan2(detilted[1], detilted[0]));
        double latitude = Math.toDegrees(Math.asin(detilted[2] / distance));
        double days = Duration.between(J2000_TT, time.plus(TT_MINUS_UTC)).toNanos() / 86_400e9;
        double meridian = PRIME_MERIDIAN_DETILT_DEG + DifferentialRotation.CARRINGTON_DEG_PER_DAY * days;
        return new SolarObserver(time, distance, normalise(longitude - meridian), latitude, solarRadiusMetres);
    }

    /** Longitude in [0, 360). */
    static double normalise(double longitudeDeg) {
        double l = longitudeDeg % 360;
        return l < 0 ? l + 360 : l;
    }

    /** The rotation taking the Sun's north pole (ICRS) onto z by the shortest arc, as sunpy's _SUN_DETILT_MATRIX. */
    private static double[][] detiltMatrix() {
        double ra = Math.toRadians(POLE_RA_DEG);
        double dec = Math.toRadians(POLE_DEC_DEG);
        double[] pole = {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
        // axis = pole × z, angle = acos(pole · z); Rodrigues' formula
        double[] axis = {pole[1], -pole[0], 0};
        double s = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1]);
        axis[0] /= s;
        axis[1] /= s;
        double angle = Math.acos(pole[2]);
        double c = Math.cos(angle);
        double n = Math.sin(angle);
        double t = 1 - c;
        double x = axis[0];
        double y = axis[1];
        double z = axis[2];
        return new double[][] {
                {c + x * x * t, x * y * t - z * n, x * z * t + y * n},
                {y * x * t + z * n, c + y * y * t, y * z * t - x * n},
                {z * x * t - y * n, z * y * t + x * n, c + z * z * t}};
    }

    /** De-tilted longitude of the ascending node of the solar equator on the ICRS equator plus W0 (sunpy's _DLON_MERIDIAN). */
    private static double primeMeridianDetiltLongitude() {
        double ra = Math.toRadians(POLE_RA_DEG + 90);
        double[] node = multiply(DETILT, new double[] {Math.cos(ra), Math.sin(ra), 0});
        return Math.toDegrees(Math.atan2(node[1], node[0])) + PRIME_MERIDIAN_J2000_DEG;
    }

    private static double[] multiply(double[][] m, double[] v) {
        return new double[] {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
                m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
                m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
    }
}
