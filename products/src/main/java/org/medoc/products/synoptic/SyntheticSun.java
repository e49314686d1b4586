package org.medoc.products.synoptic;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.medoc.archive.fits.FitsFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * A synthetic EUV Sun whose features live in Carrington coordinates and rotate differentially (Howard), for the
 * synoptic chain's truth tests and the demo: radiance I(λ, φ, t) = F(λ − (ω(φ) − ω_Carrington)·(t − epoch), φ) with F a
 * quiet-Sun network, dark polar coronal holes and bright active regions. {@link #truth} gives the map any reference
 * time should produce; {@link #writeAia} and {@link #writeEuvi} render full-disc images of it, as level-1.5-like AIA
 * files seen from Earth and STEREO/EUVI-like files seen from a given angle, with complete geometry headers
 * (DSUN_OBS, CRLN_OBS, CRLT_OBS, HGLN_OBS, RSUN_REF). Each pixel shows the surface point under its centre (no limb
 * brightening, so that a merge can give the truth back); off the disc the images are 0.
 */
public final class SyntheticSun {

    private static final double AU_M = 1.495978707e11;
    private static final double RADIUS_M = SolarObserver.SDO_RADIUS_METRES;
    /** Mean synodic Carrington period seen from Earth, days. */
    private static final double SYNODIC_DAYS = 27.2753;
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Instant epoch;
    private final long seed;
    // active regions: longitude, latitude (°) at the epoch, width σ (°), peak radiance (DN s⁻¹)
    private final double[][] regions;

    public SyntheticSun(Instant epoch, long seed) {
        this.epoch = epoch;
        this.seed = seed;
        Random random = new Random(seed);
        regions = new double[12][];
        for (int k = 0; k < regions.length; k++) {
            double latitude = (10 + 20 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            regions[k] = new double[] {360 * random.nextDouble(), latitude, 3 + 4 * random.nextDouble(),
                    300 + 1500 * random.nextDouble()};
        }
    }

    /** True radiance (DN s⁻¹ per 0.6″ pixel) at a Carrington longitude and latitude (°) at a time. */
    public double radiance(double longitudeDeg, double latitudeDeg, Instant time) {
        double days = Duration.between(epoch, time).toNanos() / 86_400e9;
        double lon = longitudeDeg - DifferentialRotation.HOWARD.carringtonDriftDegPerDay(latitudeDeg) * days;
        double lonRad = Math.toRadians(lon);
        double latRad = Math.toRadians(latitudeDeg);
        double network = 1 + 0.15 * Math.sin(9 * lonRad + 2 * Math.sin(7 * latRad)) * Math.cos(11 * latRad);
        double hole = Math.exp(-Math.pow((Math.abs(latitudeDeg) - 90) / 22, 2));
        double value = 120 * network * (1 - 0.8 * hole);
        for (double[] region : regions) {
            double distance = greatCircleDeg(lon, latitudeDeg, region[0], region[1]);
            value += region[3] * Math.exp(-distance * distance / (2 * region[2] * region[2]));
        }
        return value;
    }

    /** The map a synoptic chain should give for {@code time}, {@code [row][column]} on the grid. */
    public float[][] truth(CarringtonGrid grid, Instant time) {
        float[][] map = new float[grid.rows()][grid.columns()];
        for (int row = 0; row < grid.rows(); row++) {
            for (int column = 0; column < grid.columns(); column++) {
                map[row][column] = (float) radiance(grid.longitudeDeg(column), grid.latitudeDeg(row), time);
            }
        }
        return map;
    }

    /** Earth's (geometric) Carrington longitude in this synthetic world, ° (a mean synodic rotation). */
    public static double earthCarringtonLongitude(Instant time) {
        double rotations = time.getEpochSecond() / 86_400.0 / SYNODIC_DAYS;
        return SolarObserver.normalise(360 - (rotations - Math.floor(rotations)) * 360);
    }

    /** Earth's heliographic latitude B0 (°), an approximation good to a few tenths of a degree. */
    public static double earthLatitude(Instant time) {
        double dayOfYear = time.atOffset(ZoneOffset.UTC).getDayOfYear();
        return 7.25 * Math.sin(2 * Math.PI * (dayOfYear - 158) / 365.25);
    }

    /** An AIA-like full-disc image (DN, with EXPTIME) of {@code size}² pixels seen from Earth. */
    public Path writeAia(Path directory, Instant time, int wavelengthAngstrom, int size) throws IOException {
        return write(directory, "aia.lev1_5_euv_12s." + COMPACT.format(time) + "Z." + wavelengthAngstrom
                + ".synoptic_synthetic.fits", time, size, 0, 2.0, wavelengthAngstrom,
                new String[][] {{"TELESCOP", "SDO/AIA"}, {"INSTRUME", "AIA_3"}, {"DETECTOR", "AIA"}});
    }

    /**
     * A STEREO/EUVI-like full-disc image seen from {@code longitudeFromEarthDeg} (Stonyhurst longitude, positive west:
     * STEREO-A), with EUVI's header conventions (OBSRVTRY, CROTA rather than CROTA2).
     */
    public Path writeEuvi(Path directory, Instant time, int wavelengthAngstrom, int size, double longitudeFromEarthDeg)
            throws IOException {
        return write(directory, "euvi_a." + COMPACT.format(time) + "Z." + wavelengthAngstrom + ".synoptic_synthetic.fits",
                time, size, longitudeFromEarthDeg, 4.0, wavelengthAngstrom, new String[][] {{"TELESCOP", "STEREO"},
                        {"OBSRVTRY", "STEREO_A"}, {"INSTRUME", "SECCHI"}, {"DETECTOR", "EUVI"}});
    }

    private Path write(Path directory, String name, Instant time, int size, double longitudeFromEarthDeg,
                       double exposure, int wavelengthAngstrom, String[][] instrument) throws IOException {
        double distance = AU_M;
        double arcsecPerPixel = 0.6 * 4096.0 / size;
        double b0 = earthLatitude(time);
        double crln = SolarObserver.normalise(earthCarringtonLongitude(time) + longitudeFromEarthDeg);
        SolarObserver observer = new SolarObserver(time, distance, crln, b0, RADIUS_M);
        double centre = (size + 1) / 2.0;
        ImageGeometry geometry = new ImageGeometry(size, size, new double[] {centre, centre},
                new double[] {arcsecPerPixel, arcsecPerPixel}, new double[] {1, 0, 0, 1}, new double[] {0, 0}, observer);
        float[][] counts = new float[size][size];
        java.util.stream.IntStream.range(0, size).parallel().forEach(y -> {
            for (int x = 0; x < size; x++) {
                double[] position = geometry.carrington(x, y);
                counts[y][x] = Double.isNaN(position[0]) ? 0f
                        : (float) (radiance(position[0], position[1], time) * exposure);
            }
        });
        BasicHDU<?> hdu;
        try {
            hdu = Fits.makeHDU(counts);
        } catch (FitsException e) {
            throw new IOException(e);
        }
        Header header = hdu.getHeader();
        for (String[] card : instrument) {
            header.addValue(card[0], card[1], "");
        }
        header.addValue("WAVELNTH", wavelengthAngstrom, "[angstrom] nominal wavelength");
        header.addValue("WAVEUNIT", "angstrom", "");
        header.addValue("DATE-OBS", ISO_MILLIS.format(time), "[UTC] start of exposure");
        header.addValue("T_OBS", ISO_MILLIS.format(time) + "Z", "[UTC] observation time");
        header.addValue("EXPTIME", exposure, "[s] exposure time");
        header.addValue("LVL_NUM", 1.5, "data level");
        header.addValue("BUNIT", "DN", "");
        header.addValue("CTYPE1", "HPLN-TAN", "");
        header.addValue("CTYPE2", "HPLT-TAN", "");
        header.addValue("CUNIT1", "arcsec", "");
        header.addValue("CUNIT2", "arcsec", "");
        header.addValue("CRPIX1", centre, "");
        header.addValue("CRPIX2", centre, "");
        header.addValue("CRVAL1", 0.0, "[arcsec]");
        header.addValue("CRVAL2", 0.0, "[arcsec]");
        header.addValue("CDELT1", arcsecPerPixel, "[arcsec/pixel]");
        header.addValue("CDELT2", arcsecPerPixel, "[arcsec/pixel]");
        header.addValue(longitudeFromEarthDeg == 0 ? "CROTA2" : "CROTA", 0.0, "[deg]");
        header.addValue("DSUN_OBS", distance, "[m]");
        header.addValue("HGLN_OBS", longitudeFromEarthDeg, "[deg]");
        header.addValue("HGLT_OBS", b0, "[deg]");
        header.addValue("CRLN_OBS", crln, "[deg]");
        header.addValue("CRLT_OBS", b0, "[deg]");
        header.addValue("RSUN_OBS", Math.toDegrees(Math.asin(RADIUS_M / distance)) * 3600, "[arcsec]");
        header.addValue("RSUN_REF", RADIUS_M, "[m]");
        header.addValue("ORIGIN", "medoc synthetic", "synthetic data made by medoc, not an observation");
        header.addValue("SYNSEED", seed, "random seed of the synthetic Sun");
        header.insertComment("Synthetic image of medoc's SyntheticSun (features in Carrington coordinates,");
        header.insertComment("Howard differential rotation); not a real observation.");
        Files.createDirectories(directory);
        return FitsFiles.writeWithChecksum(directory.resolve(name), hdu);
    }

    private static double greatCircleDeg(double lon1, double lat1, double lon2, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon1 - lon2);
        double a = Math.sin((p2 - p1) / 2);
        double b = Math.sin(dl / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(a * a + Math.cos(p1) * Math.cos(p2) * b * b))));
    }
}
