package org.medoc.archive.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.archive.ExternalTools;
import org.medoc.archive.fits.FitsImageReader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;
import org.medoc.archive.fits.ImagePlane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoObservationsTests {

    @TempDir static Path directory;
    static List<Path> files;

    @BeforeAll
    static void writeDemoSet() throws IOException {
        files = new DemoObservations(128, 7).write(directory, Instant.parse("2026-11-20T12:00:00Z"), 2);
    }

    @Test
    void writesTwoAiaSixChannelSetsAndOneFileOfEachOtherKind() {
        assertThat(files).hasSize(15);
        assertThat(files.stream().filter(f -> f.getFileName().toString().startsWith("aia.lev1_5"))).hasSize(12);
        assertThat(files).anySatisfy(f -> assertThat(f.getFileName().toString()).startsWith("solo_L2_spice-n-ras_20261120T120500_V01_"));
    }

    @Test
    void everyFilePassesFitsverify() throws Exception {
        Path fitsverify = ExternalTools.require("fitsverify", "fitsverify");
        for (Path file : files) {
            Process process = new ProcessBuilder(fitsverify.toString(), "-q", "-e", file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(file.getFileName() + ": " + output).isZero();
            assertThat(output).as(file.getFileName().toString()).contains("OK");
        }
    }

    @Test
    void everyFileCarriesVerifiedChecksums() throws Exception {
        for (Path file : files) {
            FitsInspection inspection = FitsInspector.inspect(file, FitsLimits.defaults());
            assertThat(inspection.checksumStatus()).as(file.getFileName().toString()).startsWith("verified");
        }
    }

    @Test
    void activeRegionsOutshineTheQuietSunMoreInHotChannels() throws Exception {
        double ratio94 = activeToQuiet(files.get(0));
        double ratio171 = activeToQuiet(files.get(2));
        assertThat(ratio94).isGreaterThan(ratio171).isGreaterThan(2);
    }

    @Test
    void sharpPatchIsStoredAsScaledIntegersOfBipolarField() throws Exception {
        Path sharp = files.stream().filter(f -> f.getFileName().toString().contains("sharp")).findFirst().orElseThrow();
        FitsInspection inspection = FitsInspector.inspect(sharp, FitsLimits.defaults());
        assertThat(inspection.primaryImage().imageBitpix()).isEqualTo(32);
        ImagePlane br = FitsImageReader.readPlane(sharp, inspection, inspection.primaryImage(), FitsLimits.defaults());
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (float value : br.values()) {
            max = Math.max(max, value);
            min = Math.min(min, value);
        }
        assertThat(max).isBetween(2000.0, 2300.0);
        assertThat(min).isBetween(-1900.0, -1700.0);
    }

    private static double activeToQuiet(Path file) throws Exception {
        FitsInspection inspection = FitsInspector.inspect(file, FitsLimits.defaults());
        ImagePlane plane = FitsImageReader.readPlane(file, inspection, inspection.primaryImage(), FitsLimits.defaults());
        return mean(plane, 0.25, 0.15) / mean(plane, -0.1, 0.0);
    }

    /** Mean over a 3×3 box at disc coordinates (x, y) in solar radii, for the 128-pixel demo image. */
    private static double mean(ImagePlane plane, double x, double y) {
        int n = plane.width();
        double radiusPixels = 959.0 / (0.6 * 4096.0 / n);
        int cx = (int) Math.round((n - 1) / 2.0 + x * radiusPixels);
        int cy = (int) Math.round((n - 1) / 2.0 + y * radiusPixels);
        double sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                sum += plane.values()[(cy + dy) * n + cx + dx];
            }
        }
        return sum / 9;
    }
}
