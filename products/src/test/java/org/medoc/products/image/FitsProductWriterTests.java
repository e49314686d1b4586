package org.medoc.products.image;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.products.ExternalTools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Product files: lossless tile-compressed maps that fitsverify, astropy and nom-tam-fits read bit for bit. */
class FitsProductWriterTests {

    // not square, not a multiple of the tile height: a swapped axis or a lost last tile would show
    private static final int ROWS = 37;
    private static final int COLUMNS = 53;

    /** Floats that a lossy (quantizing) compression would change: NaN, ±0, subnormals, extremes, noise. */
    private static float[][] awkwardFloats() {
        Random random = new Random(15);
        float[][] values = new float[ROWS][COLUMNS];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                values[y][x] = (float) (1e27 * Math.exp(random.nextGaussian()));
            }
        }
        values[0][0] = Float.NaN;
        values[0][1] = -0.0f;
        values[0][2] = Float.MIN_VALUE;
        values[0][3] = Float.MAX_VALUE;
        values[0][4] = -Float.MAX_VALUE;
        values[ROWS - 1][COLUMNS - 1] = 6.123456789f;
        return values;
    }

    private static byte[][] bands() {
        byte[][] bands = new byte[ROWS][COLUMNS];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                bands[y][x] = (byte) ((x + y) % 7);
            }
        }
        return bands;
    }

    private static List<FitsProductWriter.ImageExtension> maps(float[][] values, byte[][] bands) {
        List<FitsKeyword> wcs = List.of(new FitsKeyword("CTYPE1", "HPLN-TAN", "solar-X"),
                new FitsKeyword("CRPIX1", 27.0, "reference pixel"));
        return List.of(new FitsProductWriter.ImageExtension("EM", values, "cm-5", wcs, List.of("Total emission measure.")),
                new FitsProductWriter.ImageExtension("NBANDS", bands, null, wcs, List.of()));
    }

    private static Path write(Path directory, String name, FitsProductWriter.Layout layout) throws Exception {
        Path file = directory.resolve(name);
        FitsProductWriter.write(file, List.of(new FitsKeyword("PRODTYPE", "TEST", "test product")), List.of("a test"),
                maps(awkwardFloats(), bands()), layout);
        return file;
    }

    @Test
    void mapsAreGzip2TileCompressedAndReadBackBitForBit(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("product.fits");
        FitsProductWriter.write(file, List.of(new FitsKeyword("PRODTYPE", "TEST", "test product")), List.of("a test"),
                maps(awkwardFloats(), bands()), FitsProductWriter.Layout.TILE_COMPRESSED);

        float[][] expected = awkwardFloats();
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            assertThat(hdus).hasSize(3);
            assertThat(hdus[1]).isInstanceOf(CompressedImageHDU.class);
            Header table = hdus[1].getHeader();
            assertThat(table.getStringValue("ZCMPTYPE")).isEqualTo("GZIP_2");
            assertThat(table.getIntValue("ZTILE1")).isEqualTo(COLUMNS);
            assertThat(table.getIntValue("ZTILE2")).isEqualTo(FitsProductWriter.TILE_ROWS);
            assertThat(table.containsKey("CHECKSUM")).isTrue();

            ImageHDU em = ((CompressedImageHDU) hdus[1]).asImageHDU();
            assertThat(table.getStringValue("EXTNAME")).isEqualTo("EM");
            assertThat(table.getStringValue("ZTENSION")).isEqualTo("IMAGE");
            assertThat(table.getStringValue("ZQUANTIZ")).as("floats not quantized").isEqualTo("NONE");
            assertThat(em.getHeader().getStringValue("BUNIT")).isEqualTo("cm-5");
            assertThat(em.getHeader().getStringValue("CTYPE1")).isEqualTo("HPLN-TAN");
            assertThat(em.getHeader().getIntValue("NAXIS1")).isEqualTo(COLUMNS);
            assertThat(em.getHeader().getIntValue("NAXIS2")).isEqualTo(ROWS);
            float[][] values = (float[][]) em.getKernel();
            for (int y = 0; y < ROWS; y++) {
                for (int x = 0; x < COLUMNS; x++) {
                    assertThat(Float.floatToRawIntBits(values[y][x])).as("EM[%d][%d]", y, x)
                            .isEqualTo(Float.floatToRawIntBits(expected[y][x]));
                }
            }
            ImageHDU nbands = ((CompressedImageHDU) hdus[2]).asImageHDU();
            assertThat((byte[][]) nbands.getKernel()).isDeepEqualTo(bands());
        }
    }

    @Test
    void compressedProductIsSmallerThanThePlainOneForNoisyFloats(@TempDir Path directory) throws Exception {
        long plain = Files.size(write(directory, "plain.fits", FitsProductWriter.Layout.UNCOMPRESSED));
        long compressed = Files.size(write(directory, "compressed.fits", FitsProductWriter.Layout.TILE_COMPRESSED));
        // 37 × 53 floats plus bytes fit in few FITS blocks either way; the compressed one must still not grow past it
        assertThat(compressed).isLessThanOrEqualTo(plain);
    }

    @Test
    void checksumAndDatasumOfEveryHduMatchTheBytesWrittenInBothLayouts(@TempDir Path directory) throws Exception {
        for (FitsProductWriter.Layout layout : FitsProductWriter.Layout.values()) {
            Path file = write(directory, layout + ".fits", layout);
            try (Fits fits = new Fits(file.toFile())) {
                fits.read();
                for (int i = 0; i < fits.getNumberOfHDUs(); i++) {
                    Header header = fits.getHDU(i).getHeader();
                    assertThat(header.containsKey("CHECKSUM")).as("%s HDU %d has CHECKSUM", layout, i).isTrue();
                    assertThat(header.getStringValue("DATASUM")).as("%s HDU %d DATASUM", layout, i)
                            .isEqualTo(Long.toString(nom.tam.fits.utilities.FitsCheckSum.checksum(fits.getHDU(i).getData())));
                }
                // nom-tam-fits recomputes both sums of every HDU from the file and throws on a mismatch
                fits.verifyIntegrity();
            }
            ExternalTools.assertPassesFitsverify(file);
        }
    }

    @Test
    void compressedProductPassesFitsverify(@TempDir Path directory) throws Exception {
        ExternalTools.assertPassesFitsverify(write(directory, "product.fits", FitsProductWriter.Layout.TILE_COMPRESSED));
    }

    @Test
    void astropyReadsTheCompressedMapsBitIdenticalToThePlainOnes(@TempDir Path directory) throws Exception {
        Path python = ExternalTools.requirePython("python3-astropy", "astropy", "numpy");
        Path plain = write(directory, "plain.fits", FitsProductWriter.Layout.UNCOMPRESSED);
        Path compressed = write(directory, "compressed.fits", FitsProductWriter.Layout.TILE_COMPRESSED);
        String script = """
                import sys, numpy as np
                from astropy.io import fits
                def little(data):  # the same bytes whatever order the reader chose: compare bits, NaN included
                    return np.ascontiguousarray(data.astype(data.dtype.newbyteorder("<")))
                with fits.open(sys.argv[1]) as plain, fits.open(sys.argv[2]) as packed:
                    for name in ("EM", "NBANDS"):
                        a, b = plain[name], packed[name]
                        assert isinstance(b, fits.CompImageHDU), type(b)
                        x, y = little(a.data), little(b.data)
                        same = x.shape == y.shape and x.dtype == y.dtype and np.array_equal(x.view(np.uint8), y.view(np.uint8))
                        print(name, b.header["EXTNAME"], b.header.get("BUNIT"), b.data.shape, b.data.dtype.kind,
                              "identical" if same else "DIFFERENT")
                    print("nan", int(np.isnan(packed["EM"].data).sum()))
                """;
        Process process = new ProcessBuilder(python.toString(), "-c", script, plain.toString(), compressed.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("EM EM cm-5 (37, 53) f identical", "NBANDS NBANDS None (37, 53) u identical",
                "nan 1");
    }
}
