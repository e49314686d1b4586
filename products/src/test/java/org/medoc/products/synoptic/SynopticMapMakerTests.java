package org.medoc.products.synoptic;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.products.ExternalTools;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The synoptic product file: maps, WCS, provenance table; fitsverify and sunpy accept it; bad inputs are left out. */
class SynopticMapMakerTests {

    private static final Instant REFERENCE = Instant.parse("2026-03-10T00:00:00Z");
    private static final SynopticMapMaker MAKER = new SynopticMapMaker(
            SynopticParameters.standard().withGrid(CarringtonGrid.ofResolution(1)));
    private static final SynopticMapMaker.Provenance PROVENANCE =
            new SynopticMapMaker.Provenance("medoc test", "1.0", MapKind.NOWCAST);

    private static List<SynopticMapMaker.Input> inputs(Path directory) throws Exception {
        SyntheticSun sun = new SyntheticSun(REFERENCE.minus(Duration.ofDays(3)), 5);
        List<SynopticMapMaker.Input> inputs = new ArrayList<>();
        inputs.add(SyntheticTruthTests.input(sun.writeAia(directory, REFERENCE.minus(Duration.ofHours(6)), 171, 128)));
        inputs.add(SyntheticTruthTests.input(sun.writeEuvi(directory, REFERENCE.minus(Duration.ofHours(2)), 171, 128, 90)));
        return inputs;
    }

    @Test
    void productHoldsRadianceAgeSourceAndTheInputsTableOnACarringtonGrid(@TempDir Path directory) throws Exception {
        SynopticMapMaker.Result result = MAKER.make(SynopticChannel.AIA_171, inputs(directory.resolve("in")), REFERENCE,
                directory.resolve("out"), PROVENANCE);

        assertThat(result.inputsUsed()).isEqualTo(2);
        assertThat(result.secondViewpointInputs()).isEqualTo(1);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.fitsFile().getFileName().toString()).isEqualTo("synoptic_aia171_20260310T000000_v1.0.fits");
        try (Fits fits = new Fits(result.fitsFile().toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            assertThat(hdus).hasSize(5);
            Header primary = hdus[0].getHeader();
            assertThat(primary.getStringValue("MAPKIND")).isEqualTo("nowcast");
            assertThat(primary.getStringValue("DATE-OBS")).isEqualTo("2026-03-10T00:00:00.000");
            assertThat(primary.getStringValue("DIFFROT")).isEqualTo("howard");
            assertThat(primary.getIntValue("NINPUTS")).isEqualTo(2);
            Header radiance = hdus[1].getHeader();
            assertThat(radiance.getStringValue("EXTNAME")).isEqualTo("RADIANCE");
            assertThat(radiance.getStringValue("CTYPE1")).isEqualTo("CRLN-CAR");
            assertThat(radiance.getStringValue("CTYPE2")).isEqualTo("CRLT-CAR");
            assertThat(radiance.getIntValue("NAXIS1")).isEqualTo(360);
            assertThat(radiance.getIntValue("NAXIS2")).isEqualTo(180);
            assertThat(hdus[2].getHeader().getStringValue("EXTNAME")).isEqualTo("AGE");
            assertThat(hdus[3].getHeader().getStringValue("EXTNAME")).isEqualTo("SOURCE");
            float[][] age = (float[][]) hdus[2].getKernel();
            short[][] source = (short[][]) hdus[3].getKernel();
            float[][] values = (float[][]) hdus[1].getKernel();
            // the cell at the Earth view's disc centre is observed, mostly by the Earth view (6 h old)
            double earthLongitude = SyntheticSun.earthCarringtonLongitude(REFERENCE.minus(Duration.ofHours(6)));
            int column = (int) Math.floor(earthLongitude);
            int row = 90 + (int) Math.floor(SyntheticSun.earthLatitude(REFERENCE));
            assertThat(values[row][column]).isFinite();
            assertThat(source[row][column]).isEqualTo((short) 0);
            assertThat(age[row][column]).isBetween(2f, 6f);
            // the far side of both is NaN, with no source
            int far = Math.floorMod(column + 180 + 45, 360);
            assertThat(values[row][far]).isNaN();
            assertThat(source[row][far]).isEqualTo(SynopticAccumulator.NO_SOURCE);
            BinaryTableHDU table = (BinaryTableHDU) hdus[4];
            assertThat(table.getHeader().getStringValue("EXTNAME")).isEqualTo("INPUTS");
            assertThat(table.getNRows()).isEqualTo(2);
            assertThat(((String) table.getElement(0, table.findColumn("INSTRUME"))).trim()).isEqualTo("AIA");
            assertThat(((String) table.getElement(1, table.findColumn("INSTRUME"))).trim()).isEqualTo("EUVI-A");
            assertThat(((float[]) table.getElement(0, table.findColumn("DT_HOURS")))[0]).isCloseTo(6f, within(1e-4f));
            assertThat(((String) table.getElement(0, table.findColumn("SHA256"))).trim()).hasSize(64);
        }
        BufferedImage preview = ImageIO.read(result.radiancePreview().toFile());
        assertThat(preview.getWidth()).isGreaterThan(360);
        assertThat(Files.size(result.agePreview())).isPositive();
    }

    @Test
    void productPassesFitsverify(@TempDir Path directory) throws Exception {
        ExternalTools.require("fitsverify", "ftools-fv");
        SynopticMapMaker.Result result = MAKER.make(SynopticChannel.AIA_171, inputs(directory.resolve("in")), REFERENCE,
                directory.resolve("out"), PROVENANCE);
        ExternalTools.assertPassesFitsverify(result.fitsFile());
    }

    @Test
    void sunpyReadsTheMapWithItsCarringtonWcs(@TempDir Path directory) throws Exception {
        Path python = ExternalTools.require("python3", "python3-sunpy python3-matplotlib");
        SynopticMapMaker.Result result = MAKER.make(SynopticChannel.AIA_171, inputs(directory.resolve("in")), REFERENCE,
                directory.resolve("out"), PROVENANCE);
        String script = """
                import sys, warnings
                warnings.simplefilter('ignore')
                from astropy.io import fits
                import sunpy.map
                hdu = fits.open(sys.argv[1])[1]
                m = sunpy.map.Map(hdu.data, hdu.header)
                c = m.wcs.pixel_to_world(0, 0)
                e = m.wcs.pixel_to_world(359, 179)
                print(type(m.coordinate_frame).__name__, m.date.isot, m.data.shape,
                      '%.4f %.4f %.4f %.4f' % (c.lon.deg, c.lat.deg, e.lon.deg % 360, e.lat.deg))
                """;
        Path scriptFile = Files.writeString(directory.resolve("read.py"), script);
        Process process = new ProcessBuilder(Path.of("/usr/bin/python3").toFile().exists() ? "/usr/bin/python3" : python.toString(),
                scriptFile.toString(), result.fitsFile().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (output.contains("No module named 'sunpy'") || output.contains("No module named 'matplotlib'")) {
            ExternalTools.require("sunpy-for-python3", "python3-sunpy python3-matplotlib");
        }
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).endsWith("HeliographicCarrington 2026-03-10T00:00:00.000 (180, 360) 0.5000 -89.5000 359.5000 89.5000");
    }

    @Test
    void anInputThatIsNotAHelioprojectiveImageIsLeftOutAndNamed(@TempDir Path directory) throws Exception {
        List<SynopticMapMaker.Input> inputs = new ArrayList<>(inputs(directory.resolve("in")));
        Path cutout = SynopticTestData.fits("hmi.sharp_cea_720s.377.20110215_020000_TAI.bitmap.fits");
        inputs.add(new SynopticMapMaker.Input(cutout, "hmi.sharp_cea_720s.377.20110215_020000_TAI.bitmap.fits", "0".repeat(64)));
        SynopticMapMaker.Result result = MAKER.make(SynopticChannel.AIA_171, inputs, REFERENCE, directory.resolve("out"),
                PROVENANCE);
        assertThat(result.inputsUsed()).isEqualTo(2);
        assertThat(result.rejected()).singleElement().asString().startsWith("hmi.sharp_cea_720s.377.20110215_020000_TAI.bitmap.fits: ");
    }
}
