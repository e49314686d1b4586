package org.medoc.archive.bench;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.Compression;
import nom.tam.fits.header.Standard;
import nom.tam.fits.compression.algorithm.rice.RiceCompressOption;
import nom.tam.image.compression.hdu.CompressedImageHDU;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Files shaped like SDO/AIA level-1 files as JSOC exports them: an empty primary HDU and a RICE_1 tile-compressed
 * int16 image of {@code side}² pixels in row tiles (ZTILE2 = 1), with CHECKSUM/DATASUM on both HDUs and the header
 * of the real AIA 171 Å file in testdata/ ({@code aia_171_cutout.fits}), its geometry moved to the full frame.
 * <p>
 * The pixels are a limb-brightened disc of radius R_SUN over a corona falling as r⁻⁶ (as the EUV corona roughly does),
 * with Poisson-like noise (Gaussian of variance equal to the counts): RICE then compresses 4096² pixels to about
 * 12.5 MB, as it does real 171 Å images.
 */
public final class AiaLikeFiles {

    private static final Set<String> STRUCTURAL = Set.of("SIMPLE", "XTENSION", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2",
            "PCOUNT", "GCOUNT", "EXTEND", "TFIELDS", "TTYPE1", "TFORM1", "CHECKSUM", "DATASUM", "END", "BSCALE", "BZERO",
            "ZIMAGE", "ZSIMPLE", "ZBITPIX", "ZNAXIS", "ZNAXIS1", "ZNAXIS2", "ZTILE1", "ZTILE2", "ZCMPTYPE", "ZNAME1",
            "ZVAL1", "ZNAME2", "ZVAL2", "ZTENSION", "ZPCOUNT", "ZGCOUNT", "ZQUANTIZ", "ZHECKSUM", "ZDATASUM", "ZEXTEND",
            "EXTNAME");
    private static final int[] CHANNELS = {94, 131, 171, 193, 211, 335};
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Header template;
    private final int side;

    /** @param realAiaFile a real AIA level-1 file whose header is the model (its first tile-compressed image HDU) */
    public AiaLikeFiles(Path realAiaFile, int side) throws IOException {
        this.side = side;
        try (Fits fits = new Fits(realAiaFile.toFile())) {
            Header found = null;
            for (BasicHDU<?> hdu : fits.read()) {
                if (hdu instanceof CompressedImageHDU compressed) {
                    found = compressed.getImageHeader();
                    break;
                }
            }
            if (found == null) {
                throw new IOException(realAiaFile + " has no tile-compressed image");
            }
            this.template = found;
        } catch (FitsException e) {
            throw new IOException(e);
        }
    }

    /** Writes file number {@code index} (time and channel from the index, noise from the seed). */
    public Path write(Path directory, int index, Instant start, long seed) throws IOException {
        Instant time = start.plusSeconds(12L * index);
        int channel = CHANNELS[index % CHANNELS.length];
        String name = "aia.lev1_euv_12s." + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC).format(time) + "." + channel + ".image_lev1.fits";
        Path file = directory.resolve(name);
        Path part = directory.resolve(name + ".part");
        try (Fits fits = new Fits()) {
            NullDataHDU primary = new NullDataHDU();
            primary.setChecksum();
            fits.addHDU(primary);
            ImageHDU image = (ImageHDU) Fits.makeHDU(pixels(seed + index));
            Header h = image.getHeader();
            h.deleteKey(Standard.SIMPLE);
            h.deleteKey(Standard.EXTEND);
            h.addValue(Standard.XTENSION, Standard.XTENSION_IMAGE);
            copyKeywords(h, time, channel);
            CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(image, side, 1);
            compressed.setCompressAlgorithm(Compression.ZCMPTYPE_RICE_1);
            // two bytes per pixel, as JSOC writes them (nom-tam-fits would code 16-bit pixels as 32-bit ones)
            compressed.getCompressOption(RiceCompressOption.class).setBytePix(2);
            compressed.compress();
            compressed.setChecksum();
            fits.addHDU(compressed);
            fits.write(part.toFile());
        } catch (FitsException e) {
            throw new IOException("cannot write " + name + ": " + e.getMessage(), e);
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private void copyKeywords(Header h, Instant time, int channel) throws FitsException {
        Iterator<HeaderCard> cards = template.iterator();
        double scale = side / 4096.0;
        while (cards.hasNext()) {
            HeaderCard card = cards.next();
            String key = card.getKey();
            if (key == null || key.isBlank() || STRUCTURAL.contains(key)) {
                continue;
            }
            if (key.equals("COMMENT") || key.equals("HISTORY")) {
                h.addLine(card.copy());
                continue;
            }
            h.addLine(card.copy());
        }
        h.addValue("DATE-OBS", ISO.format(time), "[ISO] Date when observation started");
        h.addValue("T_OBS", ISO.format(time.plusSeconds(1)), "[ISO] Observation time");
        h.addValue("T_REC", ISO.format(time), "[ISO] Slotted observation time");
        h.addValue("WAVELNTH", channel, "[angstrom] Wavelength");
        h.addValue("CRPIX1", side / 2.0 + 0.5, "[pixel] location of sun center in CCD x direction");
        h.addValue("CRPIX2", side / 2.0 + 0.5, "[pixel] location of sun center in CCD y direction");
        h.addValue("CDELT1", 0.6 / scale, "[arcsec/pixel] image scale in the x direction");
        h.addValue("CDELT2", 0.6 / scale, "[arcsec/pixel] image scale in the y direction");
        h.addValue("R_SUN", 1600.0 * scale, "[pixel] Radius of the Sun in pixels on the CCD");
        h.addValue("TOTVALS", (long) side * side, "Expected number of data values (pixels)");
    }

    /** Limb-brightened disc, r⁻⁶ corona, Poisson-like noise; counts of a 171 Å image (hundreds on the disc). */
    short[][] pixels(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        short[][] rows = new short[side][side];
        double centre = side / 2.0;
        double radius = 1600.0 * side / 4096.0;
        for (int y = 0; y < side; y++) {
            short[] row = rows[y];
            for (int x = 0; x < side; x++) {
                double r = Math.hypot(x - centre, y - centre) / radius;
                double mean;
                if (r < 1) {
                    mean = 110 + 200 * (1 - Math.sqrt(1 - r * r)) * r; // brighter towards the limb
                } else {
                    mean = 500 * Math.pow(r, -6) + 3;
                }
                double value = mean + Math.sqrt(mean) * gaussian(random);
                row[x] = (short) Math.max(0, Math.min(16383, Math.round(value)));
            }
        }
        return rows;
    }

    /** A standard normal deviate (sum of 4 uniforms, rescaled: enough for test pixels and 4× faster than Box–Muller). */
    private static double gaussian(SplittableRandom random) {
        double s = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble();
        return (s - 2) * Math.sqrt(3);
    }
}
