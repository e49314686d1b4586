package org.medoc.archive.bench;

import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.fits.DecodeBudget;
import org.medoc.archive.fits.FitsImageReader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;
import org.medoc.archive.fits.ImagePlane;
import org.medoc.archive.fits.Quicklook;
import org.medoc.archive.fits.Stretch;
import org.medoc.archive.ingest.IngestPipeline;
import org.medoc.archive.ingest.IngestProgress;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.LocalArchiveStore;
import org.medoc.archive.storage.Sha256;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ingest throughput on AIA-like level-1 files (4096² int16, RICE_1 in row tiles, CHECKSUM/DATASUM, real AIA header:
 * {@link AiaLikeFiles}) through the whole pipeline on the real embedded PostgreSQL and a local store, against the
 * single-threaded astropy reference ({@code astropy_reference.py} beside this class, run with /usr/bin/python3 on the
 * same files in the same run); then small files (64² demo observations); then where the time of one large file goes.
 * Not part of the test run. Command (repository root):
 *
 * <pre>
 * ./mvnw -q -pl archive-core -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medoc.archive.bench.IngestBench -Dexec.args="36 2000 0"
 * </pre>
 *
 * Arguments: large files (default 36), small files (default 2000), ingest workers (0: the default, two per core),
 * workers for the small files (default: the same). With 0 large files only the small files run (warmed up on 900 small
 * files of their own, then once more all skipped), without astropy. Each run prints the process CPU per file and the
 * embedded PostgreSQL's CPU per file, with the load average.
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 36;
        int small = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int smallWorkers = args.length > 3 ? Integer.parseInt(args[3]) : workers;
        work = Files.createTempDirectory("ingest-bench-").toRealPath();
        System.out.printf(Locale.ROOT, "machine: %d cores, JDK %s, load average before: %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());

        Path aia = Files.createDirectories(work.resolve("aia"));
        // JIT warm-up (a production ingest runs warm): files of their own, not measured
        Path warmUp = Files.createDirectories(work.resolve("warm-up"));
        List<Path> files = new ArrayList<>();
        if (large > 0) {
            AiaLikeFiles generator = new AiaLikeFiles(ArchiveTestApplication.sampleFits().resolve("aia_171_cutout.fits"),
                    4096);
            long began = System.nanoTime();
            for (int i = 0; i < large; i++) {
                files.add(generator.write(aia, i, Instant.parse("2024-03-01T00:00:00Z"), 4242));
            }
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            System.out.printf(Locale.ROOT, "generated %d AIA-like files, %.1f MB (%.2f MB each) in %.0f s%n", large,
                    bytes / 1e6, bytes / 1e6 / Math.max(1, large), (System.nanoTime() - began) / 1e9);
            for (int i = 0; i < 8; i++) {
                generator.write(warmUp, 1000 + i, Instant.parse("2024-02-01T00:00:00Z"), 99);
            }
        } else {
            // small files only: warm up on small files of their own (other seeds, other times: other contents)
            for (int set = 0; set < 100; set++) {
                new DemoObservations(64, 9000 + set).write(warmUp.resolve("set-" + set),
                        Instant.parse("2023-01-01T00:00:00Z").plusSeconds(3600L * set), 1);
            }
        }
        Path smallDir = work.resolve("small");
        List<Path> smallFiles = new ArrayList<>();
        for (int set = 0; smallFiles.size() < small; set++) {
            smallFiles.addAll(new DemoObservations(64, 7000 + set).write(smallDir.resolve("set-" + set),
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * set), 1));
        }

        System.setProperty("medoc.data-dir", work.resolve("data").toString());
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("server.port", "0"); // beside other servers on the machine
        double[] java;
        try (ConfigurableApplicationContext context = SpringApplication.run(ArchiveTestApplication.class)) {
            IngestService ingest = context.getBean(IngestService.class);
            IngestPipeline.Settings settings = workers > 0 ? ingest.pipelineSettings().withWorkers(workers)
                    : ingest.pipelineSettings();
            System.out.println("pipeline: " + settings);
            if (large > 0) {
                run("warm-up (8 AIA-like files, not counted)", ingest, warmUp, settings);
                java = run("AIA-like", ingest, aia, settings);
                run("AIA-like again (all skipped)", ingest, aia, settings);
            } else {
                java = null;
            }
            IngestPipeline.Settings smallSettings = smallWorkers > 0 ? settings.withWorkers(smallWorkers) : settings;
            if (large == 0) {
                run("warm-up (small files, not counted)", ingest, warmUp, smallSettings);
            }
            run("small files (64² demo observations), " + smallSettings.workers() + " workers", ingest, smallDir,
                    smallSettings);
            run("small files again (all skipped)", ingest, smallDir, smallSettings);
        }
        if (large == 0) {
            System.out.println("one small file, one thread (best of 40):");
            profile(smallFiles.stream().filter(f -> f.getFileName().toString().startsWith("aia")).limit(20).toList(),
                    work.resolve("profile-store-small"));
            System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
            return;
        }

        double[] reference = astropy(aia);
        double refMbps = reference[1] / 1e6 / reference[2];
        double refCpuPerMb = reference[3] / (reference[1] / 1e6);
        System.out.printf(Locale.ROOT, "astropy reference (single thread): %d files, %.1f MB in %.1f s: %.2f files/s,"
                + " %.1f MB/s; %.1f CPU-s (%.2f CPU-ms per MB)%n", (long) reference[0], reference[1] / 1e6, reference[2],
                reference[0] / reference[2], refMbps, reference[3], refCpuPerMb * 1e3);
        System.out.printf(Locale.ROOT, "ratio medoc / astropy, wall MB/s in this run: %.2f×%n", java[0] / refMbps);
        // on a shared machine the wall ratio favours the process with more threads; CPU per MB does not depend on it
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "CPU per MB: medoc %.2f ms, astropy %.2f ms (%.2f× less); on %d idle cores that"
                        + " is at most %.0f MB/s for medoc (all cores) and %.0f MB/s for astropy (one core)%n",
                java[1] * 1e3, refCpuPerMb * 1e3, refCpuPerMb / java[1], cores, cores / java[1], 1 / refCpuPerMb);
        System.out.println("one AIA-like file, one thread (best of " + 2 * Math.min(4, files.size()) + "):");
        profile(files.subList(0, Math.min(4, files.size())), work.resolve("profile-store"));
        System.out.println("one small file, one thread (best of 40):");
        profile(smallFiles.stream().filter(f -> f.getFileName().toString().startsWith("aia")).limit(20).toList(),
                work.resolve("profile-store-small"));
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    /** The bench's working directory: the embedded PostgreSQL's data directory is below it. */
    private static Path work;

    /** {wall MB/s, CPU seconds of this JVM per MB} of one ingest run. */
    private static double[] run(String what, IngestService ingest, Path directory, IngestPipeline.Settings settings)
            throws Exception {
        IngestProgress[] last = new IngestProgress[1];
        long pgBefore = postgresCpuNanos();
        long cpuBefore = processCpuNanos();
        IngestReport report = ingest.ingest(List.of(directory), "bench", settings, progress -> {
            last[0] = progress;
            System.out.println("  … " + progress.line());
        });
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        double pg = (postgresCpuNanos() - pgBefore) / 1e9;
        IngestProgress p = last[0];
        System.out.printf(Locale.ROOT, "%s: %d files, %.1f MB in %.2f s: %.1f files/s, %.1f MB/s; %.1f CPU-s"
                        + " (%.1f CPU-ms per file, %.2f CPU-ms per MB) (%s)%n", what, p.filesTotal(), p.bytesTotal() / 1e6,
                p.elapsed().toNanos() / 1e9, p.filesPerSecond(), p.megabytesPerSecond(), cpu, cpu * 1e3 / p.filesTotal(),
                cpu * 1e3 / (p.bytesTotal() / 1e6), report.summary());
        System.out.printf(Locale.ROOT, "  embedded PostgreSQL: %.1f CPU-s (%.2f CPU-ms per file); load average %s%n", pg,
                pg * 1e3 / p.filesTotal(), loadAverage());
        return new double[] {p.megabytesPerSecond(), cpu / (p.bytesTotal() / 1e6)};
    }

    /** CPU time of this JVM (all its threads; not the embedded PostgreSQL, a process of its own). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time (user + system) of the embedded PostgreSQL: its postmaster (found by its data directory, below the
     * bench's directory) and the postmaster's children (the connections' backends, kept open by the pool). Linux only;
     * 0 elsewhere.
     */
    private static long postgresCpuNanos() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            List<long[]> stats = new ArrayList<>(); // {pid, ppid, ticks}
            long postmaster = -1;
            for (Path proc : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    stats.add(new long[] {pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
                    if (Files.readString(proc.resolve("cmdline")).replace('\0', ' ').contains("-D " + work)) {
                        postmaster = pid;
                    }
                } catch (Exception e) {
                    // the process ended meanwhile
                }
            }
            long ticks = 0;
            for (long[] s : stats) {
                if (s[0] == postmaster || s[1] == postmaster) {
                    ticks += s[2];
                }
            }
            return ticks * 10_000_000L; // USER_HZ: 100 ticks a second on Linux
        } catch (Exception e) {
            return 0;
        }
    }

    /** {files, bytes, wall seconds, CPU seconds} of the astropy script on the directory. */
    private static double[] astropy(Path directory) throws Exception {
        Path script = directory.resolveSibling("astropy_reference.py");
        try (InputStream in = IngestBench.class.getResourceAsStream("astropy_reference.py")) {
            Files.copy(in, script);
        }
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher m = Pattern.compile("files=(\\d+) bytes=(\\d+) seconds=([0-9.]+) cpu=([0-9.]+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("the astropy reference failed: " + output);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4))};
    }

    /** Each step of one file alone, on one thread, warm (best of the files, two rounds). */
    private static void profile(List<Path> files, Path storeDir) throws Exception {
        LocalArchiveStore store = new LocalArchiveStore(storeDir);
        FitsLimits limits = FitsLimits.defaults();
        String[] names = {"SHA-256", "structure scan + CHECKSUM/DATASUM", "quicklook rows decode (every n-th row)",
                "quicklook PNG (block means, percentiles, encode)", "full decode (nom-tam-fits, for comparison)",
                "store put (copy, fsync, rename)"};
        double[] best = new double[names.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < 2; round++) {
            for (Path f : files) {
                long t0 = System.nanoTime();
                String sha = Sha256.of(f);
                long t1 = System.nanoTime();
                FitsInspection inspection = FitsInspector.inspect(f, limits);
                long t2 = System.nanoTime();
                ImagePlane rows = FitsImageReader.readQuicklookRows(f, inspection, inspection.primaryImage(), limits,
                        DecodeBudget.forFile(Files.size(f), limits), Quicklook.SIDE);
                long t3 = System.nanoTime();
                Quicklook.png(rows, Stretch.LOG, Quicklook.SIDE);
                long t4 = System.nanoTime();
                FitsImageReader.readPlane(f, inspection, inspection.primaryImage(), limits);
                long t5 = System.nanoTime();
                store.put("fits/" + sha + "-" + round + ".fits", f);
                long t6 = System.nanoTime();
                long[] t = {t0, t1, t2, t3, t4, t5, t6};
                for (int i = 0; i < names.length; i++) {
                    best[i] = Math.min(best[i], (t[i + 1] - t[i]) / 1e6);
                }
            }
        }
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "  %-50s %7.1f ms%n", names[i], best[i]);
        }
        try (Stream<Path> s = Files.walk(storeDir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
