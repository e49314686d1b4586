package org.medoc.products.dem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fit-only benchmark on a cut of rows of a synthetic full-disc set (not part of the test run; see docs/benchmarks.md).
 * Arguments: set directory (the six FITS files of {@code DemBench}'s set, generated there with the same seed when
 * absent), side (default 4096), row step (default 16: every 16th row), repetitions (default 4), agreement window side
 * (default 0: no comparison with the exhaustive search). Fits on one thread and prints pixels per thread-CPU-second,
 * the figure to compare on a shared machine.
 */
public final class DemFitBench {

    private DemFitBench() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        int step = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int window = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        List<Path> files;
        try (var list = Files.list(directory)) {
            files = list.filter(p -> p.toString().endsWith(".fits")).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            files = List.of();
        }
        if (files.size() < 6) {
            files = new DemSyntheticSets().write(DemSyntheticSets.Scene.FULL_DISC, size, Instant.parse("2026-11-24T12:00:00Z"),
                    1, true, directory).files();
        }
        DemInput input = AiaSetReader.read(files).input();
        int width = input.width();
        int rows = (input.height() + step - 1) / step;
        Map<AiaChannel, float[]> rates = new EnumMap<>(AiaChannel.class);
        input.rates().forEach((channel, values) -> {
            float[] cut = new float[rows * width];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(values, r * step * width, cut, r * width, width);
            }
            rates.put(channel, cut);
        });
        DemInput cut = new DemInput(width, rows, rates, input.exposureSeconds(), input.pixelsAveraged());
        DemFitter fitter = DemFitter.standard().withThreads(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        fitter.fit(cut); // warm-up
        for (int r = 0; r < repetitions; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            fitter.fit(cut);
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "fit %d: %,d pixels, %.2f s wall, %.2f CPU-s, %,.0f pixels per CPU-second"
                            + " (load average %.2f)%n", r + 1, (long) rows * width, wall, cpu, rows * (double) width / cpu,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        if (window > 0) {
            int[] agreement = DemBench.agreement(fitter.withThreads(2), input, window);
            int same = agreement[0];
            int fitted = agreement[1];
            int bitSame = agreement[2];
            System.out.printf(Locale.ROOT, "fast vs exhaustive on the central %d² window: same node %d, same χ² and EM %d,"
                    + " of %d fitted%n", window, same, bitSame, fitted);
        }
    }
}
