package org.medoc.products.synoptic;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.medoc.archive.fits.FitsFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark of one synoptic map (not part of the test run; see docs/benchmarks.md for the command). Arguments: number
 * of inputs (default 30), image side (default 4096), grid resolution in degrees (default 0.1), work directory (default a
 * temporary one, deleted at the end). The inputs are AIA-like full-disc images of a {@link SyntheticSun} every 12 h
 * before the reference time, every third one a STEREO-like view 90° west (three rendered images under 30 headers). Prints the generation time, then the whole
 * {@link SynopticMapMaker#make} (read, merge, FITS, previews) twice, the first run warming the JIT.
 */
public final class SynopticBench {

    private SynopticBench() {
    }

    public static void main(String[] args) throws Exception {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        double resolution = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        boolean temporary = args.length <= 3;
        Path work = temporary ? Files.createTempDirectory("synoptic-bench") : Path.of(args[3]);
        Instant reference = Instant.parse("2026-11-24T00:00:00Z");
        System.out.printf(Locale.ROOT, "synoptic bench: %d inputs of %d², grid %s°, %d processors, max heap %d MiB, %s%n",
                inputs, size, resolution, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.version"));
        try {
            SyntheticSun sun = new SyntheticSun(reference.minus(Duration.ofDays(20)), 1);
            long t0 = System.nanoTime();
            // rendering 30 full-resolution images takes longer than the map; three are rendered (two Earth views, one
            // STEREO view) and the others are copies of them under the headers of their own times and positions. The
            // merge's cost does not depend on the pixel values, only on the geometry, which each header gives.
            Path[] rendered = {sun.writeAia(work.resolve("rendered"), reference, 171, size),
                    sun.writeAia(work.resolve("rendered"), reference.minus(Duration.ofHours(12)), 171, size),
                    sun.writeEuvi(work.resolve("rendered"), reference.minus(Duration.ofHours(24)), 171, size, 90)};
            List<SynopticMapMaker.Input> files = new ArrayList<>();
            Files.createDirectories(work.resolve("in"));
            for (int i = 0; i < inputs; i++) {
                Instant time = reference.minus(Duration.ofHours(12L * i));
                boolean stereo = i % 3 == 2;
                Path file = work.resolve("in").resolve("input_" + i + ".fits");
                try (Fits fits = new Fits(rendered[i % 3].toFile())) {
                    BasicHDU<?> hdu = fits.readHDU();
                    Header header = hdu.getHeader();
                    header.addValue("DATE-OBS", time.toString().replace("Z", ""), "[UTC]");
                    header.addValue("T_OBS", time.toString(), "[UTC]");
                    header.addValue("CRLN_OBS", SolarObserver.normalise(SyntheticSun.earthCarringtonLongitude(time)
                            + (stereo ? 90 : 0)), "[deg]");
                    FitsFiles.writeWithChecksum(file, hdu);
                }
                files.add(new SynopticMapMaker.Input(file, file.getFileName().toString(), "0".repeat(64)));
            }
            System.out.printf(Locale.ROOT, "generate %d inputs: %.1f s%n", inputs, (System.nanoTime() - t0) / 1e9);
            SynopticMapMaker maker = new SynopticMapMaker(
                    SynopticParameters.standard().withGrid(CarringtonGrid.ofResolution(resolution)));
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                long cpuStart = cpu();
                SynopticMapMaker.Result result = maker.make(SynopticChannel.AIA_171, files, reference,
                        work.resolve("out" + run), new SynopticMapMaker.Provenance("bench", "1.0", MapKind.NOWCAST));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: one map from %d inputs in %.1f s (process CPU %.1f s), "
                                + "%.2f s per input; surface coverage %.4f, FITS %d MB%n", run, result.inputsUsed(), seconds,
                        (cpu() - cpuStart) / 1e9, seconds / result.inputsUsed(), result.surfaceCoverage(),
                        Files.size(result.fitsFile()) >> 20);
            }
        } finally {
            if (temporary) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    System.err.println("could not delete " + work);
                }
            }
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
