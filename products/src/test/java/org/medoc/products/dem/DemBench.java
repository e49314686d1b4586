package org.medoc.products.dem;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.medoc.products.image.FitsProductWriter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the DEM maps on a full-resolution synthetic six-channel set (not part of the test run; see
 * docs/benchmarks.md for the command). Arguments: image side (default 4096), threads (default all processors),
 * work directory (default a temporary one, deleted at the end), repetitions of the fit (default 2).
 *
 * <p>Prints: set generation time, read time, fit time and pixels per second (after a warm-up on a 512² set), the
 * whole {@link DemMapMaker#make} time (read + fit + FITS + previews) with the wall and CPU time of each step, the peak
 * heap of each phase, the agreement of the fast and exhaustive searches on a 256 × 256 window, and the product's maps
 * written again uncompressed and with each GZIP_2 compressor (now, before, nom-tam-fits's own).
 */
public final class DemBench {

    private DemBench() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        boolean temporary = args.length <= 2;
        Path work = temporary ? Files.createTempDirectory("dem-bench") : Path.of(args[2]);
        int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Instant time = Instant.parse("2026-11-24T12:00:00Z");
        System.out.printf(Locale.ROOT, "DEM bench: %d×%d, %d threads, %d processors, max heap %d MiB, %s%n", size, size,
                threads, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.version"));
        try {
            long t0 = System.nanoTime();
            DemFitter fitter = DemFitter.standard().withThreads(threads);
            System.out.printf(Locale.ROOT, "grid tables: %.2f s%n", seconds(t0));

            DemSyntheticSets sets = new DemSyntheticSets();
            DemSyntheticSets.SyntheticSet warm = sets.write(DemSyntheticSets.Scene.FULL_DISC, 512, time, 2, true,
                    work.resolve("warm"));
            DemInput warmInput = AiaSetReader.read(warm.files()).input();
            for (int i = 0; i < 3; i++) {
                fitter.fit(warmInput);
            }

            resetPeaks();
            t0 = System.nanoTime();
            DemSyntheticSets.SyntheticSet set = sets.write(DemSyntheticSets.Scene.FULL_DISC, size, time, 1, true,
                    work.resolve("set"));
            System.out.printf(Locale.ROOT, "generate set: %.2f s, peak heap %d MiB%n", seconds(t0), peakHeapMiB());
            set = new DemSyntheticSets.SyntheticSet(set.files(), size, null, null, null, set.pixelsAveraged());
            System.gc();

            resetPeaks();
            t0 = System.nanoTime();
            DemInput input = AiaSetReader.read(set.files()).input();
            System.out.printf(Locale.ROOT, "read six channels: %.2f s, peak heap %d MiB%n", seconds(t0), peakHeapMiB());
            long pixels = (long) size * size;
            for (int r = 0; r < repetitions; r++) {
                resetPeaks();
                long cpu0 = processCpuNanos();
                t0 = System.nanoTime();
                DemMaps maps = fitter.fit(input);
                double fitSeconds = seconds(t0);
                double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "fit %d: %.2f s wall, %,.0f pixels/s; %.2f CPU-s, %,.0f pixels per CPU-second"
                                + " (load average %.1f); peak heap %d MiB (centre log T %.2f)%n",
                        r + 1, fitSeconds, pixels / fitSeconds, cpuSeconds, pixels / cpuSeconds,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), peakHeapMiB(),
                        maps.logTemperature()[size / 2][size / 2]);
            }
            int window = Math.min(size, 256);
            int[] agreement = agreement(fitter, input, window);
            System.out.printf(Locale.ROOT, "fast vs exhaustive on the central %d² window: %d of %d fitted pixels (%.3f %%)%n",
                    window, agreement[0], agreement[1], 100.0 * agreement[0] / agreement[1]);
            input = null;
            System.gc();

            resetPeaks();
            System.out.println("whole product, DemMapMaker.make, per step:");
            long cpuStart = processCpuNanos();
            t0 = System.nanoTime();
            long[] last = {t0, cpuStart};
            DemMapResult result = new DemMapMaker(fitter).make(set.files(), work.resolve("out"),
                    new DemProvenance("bench", "1", time, List.of()), step -> {
                        long now = System.nanoTime();
                        long cpu = processCpuNanos();
                        System.out.printf(Locale.ROOT, "  %-12s %7.2f s wall %7.2f CPU-s (load average %.1f)%n", step,
                                (now - last[0]) / 1e9, (cpu - last[1]) / 1e9, loadAverage());
                        last[0] = now;
                        last[1] = cpu;
                    });
            double wholeSeconds = seconds(t0);
            double wholeCpu = (processCpuNanos() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "whole product (read + fit + FITS + 4 previews): %.2f s wall, %.2f CPU-s"
                            + " (load average %.1f), peak heap %d MiB, %,d fitted, %,d flagged, median log T %.2f,"
                            + " product %.1f MiB%n", wholeSeconds, wholeCpu, loadAverage(), peakHeapMiB(),
                    result.pixelsFitted(), result.pixelsFlagged(), result.medianLogT(),
                    Files.size(result.fitsFile()) / 1048576.0);
            layouts(result.fitsFile(), work.resolve("layouts"));
        } finally {
            if (temporary) {
                delete(work);
            }
        }
    }

    /**
     * Rewrites the product's maps in both layouts of {@link FitsProductWriter} and prints size and write time of each:
     * the gain of the lossless tile compression on real fitted maps.
     */
    private static void layouts(Path product, Path directory) throws Exception {
        Files.createDirectories(directory);
        List<FitsProductWriter.ImageExtension> maps = new java.util.ArrayList<>();
        try (Fits fits = new Fits(product.toFile())) {
            for (BasicHDU<?> hdu : fits.read()) {
                if (hdu instanceof CompressedImageHDU compressed) {
                    maps.add(new FitsProductWriter.ImageExtension(hdu.getHeader().getStringValue("EXTNAME"),
                            compressed.asImageHDU().getKernel(), null, List.of(), List.of()));
                }
            }
        }
        long plainBytes = 0;
        for (FitsProductWriter.Layout layout : FitsProductWriter.Layout.values()) {
            Path file = directory.resolve(layout.name().toLowerCase(Locale.ROOT) + ".fits");
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            FitsProductWriter.write(file, List.of(), List.of(), maps, layout);
            double writeSeconds = seconds(t0);
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            long bytes = Files.size(file);
            plainBytes = layout == FitsProductWriter.Layout.UNCOMPRESSED ? bytes : plainBytes;
            System.out.printf(Locale.ROOT, "FITS %s%s: %,d bytes (%.1f MiB, %.2f of uncompressed), written in %.2f s,"
                            + " %.2f CPU-s (load average %.1f)%n", layout,
                    layout == FitsProductWriter.Layout.TILE_COMPRESSED ? ", Huffman-only deflate (now)" : "", bytes, bytes / 1048576.0,
                    (double) bytes / plainBytes, writeSeconds, cpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        // the same compressed write with the earlier compressors, for before/after figures in one run: deflate level 1
        // with string matching (products until the Huffman-only coding) and nom-tam-fits's built-in level 6
        Path level1 = directory.resolve("services-level1");
        Files.writeString(level1, org.medoc.products.image.Level1Gzip2Compression.class.getName() + "\n");
        compressedWith("deflate level 1 (before)", withCompressorProviders(level1.toUri().toURL()),
                directory.resolve("tile_compressed_level1.fits"), maps, plainBytes);
        compressedWith("nom-tam-fits's default level 6", withCompressorProviders(null),
                directory.resolve("tile_compressed_level6.fits"), maps, plainBytes);
    }

    private static void compressedWith(String what, ClassLoader providers, Path file,
                                       List<FitsProductWriter.ImageExtension> maps, long plainBytes) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader loader = thread.getContextClassLoader();
        thread.setContextClassLoader(providers);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        try {
            FitsProductWriter.write(file, List.of(), List.of(), maps, FitsProductWriter.Layout.TILE_COMPRESSED);
        } finally {
            thread.setContextClassLoader(loader);
        }
        double writeSeconds = seconds(t0);
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "FITS TILE_COMPRESSED, %s: %,d bytes (%.1f MiB, %.2f of uncompressed), written in"
                        + " %.2f s, %.2f CPU-s (load average %.1f)%n", what, bytes, bytes / 1048576.0,
                (double) bytes / plainBytes, writeSeconds, cpuSeconds, loadAverage());
    }

    /**
     * A class loader whose service file of nom-tam-fits's compressor providers is {@code services} (none when null),
     * so nom-tam-fits (which looks providers up through the thread's context class loader) uses the providers listed
     * there, or falls back to its built-in compressors.
     */
    private static ClassLoader withCompressorProviders(java.net.URL services) {
        String name = "META-INF/services/" + nom.tam.fits.compression.provider.api.ICompressorProvider.class.getName();
        return new ClassLoader(Thread.currentThread().getContextClassLoader()) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String resource) throws IOException {
                if (!name.equals(resource)) {
                    return super.getResources(resource);
                }
                return services == null ? java.util.Collections.emptyEnumeration()
                        : java.util.Collections.enumeration(List.of(services));
            }
        };
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Fits the central {@code window}² of the set with the fast and the exhaustive search; returns the pixels with the
     * same node, the fitted pixels, and the pixels whose χ² and EM are the same too.
     */
    static int[] agreement(DemFitter fitter, DemInput input, int window) {
        int x0 = (input.width() - window) / 2;
        int y0 = (input.height() - window) / 2;
        java.util.Map<AiaChannel, float[]> rates = new java.util.EnumMap<>(AiaChannel.class);
        input.rates().forEach((channel, values) -> {
            float[] cut = new float[window * window];
            for (int y = 0; y < window; y++) {
                System.arraycopy(values, (y0 + y) * input.width() + x0, cut, y * window, window);
            }
            rates.put(channel, cut);
        });
        DemInput cut = new DemInput(window, window, rates, input.exposureSeconds(), input.pixelsAveraged());
        DemMaps fast = fitter.fit(cut);
        DemMaps exhaustive = fitter.withSearch(DemFitter.Search.EXHAUSTIVE).fit(cut);
        int same = 0;
        int fitted = 0;
        int bitSame = 0;
        for (int y = 0; y < window; y++) {
            for (int x = 0; x < window; x++) {
                if (!Float.isNaN(exhaustive.logTemperature()[y][x])) {
                    fitted++;
                    if (fast.logTemperature()[y][x] == exhaustive.logTemperature()[y][x]
                            && fast.widthDex()[y][x] == exhaustive.widthDex()[y][x]) {
                        same++;
                        if (fast.chiSquare()[y][x] == exhaustive.chiSquare()[y][x]
                                && fast.emissionMeasure()[y][x] == exhaustive.emissionMeasure()[y][x]) {
                            bitSame++;
                        }
                    }
                }
            }
        }
        return new int[] {same, fitted, bitSame};
    }

    /** CPU time of the whole process (all threads), which the other processes of a shared machine do not inflate. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound of the live peak: pools peak apart). */
    private static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    private static void delete(Path directory) throws IOException {
        try (var walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
