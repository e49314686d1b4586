package org.medoc.archive.bench;

import org.jooq.DSLContext;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * VO/TAP benchmark over HTTP on the real embedded PostgreSQL: sync query latency on a catalogue of a million rows
 * (instrument + time range, as VESPA asks), and streaming a 100,000-row VOTable with the server's heap sampled
 * while it streams. Not part of the test run. Command (from the repository root):
 *
 * <pre>
 * ./mvnw -q -pl archive-core -am test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx256m -cp %classpath org.medoc.archive.bench.VoBench 1000000"
 * </pre>
 */
public final class VoBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path work = Files.createTempDirectory("medoc-vo-bench");
        System.setProperty("medoc.data-dir", work.resolve("data").toString());
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("server.port", "0");
        System.setProperty("medoc.vo.maxrec-limit", "1000000");
        try (ConfigurableApplicationContext context = SpringApplication.run(ArchiveTestApplication.class)) {
            DSLContext dsl = context.getBean(DSLContext.class);
            long began = System.nanoTime();
            ArchiveBench.syntheticCatalogue(dsl, rows);
            System.out.printf("loaded %d catalogue rows in %.1f s%n", rows, (System.nanoTime() - began) / 1e9);
            String tap = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/tap";
            HttpClient http = HttpClient.newHttpClient();

            // 2018-06-15 is JD 2458284.5
            latency(http, tap, "EPN-TAP: AIA, one day, ORDER BY time_min", """
                    SELECT granule_uid, time_min, time_max, spectral_range_min, access_url FROM medoc.epn_core
                    WHERE instrument_name = 'AIA' AND time_min >= 2458284.5 AND time_min < 2458285.5 ORDER BY time_min""");
            latency(http, tap, "EPN-TAP: AIA, one month, TOP 1000", """
                    SELECT TOP 1000 granule_uid, time_min, access_url FROM medoc.epn_core
                    WHERE instrument_name = 'AIA' AND time_min BETWEEN 2458284.5 AND 2458314.5 ORDER BY time_min""");
            latency(http, tap, "ObsCore: AIA, one day (MJD)", """
                    SELECT obs_id, t_min, em_min, access_url FROM ivoa.obscore
                    WHERE instrument_name = 'AIA' AND t_min >= 58284.0 AND t_min < 58285.0 ORDER BY t_min""");
            stream(http, tap, 10_000);
            stream(http, tap, 100_000);
        }
    }

    private static void latency(HttpClient http, String tap, String label, String adql) throws Exception {
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 55; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request(tap, adql, null), HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(label + ": HTTP " + response.statusCode() + " " + new String(response.body()));
            }
            bytes = response.body().length;
            if (i >= 5) {
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        System.out.printf("%s: median %.1f ms, p95 %.1f ms, %d bytes%n", label, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1), bytes);
    }

    /** Streams rows of AIA granules (111,111 at a million rows) and samples the server's heap while it writes. */
    private static void stream(HttpClient http, String tap, int maxrec) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        // what survives collections: rows held by the server would pile up in the old generation
        List<java.lang.management.MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().contains("Old Gen") || p.getName().contains("Tenured")).toList();
        oldGeneration.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long oldBefore = oldGeneration.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        long bytes;
        HttpResponse<InputStream> response = http.send(request(tap,
                "SELECT * FROM medoc.epn_core WHERE instrument_name = 'AIA'", maxrec), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        long oldPeak = oldGeneration.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("stream %,d rows x %d columns as VOTable: %.1f s, %.1f MB (%.0f rows/s); heap before %.0f MB, "
                        + "peak while streaming %.0f MB (old generation %.0f -> peak %.0f MB), max heap %.0f MB%n", maxrec, 55,
                seconds, bytes / 1e6, maxrec / seconds, before / 1e6, peak.get() / 1e6, oldBefore / 1e6, oldPeak / 1e6,
                memory.getHeapMemoryUsage().getMax() / 1e6);
    }

    private static HttpRequest request(String tap, String adql, Integer maxrec) {
        String form = "LANG=ADQL&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8)
                + (maxrec == null ? "" : "&MAXREC=" + maxrec);
        return HttpRequest.newBuilder(URI.create(tap + "/sync")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }
}
