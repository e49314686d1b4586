package org.medoc.archive.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medoc.archive.fits.TestFiles.SHARP;
import static org.medoc.archive.fits.TestFiles.real;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nom.tam.fits.Fits;

class FitsImageReaderTests {

    private static Path dir;

    @BeforeAll
    static void scratch() throws Exception {
        dir = TestFiles.scratch("reader");
    }

    /** Big-endian pixels read straight from the file at the data offset: truth independent of nom-tam-fits. */
    private static double[] rawDoubles(Path file, FitsHduInfo h, int n) throws Exception {
        try (InputStream in = Files.newInputStream(file); DataInputStream d = new DataInputStream(in)) {
            in.skipNBytes(h.dataOffset());
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (h.bitpix()) {
                    case -64 -> d.readDouble();
                    case -32 -> d.readFloat();
                    case 32 -> d.readInt();
                    case 16 -> d.readShort();
                    default -> throw new IllegalArgumentException("BITPIX " + h.bitpix());
                };
            }
            return v;
        }
    }

    @Test
    void aiaLevel1PixelsAreTheFloat64ValuesOfTheFile() throws Exception {
        Path file = real("aia_171_level1.fits");
        FitsInspection i = TestFiles.inspect(file);

        ImagePlane plane = FitsImageReader.readPlane(file, i, i.primaryImage(), FitsLimits.defaults());

        assertThat(plane.width()).isEqualTo(128);
        assertThat(plane.height()).isEqualTo(128);
        assertThat(plane.at(0, 0)).isEqualTo(-1.25f);
        assertThat(plane.at(64, 64)).isEqualTo(243.5f);
        double[] raw = rawDoubles(file, i.primaryImage(), 128 * 128);
        for (int k = 0; k < raw.length; k++) {
            assertThat(plane.values()[k]).isEqualTo((float) raw[k]);
        }
    }

    @Test
    void theBlankKeywordOfAFloatImageDoesNotTurnRealValuesIntoNaN() throws Exception {
        // aia_171_level1.fits carries BLANK = -32768 although it is BITPIX = -64: BLANK applies to integers only
        ImagePlane plane = TestFiles.readPrimaryImage(real("aia_171_level1.fits"));

        long nan = 0;
        for (float v : plane.values()) {
            nan += Float.isNaN(v) ? 1 : 0;
        }
        assertThat(nan).isZero();
    }

    @Test
    void sharpBrIsInGaussWithBscaleAppliedAndEqualsTheFunpackedFileReadIndependently() throws Exception {
        TestFiles.assumeTool("funpack");
        Path compressed = real(SHARP + "Br.fits");
        Path plain = dir.resolve("Br-funpacked.fits");
        Files.deleteIfExists(plain);
        TestFiles.run("funpack", "-O", plain.toString(), compressed.toString());

        ImagePlane plane = TestFiles.readPrimaryImage(compressed);
        FitsInspection unpacked = TestFiles.inspect(plain);
        FitsHduInfo image = unpacked.primaryImage();
        double[] raw = rawDoubles(plain, image, 744 * 377);

        assertThat(image.bitpix()).isEqualTo(32);
        assertThat(image.header().number("BSCALE")).isEqualTo(0.01);
        assertThat(plane.at(0, 0)).isCloseTo(-10.28f, within(1e-4f));
        assertThat(plane.at(372, 188)).isCloseTo(1374.03f, within(1e-3f));
        int nan = 0;
        for (int k = 0; k < raw.length; k++) {
            if (raw[k] == Integer.MIN_VALUE) { // BLANK
                assertThat(plane.values()[k]).isNaN();
                nan++;
            } else {
                assertThat(plane.values()[k]).isEqualTo((float) (raw[k] * 0.01));
            }
        }
        assertThat(nan).isLessThan(raw.length);
    }

    @Test
    void riceCompressedAiaCutoutDecodesExactlyAsFunpackDoes() throws Exception {
        TestFiles.assumeTool("funpack");
        Path compressed = real("aia_171_cutout.fits");
        Path plain = dir.resolve("cutout-funpacked.fits");
        Files.deleteIfExists(plain);
        TestFiles.run("funpack", "-O", plain.toString(), compressed.toString());

        ImagePlane ours = TestFiles.readPrimaryImage(compressed);
        FitsHduInfo image = TestFiles.inspect(plain).primaryImage();
        double[] raw = rawDoubles(plain, image, 769 * 705);
        double scale = image.header().number("BSCALE") == null ? 1 : image.header().number("BSCALE");
        double zero = image.header().number("BZERO") == null ? 0 : image.header().number("BZERO");
        Long blank = image.header().integer("BLANK");

        assertThat(ours.width()).isEqualTo(769);
        assertThat(ours.height()).isEqualTo(705);
        for (int k = 0; k < raw.length; k++) {
            if (blank != null && raw[k] == blank) {
                assertThat(ours.values()[k]).isNaN();
            } else {
                assertThat(ours.values()[k]).isEqualTo((float) (raw[k] * scale + zero));
            }
        }
    }

    @Test
    void aHeaderOnlyHduIsRefusedAsHavingNoImage() throws Exception {
        Path file = real("solo_L2_spice-n-sit_20200620T235901_V01_16777431-000.fits");
        FitsInspection i = TestFiles.inspect(file);

        FitsRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(FitsRejectedException.class,
                () -> FitsImageReader.readPlane(file, i, i.hdus().get(1), FitsLimits.defaults()));
        assertThat(e.reason()).isEqualTo("HDU 1 has no image to read");
    }

    @Test
    void aPlaneLargerThanTheDecodingLimitIsRefusedBeforeDecoding() throws Exception {
        Path file = real("aia_171_cutout.fits");
        FitsInspection i = TestFiles.inspect(file);

        FitsRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(FitsRejectedException.class,
                () -> FitsImageReader.readPlane(file, i, i.primaryImage(), new FitsLimits(1L << 30, 10_000, 500_000)));
        assertThat(e.reason()).isEqualTo("image plane of HDU 1 (769×705 pixels) exceeds the decoding limit of 500000"
                + " pixels");
    }

    @Test
    void damagedCompressedTilesBecomeARejectionNotALibraryException() throws Exception {
        byte[] b = Files.readAllBytes(real("aia_171_cutout.fits"));
        FitsHduInfo h = TestFiles.inspect(real("aia_171_cutout.fits")).hdus().get(1);
        // drop the checksums (they would catch the damage first), then scramble the Rice-coded tiles in the heap
        String text = new String(b, 0, (int) h.dataOffset(), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String key : new String[] {"CHECKSUM=", "DATASUM ="}) {
            int at = text.indexOf(key, (int) h.headerOffset());
            System.arraycopy("COMMENT  ".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, b, at, 9);
        }
        long heapStart = h.dataOffset() + h.naxis()[0] * h.naxis()[1]; // no THEAP: heap follows the table
        for (long k = heapStart; k < h.dataOffset() + h.dataSizeBytes(); k += 5) {
            b[(int) k] = (byte) (b[(int) k] * 31 + 17);
        }
        Path p = dir.resolve("scrambled-heap.fits");
        Files.write(p, b);
        FitsInspection i = FitsInspector.inspect(p, FitsLimits.defaults());

        FitsRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(FitsRejectedException.class,
                () -> FitsImageReader.readPlane(p, i, i.primaryImage(), FitsLimits.defaults()));
        assertThat(e.reason()).startsWith("unreadable image data in HDU 1: ");
    }

    // ---- compression variants that nom-tam-fits 1.21.2 decodes wrongly ----

    private static Path writePlain(String name, Object data) throws Exception {
        Path p = dir.resolve(name);
        Files.deleteIfExists(p);
        try (Fits f = new Fits()) {
            f.addHDU(Fits.makeHDU(data));
            f.write(p.toFile());
        }
        return p;
    }

    private static Path fpack(Path in, String name, String... options) throws Exception {
        Path out = dir.resolve(name);
        Files.deleteIfExists(out);
        String[] cmd = new String[options.length + 4];
        cmd[0] = "fpack";
        System.arraycopy(options, 0, cmd, 1, options.length);
        cmd[options.length + 1] = "-O";
        cmd[options.length + 2] = out.toString();
        cmd[options.length + 3] = in.toString();
        TestFiles.run(cmd);
        return out;
    }

    @Test
    void quantisedFloatRiceWithNullPixelsIsRefused() throws Exception {
        TestFiles.assumeTool("fpack");
        float[][] data = new float[64][80];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 80; x++) {
                data[y][x] = (x + y) % 9 == 0 ? Float.NaN : (float) Math.sin(x * 0.1) * 100 + y;
            }
        }
        Path packed = fpack(writePlain("float-nan.fits", data), "float-nan-rice.fits", "-r", "-q", "4");
        FitsInspection i = TestFiles.inspect(packed);
        FitsHduInfo h = i.primaryImage();
        assertThat(h.compressionType()).isEqualTo("RICE_1");
        assertThat(h.imageBitpix()).isEqualTo(-32);

        FitsRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(FitsRejectedException.class,
                () -> FitsImageReader.readPlane(packed, i, h, FitsLimits.defaults()));
        assertThat(e.reason()).startsWith("unsupported compression: quantised floating-point RICE_1 with null"
                + " pixels (ZBLANK)");
    }

    @Test
    void gzip1TilesCompressedBeyond64kBAreRefusedBecauseTheLibraryCorruptsThem() throws Exception {
        TestFiles.assumeTool("fpack");
        TestFiles.assumeTool("funpack");
        int[][] data = noise(128, 512, 11);
        Path packed = fpack(writePlain("int-noise.fits", data), "int-noise-gzip1.fits", "-g", "-t", "512,64");
        FitsInspection i = TestFiles.inspect(packed);
        FitsHduInfo h = i.primaryImage();
        assertThat(h.compressionType()).isEqualTo("GZIP_1");
        assertThat(FitsImageReader.largestCompressedTile(h.header())).isGreaterThan(65_536L);

        // the defect itself: cfitsio's funpack restores the pixels, nom-tam-fits 1.21.2 does not
        Path unpacked = dir.resolve("int-noise-funpacked.fits");
        Files.deleteIfExists(unpacked);
        TestFiles.run("funpack", "-O", unpacked.toString(), packed.toString());
        assertThat(java.util.Arrays.deepEquals(readPlainInts(unpacked), data)).as("funpack restores the pixels").isTrue();
        assertThat(java.util.Arrays.deepEquals(decodeWithTheLibraryAlone(packed), data)).as("nom-tam-fits alone restores them").isFalse();

        FitsRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(FitsRejectedException.class,
                () -> FitsImageReader.readPlane(packed, i, h, FitsLimits.defaults()));
        assertThat(e.reason()).startsWith("unsupported compression: GZIP_1 tiles larger than 64 kB (largest compressed tile ");
        assertThat(e.reason()).endsWith("are decoded wrongly by nom-tam-fits 1.21.2");
    }

    @Test
    void gzip1TilesThatCompressBelow64kBAreDecodedExactlyWhateverTheirSize() throws Exception {
        TestFiles.assumeTool("fpack");
        int[][] data = new int[128][512];
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 512; x++) {
                data[y][x] = (x / 32) * 1000 + y / 32; // flat blocks: gzip shrinks them a lot
            }
        }
        // one 256 kB tile that gzip shrinks well below 64 kB
        Path packed = fpack(writePlain("int-smooth.fits", data), "int-smooth-gzip1.fits", "-g", "-t", "512,128");
        assertThat(FitsImageReader.largestCompressedTile(TestFiles.inspect(packed).primaryImage().header())).isLessThan(65_536L);
        assertPlaneEquals(TestFiles.readPrimaryImage(packed), data);
    }

    @Test
    void gzip2TilesOfAnySizeAreDecodedExactly() throws Exception {
        TestFiles.assumeTool("fpack");
        int[][] data = noise(128, 512, 12);
        Path packed = fpack(writePlain("int-noise2.fits", data), "int-noise-gzip2.fits", "-g2", "-t", "512,128");
        assertThat(TestFiles.inspect(packed).primaryImage().compressionType()).isEqualTo("GZIP_2");
        assertPlaneEquals(TestFiles.readPrimaryImage(packed), data);
    }

    /** Noisy 32-bit pixels that gzip cannot shrink much. */
    private static int[][] noise(int height, int width, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int[][] data = new int[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                data[y][x] = (int) (random.nextGaussian() * 3000) + x * y;
            }
        }
        return data;
    }

    private static void assertPlaneEquals(ImagePlane plane, int[][] data) {
        for (int y = 0; y < data.length; y++) {
            for (int x = 0; x < data[0].length; x++) {
                assertThat(plane.at(x, y)).as("pixel (%d, %d)", x, y).isEqualTo((float) data[y][x]);
            }
        }
    }

    private static int[][] readPlainInts(Path file) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            return (int[][]) fits.readHDU().getKernel();
        }
    }

    private static int[][] decodeWithTheLibraryAlone(Path file) throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            fits.readHDU();
            var compressed = (nom.tam.image.compression.hdu.CompressedImageHDU) fits.readHDU();
            return (int[][]) compressed.asImageHDU().getKernel();
        }
    }
}
