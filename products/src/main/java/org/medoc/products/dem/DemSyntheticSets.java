package org.medoc.products.dem;

import org.medoc.archive.fits.FitsFiles;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Synthetic, physically shaped AIA level-1.5-like six-channel sets made from known Gaussian-DEM parameter maps through
 * the forward model ({@link GaussianDemModel}) with the AIA noise model ({@link AiaNoiseModel}, random terms: photon,
 * dark, read, quantisation and compression noise drawn as Gaussians), written as FITS files with AIA-like headers
 * (TELESCOP 'SDO/AIA', INSTRUME 'AIA_n', WAVELNTH, DATE-OBS, T_OBS, EXPTIME, BUNIT 'DN', helioprojective WCS,
 * RSUN_OBS, DSUN_OBS, CHECKSUM/DATASUM) so that they ingest into the archive as AIA observations.
 *
 * <p>The scenes: quiet Sun (log Tc ≈ 6.15–6.25, σ ≈ 0.12–0.2, EM ≈ 3–8·10²⁶ cm⁻⁵ with a network pattern), an active
 * region (core log Tc ≈ 6.5, σ ≈ 0.25, EM up to ~3·10²⁸), a coronal hole (log Tc ≈ 5.95–6.05, narrow, EM ≈ 5·10²⁵) and
 * an off-limb corona (EM falling with a 0.1 R☉ scale height, log Tc ≈ 6.2), or the whole disc with all of them. The
 * values follow the usual AIA DEM literature ranges (e.g. Guennou et al. 2012; Hannah &amp; Kontar 2012) and are
 * meant to look like the Sun, not to reproduce a given day. Every file says it is synthetic ({@code ORIGIN}).
 *
 * <p>Intensities are per original 0.6″ pixel (the mean of the n = (4096/size)² pixels a coarser image stands for,
 * as in JSOC's synoptic files), and the noise is that of such a mean. Deterministic for a given seed.
 */
public final class DemSyntheticSets {

    /** What the field of view shows. */
    public enum Scene { QUIET_SUN, ACTIVE_REGION, CORONAL_HOLE, OFF_LIMB, FULL_DISC }

    /** The written files (in {@link AiaChannel} order) and the true parameter maps, row-major {@code [y·size + x]}. */
    public record SyntheticSet(List<Path> files, int size, float[] logTemperature, float[] widthDex,
                               float[] emissionMeasure, int pixelsAveraged) {
    }

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final double SUN_RADIUS_M = 6.96e8;
    private static final double AU_M = 1.495978707e11;
    private static final double NATIVE_ARCSEC = 0.6;

    private final DemGrid grid;
    private final double[][] nodeResponses;

    public DemSyntheticSets() {
        // truth stays inside the fit grid so that recovery is testable; responses are interpolated between its nodes
        this.grid = DemGrid.standard();
        this.nodeResponses = NodeResponses.TABLE;
    }

    /** K_b at the standard grid's nodes, computed once. */
    private static final class NodeResponses {
        static final double[][] TABLE = nodeResponseTable();
    }

    /**
     * Outside the holder class on purpose: the parallel workers run this class's lambda, and a lambda of the holder
     * would wait for the holder's initialisation, which waits for them.
     */
    private static double[][] nodeResponseTable() {
        GaussianDemModel model = GaussianDemModel.standard();
        DemGrid grid = DemGrid.standard();
        double[][] table = new double[grid.nodeCount()][];
        IntStream.range(0, table.length).parallel().forEach(node -> table[node] = model.responsePerEmissionMeasure(
                grid.logT(node % grid.logTCount()), grid.width(node / grid.logTCount())));
        return table;
    }

    /** Exposure times [s] of a standard AIA synoptic sequence: 2.9 s for 94/131/335, 2.0 s for 171/193/211. */
    public static double exposureSeconds(AiaChannel channel) {
        return switch (channel) {
            case A94, A131, A335 -> 2.9;
            case A171, A193, A211 -> 2.0;
        };
    }

    /**
     * Writes one six-channel set of {@code size × size} pixels covering the field of view of the scene, the channels'
     * DATE-OBS spread over 12 s after {@code referenceTime}.
     *
     * @param noise draw photon, read, dark, quantisation and compression noise (false: exact model intensities)
     */
    public SyntheticSet write(Scene scene, int size, Instant referenceTime, long seed, boolean noise, Path directory)
            throws IOException {
        if (size < 8 || size > 8192) {
            throw new IllegalArgumentException("size must be between 8 and 8192 pixels, got " + size);
        }
        Files.createDirectories(directory);
        int n = size * size;
        float[] logT = new float[n];
        float[] width = new float[n];
        float[] em = new float[n];
        double rsunArcsec = rsunArcsec(referenceTime);
        double arcsecPerPixel = Math.max(NATIVE_ARCSEC, fieldOfViewArcsec(scene, rsunArcsec) / size);
        int pixelsAveraged = (int) Math.max(1, Math.round(Math.pow(arcsecPerPixel / NATIVE_ARCSEC, 2)));
        double[] centre = sceneCentreArcsec(scene, rsunArcsec);
        IntStream.range(0, size).parallel().forEach(y -> {
            for (int x = 0; x < size; x++) {
                double xArcsec = centre[0] + (x - (size - 1) / 2.0) * arcsecPerPixel;
                double yArcsec = centre[1] + (y - (size - 1) / 2.0) * arcsecPerPixel;
                double[] truth = truth(scene, xArcsec / rsunArcsec, yArcsec / rsunArcsec);
                int i = y * size + x;
                logT[i] = (float) truth[0];
                width[i] = (float) truth[1];
                em[i] = (float) truth[2];
            }
        });
        List<Path> files = new ArrayList<>();
        AiaNoiseModel random = AiaNoiseModel.randomOnly();
        for (AiaChannel channel : AiaChannel.values()) {
            double exposure = exposureSeconds(channel);
            float[][] counts = new float[size][size];
            IntStream.range(0, size).parallel().forEach(y -> {
                SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + channel.ordinal() * 100_003L + y);
                for (int x = 0; x < size; x++) {
                    int i = y * size + x;
                    double rate = em[i] * response(channel, logT[i], width[i]);
                    double c = rate * exposure;
                    if (noise) {
                        c += Math.sqrt(random.countsVariance(channel, c, pixelsAveraged)) * rng.nextGaussian();
                    }
                    counts[y][x] = (float) c;
                }
            });
            Instant time = referenceTime.plusSeconds(2L * channel.ordinal());
            files.add(writeChannel(directory, channel, time, exposure, counts, arcsecPerPixel, centre, rsunArcsec,
                    scene, seed, noise));
        }
        return new SyntheticSet(List.copyOf(files), size, logT, width, em, pixelsAveraged);
    }

    /** Bilinear interpolation of K_b between the grid nodes (exact at the nodes). */
    double response(AiaChannel channel, double logT, double width) {
        double u = (logT - grid.logTMin()) / grid.logTStep();
        double v = (width - grid.widthMin()) / grid.widthStep();
        int i = (int) Math.max(0, Math.min(grid.logTCount() - 2, Math.floor(u)));
        int j = (int) Math.max(0, Math.min(grid.widthCount() - 2, Math.floor(v)));
        double fu = Math.max(0, Math.min(1, u - i));
        double fv = Math.max(0, Math.min(1, v - j));
        int b = channel.ordinal();
        return (1 - fu) * (1 - fv) * nodeResponses[grid.node(i, j)][b] + fu * (1 - fv) * nodeResponses[grid.node(i + 1, j)][b]
                + (1 - fu) * fv * nodeResponses[grid.node(i, j + 1)][b] + fu * fv * nodeResponses[grid.node(i + 1, j + 1)][b];
    }

    /** Width of the field of view: the whole Sun with its corona (AIA's 2458″), or a window on one feature. */
    private static double fieldOfViewArcsec(Scene scene, double rsun) {
        return switch (scene) {
            case FULL_DISC -> NATIVE_ARCSEC * 4096;
            case ACTIVE_REGION -> 0.25 * rsun;
            case QUIET_SUN -> 0.5 * rsun;
            case CORONAL_HOLE -> 0.4 * rsun;
            case OFF_LIMB -> 0.4 * rsun;
        };
    }

    private static double[] sceneCentreArcsec(Scene scene, double rsun) {
        return switch (scene) {
            case QUIET_SUN -> new double[] {-0.30 * rsun, -0.10 * rsun};
            case ACTIVE_REGION -> new double[] {0.25 * rsun, 0.15 * rsun};
            case CORONAL_HOLE -> new double[] {0.05 * rsun, 0.70 * rsun};
            case OFF_LIMB -> new double[] {1.10 * rsun, 0.0};
            case FULL_DISC -> new double[] {0, 0};
        };
    }

    /**
     * True (log Tc, σ, EM) at a position in solar radii from disc centre. One Sun for all scenes, so that every scene
     * is a window on the same synthetic corona.
     */
    static double[] truth(Scene scene, double x, double y) {
        double r = Math.hypot(x, y);
        // quiet Sun with a supergranular network pattern
        double network = 0.5 + 0.25 * Math.sin(23 * x + 3 * Math.sin(17 * y)) * Math.sin(19 * y + 2 * Math.cos(13 * x));
        double logT = 6.18 + 0.05 * (network - 0.5);
        double width = 0.15 + 0.06 * (network - 0.5);
        double em = 5e26 * (0.7 + 0.6 * network);
        // active regions: hot, broad, bright cores with a cooler halo
        double[][] regions = {{0.25, 0.15, 0.06, 1.0}, {-0.35, -0.2, 0.05, 0.5}, {0.1, -0.45, 0.04, 0.3}};
        for (double[] region : regions) {
            double d2 = ((x - region[0]) * (x - region[0]) + (y - region[1]) * (y - region[1])) / (region[2] * region[2]);
            double core = Math.exp(-d2);
            double loops = 1 + 0.3 * Math.sin(40 * (x - region[0]) + 25 * (y - region[1]));
            em += 3e28 * region[3] * core * loops + 2e27 * region[3] * Math.exp(-d2 / 4);
            double weight = core / (core + 0.05);
            logT = logT * (1 - weight) + (6.50 + 0.05 * region[3]) * weight;
            width = width * (1 - weight) + 0.25 * weight;
        }
        // coronal hole: cool, narrow, faint
        double hole = Math.exp(-((x - 0.05) * (x - 0.05) + (y - 0.7) * (y - 0.7)) / 0.04);
        if (r <= 1) {
            em *= 1 - 0.9 * hole;
            logT = logT * (1 - hole) + (5.98 + 0.04 * network) * hole;
            width = width * (1 - hole) + 0.08 * hole;
        } else {
            // off-limb: hydrostatic-like fall-off of the line-of-sight EM, slightly hotter, narrower
            double height = r - 1;
            em = em * 2.0 * Math.exp(-height / 0.1) + 1e24;
            logT = 6.2 + 0.03 * Math.sin(8 * Math.atan2(y, x));
            width = 0.1;
        }
        logT = Math.max(5.6, Math.min(7.3, logT));
        width = Math.max(0.02, Math.min(0.6, width));
        return new double[] {logT, width, em};
    }

    private Path writeChannel(Path directory, AiaChannel channel, Instant time, double exposure, float[][] counts,
                              double arcsecPerPixel, double[] centre, double rsunArcsec, Scene scene, long seed,
                              boolean noise) throws IOException {
        int size = counts.length;
        BasicHDU<?> hdu;
        try {
            hdu = Fits.makeHDU(counts);
        } catch (FitsException e) {
            throw new IOException(e);
        }
        Header header = hdu.getHeader();
        header.addValue("TELESCOP", "SDO/AIA", "");
        header.addValue("INSTRUME", "AIA_" + channel.camera(), "AIA camera");
        header.addValue("DETECTOR", "AIA", "");
        header.addValue("WAVELNTH", channel.wavelengthAngstrom(), "[angstrom] nominal wavelength");
        header.addValue("WAVEUNIT", "angstrom", "");
        header.addValue("DATE-OBS", ISO_MILLIS.format(time), "[UTC] start of exposure");
        header.addValue("T_OBS", ISO_MILLIS.format(time.plusMillis((long) (exposure * 500))) + "Z", "[UTC] mid-exposure");
        header.addValue("EXPTIME", exposure, "[s] exposure time");
        header.addValue("LVL_NUM", 1.5, "data level");
        header.addValue("BUNIT", "DN", "mean DN per 0.6 arcsec pixel");
        header.addValue("CTYPE1", "HPLN-TAN", "");
        header.addValue("CTYPE2", "HPLT-TAN", "");
        header.addValue("CUNIT1", "arcsec", "");
        header.addValue("CUNIT2", "arcsec", "");
        header.addValue("CRPIX1", (size + 1) / 2.0, "");
        header.addValue("CRPIX2", (size + 1) / 2.0, "");
        header.addValue("CRVAL1", centre[0], "[arcsec]");
        header.addValue("CRVAL2", centre[1], "[arcsec]");
        header.addValue("CDELT1", arcsecPerPixel, "[arcsec/pixel]");
        header.addValue("CDELT2", arcsecPerPixel, "[arcsec/pixel]");
        header.addValue("CROTA2", 0.0, "[deg]");
        double dayOfYear = time.atOffset(ZoneOffset.UTC).getDayOfYear();
        double b0 = 7.25 * Math.sin(2 * Math.PI * (dayOfYear - 158) / 365.25);
        header.addValue("DSUN_OBS", earthSunDistance(time), "[m]");
        header.addValue("HGLN_OBS", 0.0, "[deg]");
        header.addValue("HGLT_OBS", b0, "[deg]");
        header.addValue("CRLN_OBS", (360 - (time.getEpochSecond() / 86400.0 % 27.2753) / 27.2753 * 360) % 360, "[deg]");
        header.addValue("CRLT_OBS", b0, "[deg]");
        header.addValue("RSUN_OBS", rsunArcsec, "[arcsec]");
        header.addValue("RSUN_REF", SUN_RADIUS_M, "[m]");
        header.addValue("ORIGIN", "medoc synthetic", "synthetic data made by medoc, not an observation");
        header.addValue("SYNSCENE", scene.name(), "synthetic scene");
        header.addValue("SYNSEED", seed, "random seed");
        header.addValue("SYNNOISE", noise, "noise drawn from the AIA noise model");
        header.insertComment("Synthetic AIA level-1.5-like image made by medoc DemSyntheticSets from known Gaussian-DEM");
        header.insertComment("maps through the AIA temperature responses; not a real observation.");
        Path file = directory.resolve("aia.lev1_5_euv_12s." + COMPACT.format(time) + "Z." + channel.wavelengthAngstrom()
                + ".image_lev1_5.fits");
        return FitsFiles.writeWithChecksum(file, hdu);
    }

    private static double earthSunDistance(Instant time) {
        double dayOfYear = time.atOffset(ZoneOffset.UTC).getDayOfYear();
        return AU_M * (1 - 0.01671 * Math.cos(2 * Math.PI * (dayOfYear - 4) / 365.256));
    }

    private static double rsunArcsec(Instant time) {
        return Math.toDegrees(Math.asin(SUN_RADIUS_M / earthSunDistance(time))) * 3600;
    }
}
