package org.medoc.products.synoptic;

import org.medoc.archive.fits.FitsHeader;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The geometry of one full-disc image, built from its own header (PRODUCTS.md §2.2–2.3): pixel ↔ helioprojective by
 * the linear WCS (PCi_j, else CROTA2/CROTA) and the TAN (gnomonic) projection around (CRVAL1, CRVAL2) done in full,
 * helioprojective ↔ the solar sphere of radius RSUN_REF seen from the observer, sphere ↔ Carrington longitude and
 * latitude. Legacy SoHO headers ({@code Solar-X/Solar-Y}, no DSUN_OBS/CRLN_OBS) take their observer from
 * {@code HEC_X/Y/Z}. Pixel indices are 0-based (FITS pixel p = index + 1); row 0 is the first FITS row.
 *
 * <p>The projection is done with vectors: a point on the tangent plane at (x, y) radians is the direction
 * e3 + x·e1 + y·e2, with e3 the reference direction and e1, e2 the unit vectors of increasing θx and θy there
 * (LONPOLE = 180°, the default for zenithal projections), so the map-building inner loop needs no trigonometry.
 */
public final class ImageGeometry {

    private static final double ARCSEC_PER_DEG = 3600;

    private final int width;
    private final int height;
    private final SolarObserver observer;
    private final double crpix1;
    private final double crpix2;
    // (p − CRPIX) → intermediate world coordinates, radians; and its inverse
    private final double m11, m12, m21, m22;
    private final double i11, i12, i21, i22;
    private final double[] e1 = new double[3];
    private final double[] e2 = new double[3];
    private final double[] e3 = new double[3];
    private final double cosB0;
    private final double sinB0;

    /**
     * @param pc           the PC matrix {PC1_1, PC1_2, PC2_1, PC2_2}
     * @param cdeltArcsec  {CDELT1, CDELT2} in arcsec
     * @param crvalArcsec  {CRVAL1, CRVAL2} in arcsec
     * @param crpix        {CRPIX1, CRPIX2}, 1-based as in the header
     */
    public ImageGeometry(int width, int height, double[] crpix, double[] cdeltArcsec, double[] pc, double[] crvalArcsec,
                         SolarObserver observer) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("an image needs at least 2 × 2 pixels, was " + width + " × " + height);
        }
        this.width = width;
        this.height = height;
        this.observer = observer;
        this.crpix1 = crpix[0];
        this.crpix2 = crpix[1];
        double s1 = Math.toRadians(cdeltArcsec[0] / ARCSEC_PER_DEG);
        double s2 = Math.toRadians(cdeltArcsec[1] / ARCSEC_PER_DEG);
        m11 = s1 * pc[0];
        m12 = s1 * pc[1];
        m21 = s2 * pc[2];
        m22 = s2 * pc[3];
        double determinant = m11 * m22 - m12 * m21;
        if (!(Math.abs(determinant) > 0) || !Double.isFinite(determinant)) {
            throw new IllegalArgumentException("the image's CDELT/PC matrix is singular");
        }
        i11 = m22 / determinant;
        i12 = -m12 / determinant;
        i21 = -m21 / determinant;
        i22 = m11 / determinant;
        double a = Math.toRadians(crvalArcsec[0] / ARCSEC_PER_DEG);
        double d = Math.toRadians(crvalArcsec[1] / ARCSEC_PER_DEG);
        // helioprojective unit vector (θx, θy) → (cosθy sinθx, sinθy, cosθy cosθx): X west, Y north, Z towards the Sun
        e3[0] = Math.cos(d) * Math.sin(a);
        e3[1] = Math.sin(d);
        e3[2] = Math.cos(d) * Math.cos(a);
        e1[0] = Math.cos(a);
        e1[1] = 0;
        e1[2] = -Math.sin(a);
        e2[0] = -Math.sin(d) * Math.sin(a);
        e2[1] = Math.cos(d);
        e2[2] = -Math.sin(d) * Math.cos(a);
        cosB0 = Math.cos(Math.toRadians(observer.latitudeDeg()));
        sinB0 = Math.sin(Math.toRadians(observer.latitudeDeg()));
    }

    /**
     * The geometry of an image from its header. Throws {@link InvalidSynopticInputException} with what is missing when
     * the header cannot place the image on the Sun.
     */
    public static ImageGeometry fromHeader(FitsHeader header, int width, int height) {
        String ctype1 = text(header, "CTYPE1").toUpperCase(Locale.ROOT);
        String ctype2 = text(header, "CTYPE2").toUpperCase(Locale.ROOT);
        boolean helioprojective = ctype1.startsWith("HPLN-TAN") && ctype2.startsWith("HPLT-TAN");
        boolean legacy = (ctype1.equals("SOLAR-X") || ctype1.equals("SOLAR_X"))
                && (ctype2.equals("SOLAR-Y") || ctype2.equals("SOLAR_Y"));
        if (!helioprojective && !legacy) {
            throw new InvalidSynopticInputException("CTYPE1/2 '" + ctype1 + "'/'" + ctype2
                    + "' is not a helioprojective TAN image (HPLN-TAN/HPLT-TAN or the legacy Solar-X/Solar-Y)");
        }
        double[] cdelt = {required(header, "CDELT1") * arcsecPerUnit(header, "CUNIT1"),
                required(header, "CDELT2") * arcsecPerUnit(header, "CUNIT2")};
        double[] crval = {number(header, "CRVAL1", 0) * arcsecPerUnit(header, "CUNIT1"),
                number(header, "CRVAL2", 0) * arcsecPerUnit(header, "CUNIT2")};
        double[] crpix = {required(header, "CRPIX1"), required(header, "CRPIX2")};
        return new ImageGeometry(width, height, crpix, cdelt, pcMatrix(header, cdelt), crval, observer(header));
    }

    /** PCi_j when any is given (missing terms of the identity), else the rotation CROTA2 (or CROTA), else none. */
    static double[] pcMatrix(FitsHeader header, double[] cdelt) {
        if (header.has("PC1_1") || header.has("PC1_2") || header.has("PC2_1") || header.has("PC2_2")) {
            return new double[] {number(header, "PC1_1", 1), number(header, "PC1_2", 0), number(header, "PC2_1", 0),
                    number(header, "PC2_2", 1)};
        }
        Double crota = header.number("CROTA2") != null ? header.number("CROTA2") : header.number("CROTA");
        double rho = Math.toRadians(crota == null ? 0 : crota);
        double lambda = cdelt[1] / cdelt[0];
        return new double[] {Math.cos(rho), -Math.sin(rho) * lambda, Math.sin(rho) / lambda, Math.cos(rho)};
    }

    /**
     * The observer from the header: DSUN_OBS with CRLN_OBS and CRLT_OBS (or HGLT_OBS), as SDO and STEREO write them;
     * else SoHO's HEC_X/Y/Z (km). The sphere's radius is RSUN_REF, else the IAU nominal radius.
     */
    static SolarObserver observer(FitsHeader header) {
        Instant time = observationTime(header);
        Double rsunRef = header.number("RSUN_REF");
        double radius = rsunRef != null && rsunRef > 0 ? rsunRef : SolarObserver.NOMINAL_RADIUS_METRES;
        Double distance = header.number("DSUN_OBS");
        Double longitude = header.number("CRLN_OBS");
        Double latitude = header.number("CRLT_OBS") != null ? header.number("CRLT_OBS") : header.number("HGLT_OBS");
        if (distance != null && longitude != null && latitude != null) {
            return new SolarObserver(time, distance, SolarObserver.normalise(longitude), latitude, radius);
        }
        Double x = header.number("HEC_X");
        Double y = header.number("HEC_Y");
        Double z = header.number("HEC_Z");
        if (x != null && y != null && z != null) {
            return SolarObserver.fromHeliocentricEcliptic(time, x * 1e3, y * 1e3, z * 1e3, radius);
        }
        throw new InvalidSynopticInputException("the header does not place the observer: it needs DSUN_OBS, CRLN_OBS "
                + "and CRLT_OBS (or HGLT_OBS), or SoHO's HEC_X/HEC_Y/HEC_Z");
    }

    /** T_OBS (mid-exposure, AIA), else DATE-OBS, else DATE_OBS; UTC. */
    static Instant observationTime(FitsHeader header) {
        for (String keyword : new String[] {"T_OBS", "DATE-OBS", "DATE_OBS"}) {
            String text = header.string(keyword);
            if (text != null && text.contains("T")) {
                try {
                    String iso = text.trim().replace("Z", "");
                    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // try the next keyword
                }
            }
        }
        throw new InvalidSynopticInputException("the header has no observation time (T_OBS, DATE-OBS or DATE_OBS "
                + "as yyyy-mm-ddThh:mm:ss)");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public SolarObserver observer() {
        return observer;
    }

    /** Helioprojective (θx, θy) in arcsec of a pixel (0-based). */
    public double[] helioprojective(double x, double y) {
        double[] v = direction(x, y);
        double tx = Math.atan2(v[0], v[2]);
        double ty = Math.atan2(v[1], Math.hypot(v[0], v[2]));
        return new double[] {Math.toDegrees(tx) * ARCSEC_PER_DEG, Math.toDegrees(ty) * ARCSEC_PER_DEG};
    }

    /**
     * Carrington longitude [0, 360) and latitude in degrees of the surface point a pixel (0-based) sees, or NaNs off
     * the disc (PRODUCTS.md §2.2 steps 2–3).
     */
    public double[] carrington(double x, double y) {
        double[] v = direction(x, y);
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        double cosThetaX = v[2] / Math.hypot(v[0], v[2]);
        double sinThetaX = v[0] / Math.hypot(v[0], v[2]);
        double cosThetaY = Math.hypot(v[0], v[2]) / norm;
        double sinThetaY = v[1] / norm;
        double d = observer.distanceMetres();
        double r = observer.solarRadiusMetres();
        double b = d * cosThetaX * cosThetaY;
        double disc = b * b - d * d + r * r;
        if (disc < 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double distance = b - Math.sqrt(disc);
        double hx = distance * cosThetaY * sinThetaX;
        double hy = distance * sinThetaY;
        double hz = d - distance * cosThetaX * cosThetaY;
        double latitude = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, (hy * cosB0 + hz * sinB0) / r))));
        double longitude = observer.carringtonLongitudeDeg() + Math.toDegrees(Math.atan2(hx, hz * cosB0 - hy * sinB0));
        return new double[] {SolarObserver.normalise(longitude), latitude};
    }

    /** Direction (helioprojective frame, not normalised) of the line of sight through a pixel (0-based). */
    private double[] direction(double x, double y) {
        double d1 = x + 1 - crpix1;
        double d2 = y + 1 - crpix2;
        double u = m11 * d1 + m12 * d2;
        double w = m21 * d1 + m22 * d2;
        return new double[] {e3[0] + u * e1[0] + w * e2[0], e3[1] + u * e1[1] + w * e2[1], e3[2] + u * e1[2] + w * e2[2]};
    }

    /**
     * Projects a surface point, given by cos/sin of its Carrington latitude and of its longitude measured from the
     * observer's central meridian (Φ = lon − CRLN_OBS), into the image. Writes the 0-based pixel (x, y) to
     * {@code out[0..1]} and returns μ, the cosine of the angle between the surface normal and the direction to the
     * observer; returns a value ≤ 0 (and leaves {@code out}) when the point is on the far side.
     */
    public double project(double cosLat, double sinLat, double cosPhi, double sinPhi, double[] out) {
        double r = observer.solarRadiusMetres();
        double d = observer.distanceMetres();
        double x = r * cosLat * sinPhi;
        double y = r * (sinLat * cosB0 - cosLat * cosPhi * sinB0);
        double z = r * (sinLat * sinB0 + cosLat * cosPhi * cosB0);
        double towards = d * z - r * r;
        if (towards <= 0) {
            return towards;
        }
        double vz = d - z;
        double mu = towards / (r * Math.sqrt(x * x + y * y + vz * vz));
        double along = x * e3[0] + y * e3[1] + vz * e3[2];
        double u = (x * e1[0] + y * e1[1] + vz * e1[2]) / along;
        double w = (x * e2[0] + y * e2[1] + vz * e2[2]) / along;
        out[0] = i11 * u + i12 * w + crpix1 - 1;
        out[1] = i21 * u + i22 * w + crpix2 - 1;
        return mu;
    }

    private static String text(FitsHeader header, String keyword) {
        String value = header.string(keyword);
        return value == null ? "" : value.trim();
    }

    private static double required(FitsHeader header, String keyword) {
        Double value = header.number(keyword);
        if (value == null || !Double.isFinite(value)) {
            throw new InvalidSynopticInputException("the header lacks " + keyword + ", needed to place the image on the Sun");
        }
        return value;
    }

    private static double number(FitsHeader header, String keyword, double fallback) {
        Double value = header.number(keyword);
        return value == null || !Double.isFinite(value) ? fallback : value;
    }

    /** Arcsec per unit of an axis: CUNIT arcsec (the default, also for legacy SoHO headers) or deg. */
    private static double arcsecPerUnit(FitsHeader header, String keyword) {
        String unit = text(header, keyword).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "", "arcsec", "arcsecs" -> 1;
            case "deg", "degree", "degrees" -> ARCSEC_PER_DEG;
            case "arcmin" -> 60;
            default -> throw new InvalidSynopticInputException(keyword + " '" + unit + "' is not an angle unit (arcsec, deg)");
        };
    }
}
