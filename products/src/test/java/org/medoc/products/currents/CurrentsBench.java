package org.medoc.products.currents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark of one SHARP Jz map (not part of the test run; see docs/benchmarks.md for the command) on the HARP 377
 * record (744 × 377): after a warm-up, the median of {@code repetitions} runs (default 20) of each phase — reading the
 * seven segments (RICE decompression), the kernel alone, and the whole {@link CurrentMapMaker#make} (read + kernel +
 * FITS + PNG preview). Argument: the testdata directory (default {@code testdata}), repetitions.
 */
public final class CurrentsBench {

    private CurrentsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path testdata = Path.of(args.length > 0 ? args[0] : "testdata");
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.setProperty("medoc.testdata", testdata.toString());
        List<Path> files = SharpSamples.harp377();
        Path work = Files.createTempDirectory("currents-bench");
        CurrentDensity kernel = new CurrentDensity();
        CurrentMapMaker maker = new CurrentMapMaker();
        CurrentMapMaker.Provenance provenance = new CurrentMapMaker.Provenance("bench", "1.0", Map.of("x", "0".repeat(64)));
        System.out.printf(Locale.ROOT, "Currents bench: HARP 377 (744×377), %d repetitions, %d processors, %s%n",
                repetitions, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        for (int i = 0; i < 5; i++) {
            maker.make(files, work, provenance);
        }
        double[] read = new double[repetitions];
        double[] compute = new double[repetitions];
        double[] make = new double[repetitions];
        JzKeywords keywords = null;
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            SharpRecord record = SharpRecordReader.read(files);
            long t1 = System.nanoTime();
            keywords = kernel.compute(record.patch()).keywords();
            long t2 = System.nanoTime();
            maker.make(files, work, provenance);
            long t3 = System.nanoTime();
            read[i] = (t1 - t0) / 1e6;
            compute[i] = (t2 - t1) / 1e6;
            make[i] = (t3 - t2) / 1e6;
        }
        System.out.printf(Locale.ROOT, "read 7 segments: median %.1f ms%n", median(read));
        System.out.printf(Locale.ROOT, "Jz kernel:       median %.2f ms (%.0f Mpx/s)%n", median(compute),
                744 * 377 / median(compute) / 1e3);
        System.out.printf(Locale.ROOT, "whole map:       median %.1f ms (read + kernel + FITS + preview)%n", median(make));
        System.out.printf(Locale.ROOT, "CMASK %d, MEANJZD %.8f mA/m2, TOTUSJZ %.6e A, ERRJZ %.8f mA/m2%n",
                keywords.cmask(), keywords.meanJzd(), keywords.totUsJz(), keywords.errJz());
        try (var paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
