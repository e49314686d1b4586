package org.medoc.products.currents;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.products.ExternalTools;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The current map product of HARP 377 as a file: its HDUs, keywords and WCS, checked by fitsverify and by sunpy. */
class CurrentMapMakerTests {

    @TempDir
    static Path directory;
    private static CurrentMapResult result;

    @BeforeAll
    static void makeHarp377() throws Exception {
        result = new CurrentMapMaker().make(SharpSamples.harp377(), directory.resolve("out"),
                new CurrentMapMaker.Provenance("test", "1.0", Map.of()));
    }

    @Test
    void fileIsNamedAfterSeriesHarpAndTRec() {
        assertThat(result.fitsFile().getFileName().toString()).isEqualTo("currents_sci_harp377_20110215_020000_TAI.fits");
        assertThat(result.previewFile().getFileName().toString()).isEqualTo("currents_sci_harp377_20110215_020000_TAI_jz.png");
    }

    @Test
    void fileHoldsJzErrorAndMaskOnTheInputGridWithTheRecomputedKeywords() throws Exception {
        try (Fits fits = new Fits(result.fitsFile().toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            assertThat(hdus).hasSize(4);
            Header primary = hdus[0].getHeader();
            assertThat(primary.getIntValue("HARPNUM")).isEqualTo(377);
            assertThat(primary.getStringValue("NOAA_ARS")).isEqualTo("11158");
            assertThat(primary.getStringValue("DATATYPE")).isEqualTo("sci");
            assertThat(primary.getStringValue("SERIES")).isEqualTo("hmi.sharp_cea_720s");
            assertThat(primary.getIntValue("CMASK")).isEqualTo(45_703);
            assertThat(primary.getDoubleValue("MEANJZD")).isCloseTo(primary.getDoubleValue("JSOCJZD"), within(0.001 * 0.27));
            assertThat(primary.getDoubleValue("JSOCTJZ")).isEqualTo(6.287423e13);
            assertThat(primary.getStringValue("INFILE1")).startsWith(SharpSamples.PREFIX);
            String[] names = {"JZ", "JZ_ERR", "MASK"};
            for (int i = 1; i <= 3; i++) {
                Header h = hdus[i].getHeader();
                assertThat(h.getStringValue("EXTNAME")).isEqualTo(names[i - 1]);
                assertThat(h.getIntValue("NAXIS1")).isEqualTo(744);
                assertThat(h.getIntValue("NAXIS2")).isEqualTo(377);
                assertThat(h.getStringValue("CTYPE1")).isEqualTo("CRLN-CEA");
                assertThat(h.getDoubleValue("CRVAL1")).isEqualTo(34.879105);
                assertThat(h.getDoubleValue("CRPIX2")).isEqualTo(189.0);
                assertThat(h.getIntValue("HARPNUM")).isEqualTo(377);
            }
            assertThat(hdus[1].getHeader().getStringValue("BUNIT")).isEqualTo("mA/m^2");
            assertThat(hdus[2].getHeader().getStringValue("BUNIT")).isEqualTo("mA/m^2");
            assertThat(hdus[3].getHeader().getIntValue("BITPIX")).isEqualTo(8);
            float[][] jz = (float[][]) hdus[1].getKernel();
            assertThat(jz[188][371]).isCloseTo(21.93f, within(0.005f));
            byte[][] mask = (byte[][]) hdus[3].getKernel();
            int count = 0;
            for (byte[] row : mask) {
                for (byte b : row) {
                    count += b;
                }
            }
            assertThat(count).isEqualTo(45_703);
        }
    }

    @Test
    void filePassesFitsverify() throws Exception {
        ExternalTools.assertPassesFitsverify(result.fitsFile());
    }

    /**
     * sunpy 4.1.2 (Debian, /usr/bin/python3) reads the JZ extension as a map in Carrington coordinates and places the
     * CEA pixels where JSOC's plane2sphere does (PRODUCTS.md §3.2: pixel (0, 0) → 22.4898°, −26.2939°; (743, 376) →
     * 46.3672°, −15.0270°), with the unit and the value at row 188, column 371.
     */
    @Test
    void jzMapOpensInSunpyWithTheSharpWcs() throws Exception {
        // Debian's Python with its sunpy, not whatever python3 comes first on the PATH
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            ExternalTools.require("/usr/bin/python3", "python3 python3-sunpy");
        }
        String script = String.join("\n",
                "import sys, warnings",
                "warnings.simplefilter('ignore')",
                "try:",
                "    import sunpy.map",
                "except ImportError:",
                "    print('NO_SUNPY'); sys.exit(3)",
                "from astropy.io import fits",
                "with fits.open(sys.argv[1]) as f:",
                "    m = sunpy.map.Map(f['JZ'].data, f['JZ'].header)",
                "import astropy.units as u",
                "a = m.pixel_to_world(0 * u.pix, 0 * u.pix)",
                "b = m.pixel_to_world(743 * u.pix, 376 * u.pix)",
                "print(m.coordinate_frame.name, m.unit, '%.4f %.4f %.4f %.4f %.2f' % (a.lon.deg, a.lat.deg, b.lon.deg, b.lat.deg, m.data[188, 371]))");
        Path file = directory.resolve("read.py");
        Files.writeString(file, script);
        Process process = new ProcessBuilder(python.toString(), file.toString(), result.fitsFile().toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() == 3) {
            ExternalTools.require("sunpy-is-not-installed", "python3-sunpy");
        }
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().reduce((x, y) -> y).orElseThrow())
                .isEqualTo("heliographic_carrington mA / m2 22.4898 -26.2939 46.3672 -15.0270 21.93");
    }

    @Test
    void previewIsAPngWithAColourBarAndWhiteAtZero() throws Exception {
        BufferedImage image = ImageIO.read(result.previewFile().toFile());
        assertThat(image.getWidth()).isGreaterThan(744 + 100);
        assertThat(CurrentMapMaker.JZ_SCALE.map().rgb(CurrentMapMaker.JZ_SCALE.position(0))).isEqualTo(0xf7f7f7);
        assertThat(CurrentMapMaker.JZ_SCALE.map().rgb(CurrentMapMaker.JZ_SCALE.position(50)) >> 16).isGreaterThan(0x60);
    }

    @Test
    void aRecordWithoutItsErrorSegmentsIsRefusedWithWhatIsMissing() {
        var files = SharpSamples.harp377().stream().filter(p -> !p.getFileName().toString().contains("_err")).toList();
        assertThatThrownBy(() -> new CurrentMapMaker().make(files, directory.resolve("refused"),
                new CurrentMapMaker.Provenance("test", "1.0", Map.of())))
                .isInstanceOf(InvalidSharpInputException.class)
                .hasMessageContaining("lacks the segments [Bp_err, Bt_err]");
    }
}
