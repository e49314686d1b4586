package org.medoc.archive.bench;

import org.jooq.DSLContext;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.KeywordFilter;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.catalogue.ObservationSort;
import org.medoc.archive.catalogue.SearchResult;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Archive benchmark: ingest throughput on generated FITS files, and search latency on a catalogue of a million rows,
 * on the real embedded PostgreSQL. Not part of the test run. Command (from the repository root):
 *
 * <pre>
 * ./mvnw -q -pl archive-core -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medoc.archive.bench.ArchiveBench -Dexec.args="2000 1000000"
 * </pre>
 *
 * Arguments: number of files to ingest (default 2000), catalogue rows for the search part (default 1,000,000).
 */
public final class ArchiveBench {

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path work = Files.createTempDirectory("medoc-bench");
        System.setProperty("medoc.data-dir", work.resolve("data").toString());
        System.setProperty("logging.level.root", "WARN");
        try (ConfigurableApplicationContext context = SpringApplication.run(ArchiveTestApplication.class)) {
            if (files > 0) {
                ingest(context.getBean(IngestService.class), work.resolve("incoming"), files);
            }
            search(context.getBean(CatalogueService.class), context.getBean(DSLContext.class), rows);
        }
    }

    private static void ingest(IngestService ingest, Path directory, int files) throws Exception {
        List<Path> written = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int set = 0; written.size() < files; set++) {
            written.addAll(new DemoObservations(128, set).write(directory.resolve("set-" + set), start.plusSeconds(3600L * set), 1));
        }
        long bytes = 0;
        for (Path file : written) {
            bytes += Files.size(file);
        }
        long began = System.nanoTime();
        IngestReport report = ingest.ingest(List.of(directory), "bench");
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("ingest: %d files, %.1f MB in %.1f s: %.0f files/s, %.1f MB/s (%s)%n", written.size(),
                bytes / 1e6, seconds, written.size() / seconds, bytes / 1e6 / seconds, report.summary());
        long again = System.nanoTime();
        IngestReport repeat = ingest.ingest(List.of(directory), "bench again");
        double repeatSeconds = (System.nanoTime() - again) / 1e9;
        System.out.printf("re-ingest (all skipped): %.0f files/s (%s)%n", written.size() / repeatSeconds, repeat.summary());
    }

    /**
     * Adds {@code rows} synthetic public observations (nine instruments, AIA one in nine, ten years from 2015 at
     * 5-minute spacing) and refreshes the statistics; also used by the VO benchmark.
     */
    public static void syntheticCatalogue(DSLContext dsl, int rows) {
        syntheticRows(dsl, 1, rows, 300);
        // as autovacuum would have done on a catalogue that grew over time: statistics and the visibility map
        // (index-only scans for counts)
        dsl.execute("VACUUM (ANALYZE) archive.observation");
    }

    /**
     * Adds the synthetic rows numbered {@code first} to {@code last} (row g observed at 2015-01-01 + g × {@code
     * spacingSeconds}; nine instruments in turn, so AIA is one row in nine), without refreshing statistics; loading
     * a large catalogue in slices of disjoint numbers gives the same rows as one statement.
     */
    public static void syntheticRows(DSLContext dsl, long first, long last, double spacingSeconds) {
        // synthetic catalogue rows: 9 instruments, AIA channels, ten years of observations
        dsl.execute("""
                INSERT INTO archive.observation (mission, instrument, detector, wavelength_angstrom, date_obs, date_end,
                    date_obs_fits, time_source, exposure_seconds, level, file_name, size_bytes, sha256, storage_key,
                    checksum_status, header, hdus)
                SELECT m.mission, m.instrument, m.instrument, m.wavelengths[1 + (g % array_length(m.wavelengths, 1))],
                       timestamptz '2015-01-01' + g * ?::float8 * interval '1 second' + (g % 7) * interval '1 second',
                       timestamptz '2015-01-01' + g * ?::float8 * interval '1 second' + (g % 7) * interval '1 second' + interval '2 seconds',
                       'x', 'DATE-OBS', 2.0, '1', 'bench_' || g || '.fits', 1000 + g % 5000,
                       lpad(to_hex(g), 64, '0'), 'fits/bench/' || g, 'no checksums',
                       jsonb_build_object('WAVELNTH', m.wavelengths[1 + (g % array_length(m.wavelengths, 1))],
                                          'INSTRUME', m.instrument, 'QUALITY', g % 3, 'OBS_MODE', CASE WHEN g % 10 = 0 THEN 'SYNOPTIC' ELSE 'NORMAL' END),
                       '[]'::jsonb
                FROM generate_series(?::bigint, ?::bigint) AS g
                JOIN (VALUES (0, 'SDO', 'AIA', ARRAY[94,131,171,193,211,304,335]::float8[]),
                             (1, 'SDO', 'HMI', ARRAY[6173]::float8[]),
                             (2, 'SOHO', 'EIT', ARRAY[171,195,284,304]::float8[]),
                             (3, 'SOHO', 'LASCO', ARRAY[5300]::float8[]),
                             (4, 'SOLO', 'SPICE', ARRAY[704,770,1032]::float8[]),
                             (5, 'SOLO', 'EUI', ARRAY[174,304]::float8[]),
                             (6, 'STEREO-A', 'SECCHI', ARRAY[171,195,284,304]::float8[]),
                             (7, 'SOHO', 'MDI', ARRAY[6768]::float8[]),
                             (8, 'IRIS', 'IRIS', ARRAY[1400,2796]::float8[])) AS m(k, mission, instrument, wavelengths)
                  ON m.k = g % 9
                """, spacingSeconds, spacingSeconds, first, last);
    }

    private static void search(CatalogueService catalogue, DSLContext dsl, int rows) {
        long began = System.nanoTime();
        syntheticCatalogue(dsl, rows);
        System.out.printf("search: loaded %d catalogue rows in %.1f s%n", rows, (System.nanoTime() - began) / 1e9);
        if (Boolean.getBoolean("medoc.bench.explain")) {
            dsl.fetch("EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM archive.observation WHERE instrument = 'AIA'")
                    .forEach(r -> System.out.println("plan: " + r.get(0)));
        }

        Instant day = Instant.parse("2018-06-15T00:00:00Z");
        measure("instrument + wavelength + one day, page of 50", () -> catalogue.search(new ObservationQuery(
                day, day.plusSeconds(86400), null, "AIA", null, 171.0, null, null, null, List.of(), null, 0, 50, null)));
        measure("one month, all instruments, page of 50", () -> catalogue.search(new ObservationQuery(
                day, day.plusSeconds(30 * 86400L), null, null, null, null, null, null, null, List.of(), null, 0, 50, null)));
        measure("keyword OBS_MODE:SYNOPTIC + instrument, page of 50", () -> catalogue.search(new ObservationQuery(
                null, null, null, "EIT", null, null, null, null, null, List.of(KeywordFilter.parse("OBS_MODE:SYNOPTIC")),
                null, 0, 50, null)));
        measure("whole catalogue, newest first, page of 50 (counts 1M rows)", () -> catalogue.search(ObservationQuery.all(50)));
        SearchResult first = catalogue.search(new ObservationQuery(null, null, null, "AIA", null, null, null, null, null,
                List.of(), ObservationSort.parse("dateObs,asc"), 0, 1000, null));
        String deepCursor = first.nextCursor();
        for (int i = 0; i < 50 && deepCursor != null; i++) {
            deepCursor = catalogue.search(new ObservationQuery(null, null, null, "AIA", null, null, null, null, null,
                    List.of(), ObservationSort.parse("dateObs,asc"), 0, 1000, deepCursor)).nextCursor();
        }
        String cursor = deepCursor;
        measure("AIA page of 50 after 51,000 rows by cursor", () -> catalogue.search(new ObservationQuery(null, null, null,
                "AIA", null, null, null, null, null, List.of(), ObservationSort.parse("dateObs,asc"), 0, 50, cursor)));
        measure("AIA page of 50 after 51,000 rows by offset", () -> catalogue.search(new ObservationQuery(null, null, null,
                "AIA", null, null, null, null, null, List.of(), ObservationSort.parse("dateObs,asc"), 1020, 50, null)));
    }

    private static void measure(String name, Supplier<SearchResult> search) {
        for (int i = 0; i < 5; i++) {
            search.get();
        }
        int runs = 50;
        double[] millis = new double[runs];
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long began = System.nanoTime();
            total = search.get().total();
            millis[i] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("search %-58s median %7.2f ms, p95 %7.2f ms (total %d)%n", name + ":", millis[runs / 2],
                millis[(int) Math.ceil(runs * 0.95) - 1], total);
    }

}
