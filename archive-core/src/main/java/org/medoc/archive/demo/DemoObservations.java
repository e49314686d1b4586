package org.medoc.archive.demo;

import org.medoc.archive.fits.FitsFiles;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic but physically shaped observations for the demo archive, written as real FITS files (with CHECKSUM and
 * DATASUM) with the header conventions of the instruments they imitate: AIA six-channel EUV sets, an EIT 195 Å
 * image, an HMI SHARP-like radial-field patch and a SPICE-like L2 raster. Every file says in its header that it is
 * synthetic ({@code ORIGIN = 'medoc demo'}), so nobody mistakes it for an observation.
 *
 * <p>The Sun is modelled as a disc with EUV limb brightening and an exponential off-limb corona, active regions as
 * Gaussian brightenings whose contrast grows with the channel's characteristic temperature, and a coronal hole as a
 * dark patch; noise is photon-like (variance proportional to the signal). Deterministic for a given seed.
 */
public final class DemoObservations {

    /** AIA EUV channels (Å) with quiet-Sun count rates (DN/s/pixel at full resolution) and active-region contrast. */
    private static final double[][] AIA_CHANNELS = {
            {94, 1.5, 25}, {131, 8, 12}, {171, 350, 3}, {193, 500, 4}, {211, 150, 6}, {335, 6, 15}};
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    /** SPICE short-term planning periods are numbered weekly from STP122 = 2020-11-16 (PLANNING.md). */
    private static final LocalDate STP122_START = LocalDate.of(2020, 11, 16);
    private static final double SUN_RADIUS_M = 6.957e8;
    private static final double AU_M = 1.495978707e11;

    private final int size;
    private final long seed;

    /** @param size image side in pixels (AIA full resolution is 4096; the demo uses a few hundred) */
    public DemoObservations(int size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    /** Writes the demo set for observations starting at {@code start} into {@code directory}; returns the files. */
    public List<Path> write(Path directory, Instant start, int aiaSets) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (int set = 0; set < aiaSets; set++) {
            Instant reference = start.plus(Duration.ofMinutes(30L * set));
            for (int channel = 0; channel < AIA_CHANNELS.length; channel++) {
                files.add(aia(directory, reference.plusSeconds(2L * channel), channel, set));
            }
        }
        files.add(eit(directory, start.plus(Duration.ofMinutes(13))));
        files.add(sharp(directory, start.plus(Duration.ofMinutes(12))));
        files.add(spice(directory, start.plus(Duration.ofMinutes(5))));
        return files;
    }

    private Path aia(Path directory, Instant time, int channel, int set) throws IOException {
        double wavelength = AIA_CHANNELS[channel][0];
        double quietRate = AIA_CHANNELS[channel][1];
        double contrast = AIA_CHANNELS[channel][2];
        double exposure = wavelength == 94 || wavelength == 131 || wavelength == 335 ? 2.9 : 2.0;
        double arcsecPerPixel = 0.6 * 4096.0 / size;
        double rsunArcsec = rsunArcsec(time);
        float[][] image = corona(new Random(seed + set * 31L + channel), quietRate * exposure * Math.pow(4096.0 / size, 2),
                contrast, rsunArcsec / arcsecPerPixel, wavelength == 171 ? 0.6 : 1.0);
        BasicHDU<?> hdu = imageHdu(image);
        Header header = hdu.getHeader();
        header.addValue("TELESCOP", "SDO/AIA", "");
        header.addValue("INSTRUME", "AIA_" + (1 + channel % 4), "");
        header.addValue("DETECTOR", "AIA", "");
        header.addValue("WAVELNTH", (int) wavelength, "[angstrom] nominal wavelength");
        header.addValue("WAVEUNIT", "angstrom", "");
        header.addValue("DATE-OBS", ISO_MILLIS.format(time), "[UTC] start of exposure");
        header.addValue("T_OBS", ISO_MILLIS.format(time.plusMillis((long) (exposure * 500))) + "Z", "[UTC] mid-exposure");
        header.addValue("EXPTIME", exposure, "[s] exposure time");
        header.addValue("LVL_NUM", 1.5, "data level");
        header.addValue("BUNIT", "DN", "");
        solarWcs(header, arcsecPerPixel, time, rsunArcsec);
        provenance(header);
        String name = "aia.lev1_5_euv_12s." + COMPACT.format(time) + "Z." + (int) wavelength + ".image_lev1_5.fits";
        return write(directory.resolve(name), hdu);
    }

    private Path eit(Path directory, Instant time) throws IOException {
        double arcsecPerPixel = 2.63 * 1024.0 / size;
        double rsunArcsec = rsunArcsec(time) * 1.01;
        float[][] image = corona(new Random(seed + 777), 40, 4, rsunArcsec / arcsecPerPixel, 1.0);
        BasicHDU<?> hdu = imageHdu(image);
        Header header = hdu.getHeader();
        header.addValue("TELESCOP", "SOHO", "");
        header.addValue("INSTRUME", "EIT", "");
        header.addValue("WAVELNTH", 195, "[angstrom]");
        header.addValue("DATE_OBS", ISO_MILLIS.format(time) + "Z", "");
        header.addValue("EXPTIME", 12.6, "[s]");
        header.addValue("BUNIT", "counts", "");
        solarWcs(header, arcsecPerPixel, time, rsunArcsec);
        provenance(header);
        return write(directory.resolve("efz" + COMPACT.format(time).replace("T", ".") + "_demo.fits"), hdu);
    }

    /** A bipolar radial-field patch on a CEA grid, stored as SHARP does: 32-bit integers with BSCALE 0.01 G. */
    private Path sharp(Path directory, Instant time) throws IOException {
        int width = size;
        int height = size / 2;
        int[][] raw = new int[height][width];
        Random random = new Random(seed + 4242);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx1 = (x - 0.35 * width) / (0.08 * width);
                double dx2 = (x - 0.65 * width) / (0.08 * width);
                double dy = (y - 0.5 * height) / (0.12 * height);
                double gauss = 2200 * Math.exp(-(dx1 * dx1 + dy * dy)) - 1800 * Math.exp(-(dx2 * dx2 + dy * dy));
                raw[y][x] = (int) Math.round((gauss + random.nextGaussian() * 8) * 100);
            }
        }
        BasicHDU<?> hdu = imageHdu(raw);
        Header header = hdu.getHeader();
        header.addValue("BSCALE", 0.01, "");
        header.addValue("BZERO", 0.0, "");
        header.addValue("TELESCOP", "SDO/HMI", "");
        header.addValue("INSTRUME", "HMI_SIDE1", "");
        header.addValue("WAVELNTH", 6173.0, "[angstrom]");
        header.addValue("DATE-OBS", ISO_MILLIS.format(time), "[UTC]");
        header.addValue("T_REC", DateTimeFormatter.ofPattern("yyyy.MM.dd_HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(time.truncatedTo(ChronoUnit.MINUTES).plusSeconds(37)) + "_TAI", "[TAI]");
        header.addValue("HARPNUM", 9001, "HARP number (synthetic)");
        header.addValue("NOAA_ARS", "14001", "");
        header.addValue("BUNIT", "Mx/cm^2", "");
        axes(header, "CRLN-CEA", "CRLT-CEA", "degree", width, height, 180.0, -15.0, 0.03, 0.03);
        header.addValue("CROTA2", 0.0, "");
        observer(header, time, rsunArcsec(time));
        provenance(header);
        return write(directory.resolve("hmi.sharp_cea_720s.9001." + COMPACT.format(time).replace("T", "_") + "_TAI.Br.fits"), hdu);
    }

    /** A small SPICE-like L2 raster: one window of (x, y, λ, t) with a Gaussian line profile. */
    private Path spice(Path directory, Instant start) throws IOException {
        int rasterPositions = 16;
        int rows = Math.max(32, size / 4);
        int spectralPixels = 24;
        double exposure = 60;
        float[][][][] cube = new float[1][spectralPixels][rows][rasterPositions];
        Random random = new Random(seed + 99);
        for (int l = 0; l < spectralPixels; l++) {
            double profile = Math.exp(-Math.pow((l - spectralPixels / 2.0) / 2.5, 2));
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < rasterPositions; x++) {
                    double brightness = 20 + 180 * profile * (1 + 0.5 * Math.sin(y / 6.0 + x / 3.0));
                    cube[0][l][y][x] = (float) Math.max(0, brightness + random.nextGaussian() * Math.sqrt(brightness));
                }
            }
        }
        Instant end = start.plusSeconds((long) (rasterPositions * exposure));
        long spiobsid = 100_000_000L + (seed % 1000);
        long stp = 122 + ChronoUnit.DAYS.between(STP122_START, start.atOffset(ZoneOffset.UTC).toLocalDate()) / 7;
        BasicHDU<?> hdu = imageHdu(cube);
        Header header = hdu.getHeader();
        header.addValue("TELESCOP", "SOLO/SPICE/SW", "");
        header.addValue("INSTRUME", "SPICE", "");
        header.addValue("DETECTOR", "SW", "");
        header.addValue("OBSRVTRY", "Solar Orbiter", "");
        header.addValue("EXTNAME", "O VI 1032 - SH - Comp 4", "");
        header.addValue("LEVEL", "L2", "Data processing level");
        header.addValue("DATE-BEG", ISO_MILLIS.format(start), "[UTC] Beginning of data acquisition");
        header.addValue("DATE-OBS", ISO_MILLIS.format(start), "[UTC] Equals DATE-BEG");
        header.addValue("DATE-END", ISO_MILLIS.format(end), "[UTC] End of data acquisition");
        header.addValue("XPOSURE", exposure, "[s] Total effective exposure time");
        header.addValue("SPIOBSID", spiobsid, "SPICE Observation ID");
        header.addValue("RASTERNO", 0, "Raster number (starting at 0)");
        header.addValue("STUDYTYP", "Raster", "Sit-and-stare, Raster or Single Exposure");
        header.addValue("STUDY_ID", 41, "On-board Study ID slot (0-63)");
        header.addValue("MISOSTUD", 2091, "MISO Study ID");
        header.addValue("STUDY", "SCI_SYNOPTIC_SC_SL04_60.0S_FF", "Study acronym");
        header.addValue("SOOPNAME", "L_FULL_HRES_HCAD_Coronal-Dynamics", "");
        header.addValue("STP", stp, "Short-term planning period");
        header.addValue("WAVEUNIT", -9, "Power of 10 by which the metre is multiplied");
        header.addValue("WAVEMIN", 103.05, "[nm] Left edge of window");
        header.addValue("WAVEMAX", 103.35, "[nm] Right edge of window");
        header.addValue("BUNIT", "W/m2/sr/nm", "");
        // x steps by the 4" slit width, y by the detector's 1.098" pixels
        axes(header, "HPLN-TAN", "HPLT-TAN", "arcsec", rasterPositions, rows, -250.0, 310.0, 4.0, 1.098);
        header.addValue("CTYPE3", "WAVE", "");
        header.addValue("CTYPE4", "UTC", "");
        header.addValue("CUNIT3", "nm", "");
        header.addValue("CUNIT4", "s", "");
        header.addValue("CRVAL3", 103.2, "[nm]");
        header.addValue("CDELT3", 0.0097, "[nm]");
        header.addValue("CROTA", 0.0, "[deg]");
        double dsun = 0.42 * AU_M;
        header.addValue("DSUN_OBS", dsun, "[m] S/C distance from Sun");
        header.addValue("DSUN_AU", dsun / AU_M, "[AU]");
        header.addValue("HGLN_OBS", 23.5, "[deg]");
        header.addValue("HGLT_OBS", 3.1, "[deg]");
        header.addValue("RSUN_ARC", Math.toDegrees(Math.asin(SUN_RADIUS_M / dsun)) * 3600, "[arcsec]");
        provenance(header);
        String name = "solo_L2_spice-n-ras_" + COMPACT.format(start) + "_V01_" + spiobsid + "-000.fits";
        return write(directory.resolve(name), hdu);
    }

    /** Disc with limb brightening, exponential off-limb corona, three active regions and a coronal hole. */
    private float[][] corona(Random random, double quietCounts, double activeContrast, double radiusPixels, double limbBrightening) {
        float[][] image = new float[size][size];
        double centre = (size - 1) / 2.0;
        double[][] regions = {{0.25, 0.15, 0.06}, {-0.35, -0.2, 0.05}, {0.1, -0.45, 0.04}};
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - centre) / radiusPixels;
                double dy = (y - centre) / radiusPixels;
                double r = Math.hypot(dx, dy);
                double signal;
                if (r <= 1) {
                    signal = quietCounts * (1 + limbBrightening * 0.4 * Math.pow(r, 8));
                } else {
                    signal = quietCounts * (1 + limbBrightening * 0.4) * Math.exp(-(r - 1) / 0.08);
                }
                for (double[] region : regions) {
                    double d2 = (Math.pow(dx - region[0], 2) + Math.pow(dy - region[1], 2)) / (region[2] * region[2]);
                    signal += quietCounts * activeContrast * Math.exp(-d2);
                }
                double hole = (Math.pow(dx - 0.05, 2) + Math.pow(dy - 0.7, 2)) / 0.04;
                if (r <= 1) {
                    signal *= 1 - 0.8 * Math.exp(-hole);
                }
                double noisy = signal + random.nextGaussian() * Math.sqrt(Math.max(signal, 1)) + random.nextGaussian() * 1.2;
                image[y][x] = (float) Math.max(0, noisy);
            }
        }
        return image;
    }

    private static BasicHDU<?> imageHdu(Object data) throws IOException {
        try {
            return Fits.makeHDU(data);
        } catch (FitsException e) {
            throw new IOException(e);
        }
    }

    /** Full-disc helioprojective axes centred on the Sun. */
    private void solarWcs(Header header, double arcsecPerPixel, Instant time, double rsunArcsec) {
        axes(header, "HPLN-TAN", "HPLT-TAN", "arcsec", size, size, 0.0, 0.0, arcsecPerPixel, arcsecPerPixel);
        header.addValue("CROTA2", 0.0, "[deg]");
        observer(header, time, rsunArcsec);
    }

    /** The two spatial axes, with the reference pixel at the image centre. */
    private static void axes(Header header, String ctype1, String ctype2, String unit, int width, int height,
                             double crval1, double crval2, double cdelt1, double cdelt2) {
        header.addValue("CTYPE1", ctype1, "");
        header.addValue("CTYPE2", ctype2, "");
        header.addValue("CUNIT1", unit, "");
        header.addValue("CUNIT2", unit, "");
        header.addValue("CRPIX1", (width + 1) / 2.0, "");
        header.addValue("CRPIX2", (height + 1) / 2.0, "");
        header.addValue("CRVAL1", crval1, "[" + unit + "]");
        header.addValue("CRVAL2", crval2, "[" + unit + "]");
        header.addValue("CDELT1", cdelt1, "[" + unit + "/pixel]");
        header.addValue("CDELT2", cdelt2, "[" + unit + "/pixel]");
    }

    /** Earth-like observer: distance from the yearly ellipse, B0 from the solar equator's 7.25° tilt. */
    private static void observer(Header header, Instant time, double rsunArcsec) {
        double dayOfYear = time.atOffset(ZoneOffset.UTC).getDayOfYear();
        header.addValue("DSUN_OBS", earthSunDistance(time), "[m]");
        header.addValue("HGLN_OBS", 0.0, "[deg]");
        header.addValue("HGLT_OBS", 7.25 * Math.sin(2 * Math.PI * (dayOfYear - 158) / 365.25), "[deg]");
        header.addValue("CRLN_OBS", (360 - (time.getEpochSecond() / 86400.0 % 27.2753) / 27.2753 * 360) % 360, "[deg]");
        header.addValue("CRLT_OBS", 7.25 * Math.sin(2 * Math.PI * (dayOfYear - 158) / 365.25), "[deg]");
        header.addValue("RSUN_OBS", rsunArcsec, "[arcsec]");
        header.addValue("RSUN_REF", SUN_RADIUS_M, "[m]");
    }

    private static double earthSunDistance(Instant time) {
        double dayOfYear = time.atOffset(ZoneOffset.UTC).getDayOfYear();
        return AU_M * (1 - 0.01671 * Math.cos(2 * Math.PI * (dayOfYear - 4) / 365.256));
    }

    private static double rsunArcsec(Instant time) {
        return Math.toDegrees(Math.asin(SUN_RADIUS_M / earthSunDistance(time))) * 3600;
    }

    private static void provenance(Header header) {
        header.addValue("ORIGIN", "medoc demo", "synthetic data made by medoc, not an observation");
        header.insertComment("Synthetic demonstration data generated by medoc's DemoObservations; not a real observation.");
    }

    private static Path write(Path file, BasicHDU<?> hdu) throws IOException {
        return FitsFiles.writeWithChecksum(file, hdu);
    }
}
