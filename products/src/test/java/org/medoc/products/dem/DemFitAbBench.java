package org.medoc.products.dem;

import java.lang.management.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.Supplier;

/**
 * Same-run comparison of builds of the DEM fit (not part of the test run; see docs/benchmarks.md). Arguments: set
 * directory (six FITS files, e.g. {@code DemBench}'s kept set), row step, repetitions, then one class path per build
 * (optionally prefixed by {@code key=value,...|} system properties set before that build's classes load). Each build is
 * loaded in its own class loader with {@link DemFitRunner} first on its path; the fits alternate build by build on this
 * thread, so that every build sees the same load, and the best and median thread-CPU time per build are printed with
 * a checksum of the log T and σ maps (equal checksums: same nodes).
 */
public final class DemFitAbBench {

    private DemFitAbBench() {
    }

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        int step = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        int n = args.length - 3;
        List<Supplier<String>> runners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String spec = args[3 + i];
            String props = "";
            if (spec.contains("|")) { props = spec.substring(0, spec.indexOf('|')); spec = spec.substring(spec.indexOf('|') + 1); }
            for (String kv : props.split(",")) if (kv.contains("=")) System.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            System.out.println("build " + i + ": " + props);
            List<URL> urls = new ArrayList<>();
            for (String e : spec.split(":")) if (!e.isEmpty()) urls.add(Path.of(e).toUri().toURL());
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            @SuppressWarnings("unchecked")
            Supplier<String> r = (Supplier<String>) loader.loadClass("org.medoc.products.dem.DemFitRunner")
                    .getConstructor(String.class, int.class, int.class).newInstance(dir, step, 0);
            runners.add(r);
        }
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        // one thread: this thread's CPU time; more (-Ddem.ab.threads): the process's, since the pool's threads fit
        boolean process = Integer.getInteger("dem.ab.threads", 1) > 1;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long pixels = Long.parseLong(runners.get(0).get().split(" ")[0]);
        for (Supplier<String> r : runners) { r.get(); r.get(); }
        double[][] cpu = new double[n][reps];
        String[] sums = new String[n];
        for (int k = 0; k < reps; k++) {
            for (int i = 0; i < n; i++) {
                long c0 = process ? os.getProcessCpuTime() : tm.getCurrentThreadCpuTime();
                sums[i] = runners.get(i).get();
                cpu[i][k] = ((process ? os.getProcessCpuTime() : tm.getCurrentThreadCpuTime()) - c0) / 1e9;
            }
        }
        for (int i = 0; i < n; i++) {
            double[] c = cpu[i].clone();
            Arrays.sort(c);
            System.out.printf(Locale.ROOT, "build %d: %,d px; CPU-s min %.3f median %.3f; pixels per CPU-second best %,.0f median %,.0f; checksum %s%n",
                    i, pixels, c[0], c[reps / 2], pixels / c[0], pixels / c[reps / 2], sums[i]);
        }
        System.out.printf(Locale.ROOT, "load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
