package org.medoc.products.dem;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.storage.Sha256;
import org.medoc.products.ExternalTools;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The DEM product: one FITS file with five maps, provenance, previews; and clear refusals of bad sets. */
class DemMapMakerTests {

    private static final Instant TIME = Instant.parse("2026-11-24T12:00:00Z");
    private static final int SIZE = 64;
    private static DemMapMaker maker;

    @BeforeAll
    static void fitter() {
        maker = DemMapMaker.standard();
    }

    private static DemProvenance provenance() {
        return new DemProvenance("0.1.0-test", "1", TIME, List.of());
    }

    @Test
    void productHoldsFiveMapsOfTheInputSizeWithWcsAndProvenance(@TempDir Path directory) throws Exception {
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.ACTIVE_REGION, SIZE, TIME,
                1, true, directory.resolve("in"));
        DemMapResult result = maker.make(set.files(), directory.resolve("out"), provenance());

        assertThat(result.width()).isEqualTo(SIZE);
        assertThat(result.height()).isEqualTo(SIZE);
        assertThat(result.channelsUsed()).containsExactlyInAnyOrder(94, 131, 171, 193, 211, 335);
        assertThat(result.pixelsFitted()).isEqualTo((long) SIZE * SIZE);
        assertThat(result.medianLogT()).isBetween(6.2, 6.7);
        double inputCdelt;
        try (Fits input = new Fits(set.files().get(3).toFile())) {
            inputCdelt = input.readHDU().getHeader().getDoubleValue("CDELT1");
        }
        try (Fits fits = new Fits(result.fitsFile().toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            assertThat(hdus).hasSize(6);
            Header primary = hdus[0].getHeader();
            assertThat(primary.getStringValue("PRODTYPE")).isEqualTo("AIA_DEM_GAUSSIAN");
            assertThat(primary.getStringValue("DEMGRID")).isEqualTo("logT 5.50:7.50:0.010 sigma 0.010:0.700:0.010");
            assertThat(primary.getStringValue("DATE-OBS")).startsWith("2026-11-24T12:00:06");
            assertThat(primary.getStringValue("CREATOR")).isEqualTo("medoc 0.1.0-test");
            List<String> names = new ArrayList<>();
            List<String> hashes = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                names.add(primary.getStringValue("INFILE" + i));
                hashes.add(primary.getStringValue("INSHA" + i));
            }
            for (Path file : set.files()) {
                int at = names.indexOf(file.getFileName().toString());
                assertThat(at).as("input %s listed", file.getFileName()).isNotNegative();
                assertThat(hashes.get(at)).isEqualTo(Sha256.of(file));
            }
            List<String> extensions = new ArrayList<>();
            for (int i = 1; i < hdus.length; i++) {
                Header header = hdus[i].getHeader();
                extensions.add(header.getStringValue("EXTNAME"));
                assertThat(header.getIntValue("NAXIS1")).isEqualTo(SIZE);
                assertThat(header.getIntValue("NAXIS2")).isEqualTo(SIZE);
                assertThat(header.getStringValue("CTYPE1")).isEqualTo("HPLN-TAN");
                assertThat(header.getDoubleValue("CDELT1")).isCloseTo(inputCdelt, within(1e-9));
                assertThat(header.getDoubleValue("CRPIX1")).isCloseTo(32.5, within(1e-9));
                assertThat(header.getDoubleValue("RSUN_OBS")).isGreaterThan(900);
                assertThat(header.containsKey("CHECKSUM")).isTrue();
            }
            assertThat(extensions).containsExactly("EM", "LOGT", "WIDTH", "CHI2", "NBANDS");
            assertThat(hdus[1].getHeader().getStringValue("BUNIT")).isEqualTo("cm-5");
            float[][] logT = (float[][]) hdus[2].getKernel();
            assertThat(logT[SIZE / 2][SIZE / 2]).isBetween(6.3f, 6.7f);
        }
    }

    @Test
    void productFilePassesFitsverify(@TempDir Path directory) throws Exception {
        ExternalTools.require("fitsverify", "ftools-fv");
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.OFF_LIMB, SIZE, TIME,
                2, true, directory.resolve("in"));
        DemMapResult result = maker.make(set.files(), directory.resolve("out"), provenance());
        ExternalTools.assertPassesFitsverify(result.fitsFile());
    }

    @Test
    void previewsArePngsWithAColourBarAndFlagTheOffLimbWhite(@TempDir Path directory) throws Exception {
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.OFF_LIMB, SIZE, TIME,
                2, true, directory.resolve("in"));
        DemMapResult result = maker.make(set.files(), directory.resolve("out"), provenance());
        assertThat(result.previewFiles()).hasSize(4);
        assertThat(result.pixelsFlagged()).isPositive();
        for (Path preview : result.previewFiles()) {
            BufferedImage image = ImageIO.read(preview.toFile());
            assertThat(image).as(preview.getFileName().toString()).isNotNull();
            assertThat(image.getWidth()).isGreaterThan(SIZE + 100); // map plus colour bar
        }
    }

    @Test
    void setWithAMissingChannelIsFittedOnFiveAndEveryPixelIsFlagged(@TempDir Path directory) throws Exception {
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, SIZE, TIME,
                4, true, directory.resolve("in"));
        List<Path> five = set.files().stream().filter(f -> !f.getFileName().toString().contains(".94.")).toList();
        DemMapResult result = maker.make(five, directory.resolve("out"), provenance());
        assertThat(result.channelsUsed()).doesNotContain(94).hasSize(5);
        assertThat(result.pixelsFlagged()).isEqualTo((long) SIZE * SIZE);
        assertThat(result.pixelsFitted()).isEqualTo((long) SIZE * SIZE);
    }

    @Test
    void remakingTheSameProductReplacesItWhole(@TempDir Path directory) throws Exception {
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, 32, TIME,
                4, true, directory.resolve("in"));
        DemMapResult first = maker.make(set.files(), directory.resolve("out"), provenance());
        DemMapResult second = maker.make(set.files(), directory.resolve("out"), provenance());
        assertThat(second.fitsFile()).isEqualTo(first.fitsFile());
        try (var files = Files.list(directory.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void ratesInDnPerSecondAreNotDividedByTheExposureAgain(@TempDir Path directory) throws Exception {
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, 16, TIME,
                4, false, directory.resolve("in"));
        DemInput counts = AiaSetReader.read(set.files()).input();
        Path file = set.files().get(AiaChannel.A193.ordinal());
        double exposure = DemSyntheticSets.exposureSeconds(AiaChannel.A193);
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu = fits.readHDU();
            float[][] data = (float[][]) hdu.getKernel();
            for (float[] row : data) {
                for (int x = 0; x < row.length; x++) {
                    row[x] /= (float) exposure;
                }
            }
            hdu.getHeader().addValue("BUNIT", "DN/s", "");
            hdu.setChecksum();
            Path rates = directory.resolve("rates.fits");
            try (Fits out = new Fits()) {
                out.addHDU(hdu);
                out.write(rates.toFile());
            }
            List<Path> files = new ArrayList<>(set.files());
            files.set(AiaChannel.A193.ordinal(), rates);
            DemInput mixed = AiaSetReader.read(files).input();
            assertThat(mixed.rates().get(AiaChannel.A193)[37])
                    .isCloseTo(counts.rates().get(AiaChannel.A193)[37], within(1e-3f * counts.rates().get(AiaChannel.A193)[37]));
        }
    }

    @Test
    void aSecondFileOfOneChannelIsRefused(@TempDir Path directory) throws IOException {
        DemSyntheticSets.SyntheticSet set = new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, 16, TIME,
                4, true, directory.resolve("in"));
        List<Path> files = new ArrayList<>(set.files());
        files.add(set.files().get(2));
        assertThatThrownBy(() -> maker.make(files, directory.resolve("out"), provenance()))
                .isInstanceOf(InvalidDemInputException.class).hasMessageContaining("a second 171 Å file");
    }

    @Test
    void aFileOfAnotherWavelengthIsRefused(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("aia304.fits");
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(new float[8][8]);
            hdu.getHeader().addValue("WAVELNTH", 304, "");
            hdu.getHeader().addValue("EXPTIME", 2.0, "");
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        assertThatThrownBy(() -> maker.make(List.of(file), directory.resolve("out"), provenance()))
                .isInstanceOf(InvalidDemInputException.class)
                .hasMessageContaining("WAVELNTH 304.0 Å is not one of the DEM channels");
    }

    @Test
    void aFileWithoutExposureTimeIsRefused(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("aia171.fits");
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(new float[8][8]);
            hdu.getHeader().addValue("WAVELNTH", 171, "");
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        assertThatThrownBy(() -> maker.make(List.of(file), directory.resolve("out"), provenance()))
                .isInstanceOf(InvalidDemInputException.class).hasMessageContaining("EXPTIME is missing");
    }

    @Test
    void channelsOfDifferentSizesAreRefused(@TempDir Path directory) throws IOException {
        DemSyntheticSets.SyntheticSet small = new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, 16, TIME,
                4, true, directory.resolve("small"));
        DemSyntheticSets.SyntheticSet large = new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, 24, TIME,
                4, true, directory.resolve("large"));
        List<Path> files = List.of(small.files().get(0), large.files().get(1));
        assertThatThrownBy(() -> maker.make(files, directory.resolve("out"), provenance()))
                .isInstanceOf(InvalidDemInputException.class).hasMessageContaining("must be co-registered");
    }

    @Test
    void unitThatIsNeitherCountsNorRateIsRefused(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("aia171.fits");
        try (Fits fits = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(new float[8][8]);
            hdu.getHeader().addValue("WAVELNTH", 171, "");
            hdu.getHeader().addValue("EXPTIME", 2.0, "");
            hdu.getHeader().addValue("BUNIT", "erg/cm2/s/sr", "");
            fits.addHDU(hdu);
            fits.write(file.toFile());
        }
        assertThatThrownBy(() -> maker.make(List.of(file), directory.resolve("out"), provenance()))
                .isInstanceOf(InvalidDemInputException.class).hasMessageContaining("BUNIT 'erg/cm2/s/sr'");
    }
}
