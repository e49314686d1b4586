package org.medoc.archive.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.archive.fits.TestFiles.SHARP;
import static org.medoc.archive.fits.TestFiles.real;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FitsInspectorTests {

    private static Path dir;

    @BeforeAll
    static void scratch() throws Exception {
        dir = TestFiles.scratch("inspector");
    }

    static java.util.List<Path> realFiles() throws Exception {
        return TestFiles.allReal();
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void everyRealFileInspectsAndItsHdusTileTheFile(Path file) throws Exception {
        FitsInspection i = TestFiles.inspect(file);

        assertThat(i.sizeBytes()).isEqualTo(Files.size(file));
        assertThat(i.hdus()).isNotEmpty();
        FitsHduInfo last = i.hdus().getLast();
        assertThat(last.dataOffset() + last.paddedDataSizeBytes()).isEqualTo(Files.size(file));
        assertThat(i.hdus().getFirst().xtension()).isNull();
    }

    @Test
    void aiaLevel1IsOnePlainFloat64Image() throws Exception {
        FitsInspection i = TestFiles.inspect(real("aia_171_level1.fits"));

        assertThat(i.hdus()).hasSize(1);
        FitsHduInfo h = i.primaryImage();
        assertThat(h.index()).isZero();
        assertThat(h.bitpix()).isEqualTo(-64);
        assertThat(h.imageAxes()).containsExactly(128, 128);
        assertThat(h.compressedImage()).isFalse();
        assertThat(h.dataOffset() % 2880).isZero();
        assertThat(h.dataSizeBytes()).isEqualTo(128 * 128 * 8);
        assertThat(h.header().integer("WAVELNTH")).isEqualTo(171);
        assertThat(h.header().string("WAVELNTH")).isEqualTo("171");
        assertThat(i.checksumStatus()).isEqualTo("no checksums");
    }

    @Test
    void aiaCutoutIsARice1CompressedInt16ImageInHdu1WithVerifiedChecksums() throws Exception {
        FitsInspection i = TestFiles.inspect(real("aia_171_cutout.fits"));

        assertThat(i.hdus()).hasSize(2);
        FitsHduInfo h = i.hdus().get(1);
        assertThat(i.primaryImage()).isSameAs(h);
        assertThat(h.xtension()).isEqualTo("BINTABLE");
        assertThat(h.compressedImage()).isTrue();
        assertThat(h.imageAxes()).containsExactly(769, 705);
        assertThat(h.imageBitpix()).isEqualTo(16);
        assertThat(h.compressionType()).isEqualTo("RICE_1");
        assertThat(h.checksumStatus()).isEqualTo(FitsInspector.STATUS_VERIFIED);
        assertThat(i.hdus().get(0).hasImage()).isFalse();
        assertThat(i.checksumStatus()).isEqualTo("verified (1 HDU); no checksums (HDU 0)");
    }

    @Test
    void sharpBrIsACompressedInt32ImageWithBscaleAndVerifiedChecksums() throws Exception {
        FitsInspection i = TestFiles.inspect(real(SHARP + "Br.fits"));

        FitsHduInfo h = i.hdus().get(1);
        assertThat(h.compressedImage()).isTrue();
        assertThat(h.imageAxes()).containsExactly(744, 377);
        assertThat(h.imageBitpix()).isEqualTo(32);
        assertThat(h.compressionType()).isEqualTo("RICE_1");
        assertThat(h.header().number("BSCALE")).isEqualTo(0.01);
        assertThat(h.header().string("DATASUM")).isEqualTo("2443259883");
        assertThat(h.checksumStatus()).isEqualTo(FitsInspector.STATUS_VERIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Br", "Bp", "Bt", "Br_err", "Bp_err", "Bt_err", "conf_disambig", "magnetogram"})
    void everyCompressedSharpFileHasItsDatasumAndChecksumVerified(String kind) throws Exception {
        FitsInspection i = TestFiles.inspect(real(SHARP + kind + ".fits"));

        assertThat(i.hdus().get(1).checksumStatus()).isEqualTo(FitsInspector.STATUS_VERIFIED);
        assertThat(i.checksumStatus()).isEqualTo("verified (1 HDU); no checksums (HDU 0)");
    }

    @Test
    void sharpBitmapIsAnUncompressedPrimaryImageWithVerifiedChecksums() throws Exception {
        FitsInspection i = TestFiles.inspect(real(SHARP + "bitmap.fits"));

        assertThat(i.hdus()).hasSize(1);
        assertThat(i.primaryImage().imageAxes()).containsExactly(744, 377);
        assertThat(i.checksumStatus()).isEqualTo("verified (1 HDU)");
    }

    @Test
    void spiceRasterIsHeaderOnlyAndItsDatasumsAreReportedNotCheckableInsteadOfRejected() throws Exception {
        FitsInspection i = TestFiles.inspect(real("solo_L2_spice-n-ras-db_20200602T081733_V01_12583760-000.fits"));

        assertThat(i.hdus()).hasSize(5);
        assertThat(i.primaryImage()).isNull();
        for (int n = 0; n < 4; n++) {
            assertThat(i.hdus().get(n).naxis()).isEmpty();
            assertThat(i.hdus().get(n).checksumStatus()).isEqualTo(FitsInspector.STATUS_NOT_CHECKABLE);
        }
        assertThat(i.hdus().get(4).header().string("EXTNAME")).isEqualTo("VARIABLE_KEYWORDS");
        assertThat(i.hdus().get(4).checksumStatus()).isEqualTo(FitsInspector.STATUS_VERIFIED);
        assertThat(i.checksumStatus())
                .isEqualTo("verified (1 HDU); header-only HDUs: DATASUM not checkable (HDUs 0, 1, 2, 3)");
    }

    @Test
    void spiceSitAndStareIsHeaderOnlyToo() throws Exception {
        FitsInspection i = TestFiles.inspect(real("solo_L2_spice-n-sit_20200620T235901_V01_16777431-000.fits"));

        assertThat(i.hdus()).hasSize(3);
        assertThat(i.checksumStatus())
                .isEqualTo("verified (1 HDU); header-only HDUs: DATASUM not checkable (HDUs 0, 1)");
    }

    @Test
    void headerValuesAreParsedToTypedValues() throws Exception {
        FitsHeader h = TestFiles.inspect(real(SHARP + "Br.fits")).hdus().get(1).header();

        assertThat(h.value("ZIMAGE")).isEqualTo(true);
        assertThat(h.value("ZBITPIX")).isEqualTo(32L);
        assertThat(h.string("ZCMPTYPE")).isEqualTo("RICE_1");
        assertThat(h.number("USFLUX")).isEqualTo(2.714760e+22);
        assertThat(h.value("R_VALUE")).isEqualTo("nan"); // JSOC writes an unquoted nan: kept as text
        assertThat(h.number("R_VALUE")).isNull();
        assertThat(h.asMap()).containsKey("DATASUM").doesNotContainKey("COMMENT").doesNotContainKey("HISTORY");
    }

    // ---- damaged copies ----

    private static Path copyOf(String realName, String name, java.util.function.UnaryOperator<byte[]> damage)
            throws Exception {
        byte[] bytes = Files.readAllBytes(real(realName));
        Path p = dir.resolve(name);
        Files.write(p, damage.apply(bytes));
        return p;
    }

    private static String reason(Path p) {
        try {
            FitsInspector.inspect(p, FitsLimits.defaults());
        } catch (FitsRejectedException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError("expected a rejection, got " + e, e);
        }
        throw new AssertionError("expected a rejection of " + p);
    }

    @Test
    void anEmptyFileIsRejected() throws Exception {
        Path p = dir.resolve("empty.fits");
        Files.write(p, new byte[0]);

        assertThat(reason(p)).isEqualTo("empty file (0 bytes)");
    }

    @Test
    void aFileNotStartingWithSimpleTrueIsRejected() throws Exception {
        Path p = dir.resolve("not-fits.fits");
        Files.writeString(p, "<html>" + " ".repeat(2874));

        assertThat(reason(p)).isEqualTo("not a FITS file: first card is not SIMPLE = T");
    }

    @Test
    void simpleFalseIsNotAcceptedAsFits() throws Exception {
        Path p = copyOf("aia_171_level1.fits", "simple-f.fits", b -> {
            b[29] = 'F';
            return b;
        });

        assertThat(reason(p)).isEqualTo("not a FITS file: first card is not SIMPLE = T");
    }

    @Test
    void aTruncatedDataUnitIsRejectedWithDeclaredAndAvailableSizes() throws Exception {
        Path p = copyOf("aia_171_level1.fits", "truncated.fits", b -> Arrays.copyOf(b, b.length - 5760));

        long dataOffset = TestFiles.inspect(real("aia_171_level1.fits")).hdus().get(0).dataOffset();
        assertThat(reason(p)).isEqualTo("truncated: data unit shorter than NAXIS implies (HDU 0 declares 131072"
                + " bytes, file has " + (149760 - 5760 - dataOffset) + " after the header)");
    }

    @Test
    void aTruncatedCompressedExtensionIsRejectedNamingHdu1() throws Exception {
        Path p = copyOf("aia_171_cutout.fits", "truncated-cutout.fits", b -> Arrays.copyOf(b, b.length - 2880 * 3));

        assertThat(reason(p)).startsWith("truncated: data unit shorter than NAXIS implies (HDU 1 declares 482697");
    }

    @Test
    void aHeaderWithoutEndCardIsRejected() throws Exception {
        Path p = copyOf("aia_171_level1.fits", "no-end.fits", b -> {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            int end = s.indexOf("END" + " ".repeat(77));
            // keep only the header cards before END, blanks to the end of the file: END never comes
            byte[] out = Arrays.copyOf(b, (end / 2880 + 1) * 2880);
            Arrays.fill(out, end, out.length, (byte) ' ');
            return out;
        });

        assertThat(reason(p)).isEqualTo("no END card in header of HDU 0");
    }

    @Test
    void aHeaderCutShortAfterItsEndCardIsNotAMultipleOf2880() throws Exception {
        Path p = copyOf("aia_171_level1.fits", "short-header.fits", b -> {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            int end = s.indexOf("END" + " ".repeat(77));
            return Arrays.copyOf(b, end + 80);
        });

        assertThat(reason(p)).startsWith("header of HDU 0 is not a multiple of 2880 bytes");
    }

    @Test
    void aCorruptedDataByteInAChecksummedFileIsADatasumMismatch() throws Exception {
        Path p = copyOf(SHARP + "Br.fits", "corrupt-data.fits", b -> {
            b[b.length - 3000] ^= 0x10; // inside the compressed heap of HDU 1
            return b;
        });

        assertThat(reason(p)).matches("DATASUM mismatch in HDU 1: header says 2443259883, data sums to \\d+");
    }

    @Test
    void anEditedHeaderWithIntactDataIsAcceptedAsHeaderModified() throws Exception {
        Path p = copyOf(SHARP + "Br.fits", "edited-header.fits", b -> {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            int at = s.indexOf("OBS_VR  =", 2880);
            b[at + 78] = 'x'; // inside the comment of a card in HDU 1
            return b;
        });

        FitsInspection i = TestFiles.inspect(p);

        assertThat(i.hdus().get(1).checksumStatus()).isEqualTo(FitsInspector.STATUS_HEADER_MODIFIED);
        assertThat(i.checksumStatus()).contains("header modified after checksumming (data verified) (HDU 1)");
    }

    @Test
    void aHeaderClaiming80GigabytesIsRejectedBeforeAnyDataIsRead() throws Exception {
        Path p = dir.resolve("80gb.fits");
        Files.write(p, header("SIMPLE  = T", "BITPIX  = -64", "NAXIS   = 2", "NAXIS1  = 100000", "NAXIS2  = 100000"));
        assertThat(Files.size(p)).isEqualTo(2880);

        assertThat(reason(p)).isEqualTo("declared data size of HDU 0 (80000000000 bytes) exceeds the limit of "
                + FitsLimits.defaults().maxFileBytes() + " bytes");
        FitsRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(FitsRejectedException.class,
                () -> FitsInspector.inspect(p, new FitsLimits(1L << 40, 1000, 1000)));
        assertThat(e.reason()).isEqualTo("truncated: data unit shorter than NAXIS implies"
                + " (HDU 0 declares 80000000000 bytes, file has 0 after the header)");
    }

    @Test
    void anOverflowingDeclaredSizeIsRejected() throws Exception {
        Path p = dir.resolve("overflow.fits");
        Files.write(p, header("SIMPLE  = T", "BITPIX  = 64", "NAXIS   = 3", "NAXIS1  = 4000000000",
                "NAXIS2  = 4000000000", "NAXIS3  = 4000000000"));

        assertThat(reason(p)).startsWith("declared data size of HDU 0 (more than 2^63 bytes) exceeds the limit");
    }

    @Test
    void anInvalidBitpixIsRejected() throws Exception {
        Path p = dir.resolve("bitpix.fits");
        Files.write(p, header("SIMPLE  = T", "BITPIX  = 12", "NAXIS   = 0"));

        assertThat(reason(p)).startsWith("invalid BITPIX in HDU 0: 12");
    }

    @Test
    void junkAfterTheLastHduIsRejectedButZeroPaddingIsNot() throws Exception {
        byte[] aia = Files.readAllBytes(real("aia_171_level1.fits"));
        Path junk = dir.resolve("junk.fits");
        byte[] withJunk = Arrays.copyOf(aia, aia.length + 2880);
        Arrays.fill(withJunk, aia.length, withJunk.length, (byte) 'J');
        Files.write(junk, withJunk);
        Path zeros = dir.resolve("zeros.fits");
        Files.write(zeros, Arrays.copyOf(aia, aia.length + 2880));

        assertThat(reason(junk)).isEqualTo("junk after the last HDU: 2880 bytes at offset 149760 are neither an"
                + " XTENSION header nor zero/blank padding");
        assertThat(TestFiles.inspect(zeros).hdus()).hasSize(1);
    }

    @Test
    void aFileWhoseLastBlockIsIncompleteIsRejected() throws Exception {
        Path p = copyOf("aia_171_level1.fits", "unpadded.fits", b -> Arrays.copyOf(b, b.length - 100));

        // 128×128×8 = 131072 bytes of data end 1408 bytes before the end of the last block: cutting 100 leaves them
        assertThat(reason(p)).startsWith("file size not a multiple of 2880 bytes (149660 bytes)");
    }

    @Test
    void tooManyHeaderCardsAreRejected() throws Exception {
        Path p = real("solo_L2_spice-n-ras-db_20200602T081733_V01_12583760-000.fits");

        FitsRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(FitsRejectedException.class,
                () -> FitsInspector.inspect(p, new FitsLimits(1L << 30, 100, 1000)));
        assertThat(e.reason()).isEqualTo("header of HDU 0 has too many cards: the limit is 100 cards per file");
    }

    /** A header of the given cards (value at column 30 for short values), END, blank-padded to 2880 bytes. */
    static byte[] header(String... cards) {
        StringBuilder sb = new StringBuilder();
        for (String c : cards) {
            String k = c.substring(0, 8);
            String v = c.substring(10).trim();
            sb.append(String.format("%-8s= %20s", k, v));
            sb.append(" ".repeat(50));
        }
        sb.append(String.format("%-80s", "END"));
        while (sb.length() % 2880 != 0) {
            sb.append(' ');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
