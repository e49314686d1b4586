package org.medoc.archive.bench;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.KeywordFilter;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.catalogue.ObservationSort;
import org.medoc.archive.catalogue.SearchResult;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Search latency on a large synthetic catalogue (issue 15: p95 under 50 ms at 20 million rows), on the real embedded
 * PostgreSQL with its default settings. Not part of the test run; see docs/benchmarks.md, "Search at 20 million
 * catalogue rows", for the command.
 *
 * <p>Arguments: rows (default 20,000,000), rows per loading statement (default 1,000,000), measured calls per query
 * (default 100). The rows are {@link ArchiveBench#syntheticRows}'s (nine instruments, AIA one in nine with seven
 * channels, one header in ten OBS_MODE = SYNOPTIC) spread over ten years whatever their number, so a day holds more
 * rows the larger the catalogue, as a real archive's does. After loading: {@code VACUUM (ANALYZE)}, the size of the
 * table and of each index (total and per million rows), then each query through {@link CatalogueService#search}
 * with the application's default exact-count limit, printing p50/p95/max, the total and whether it is an estimate.
 * {@code -Dmedoc.bench.hold-seconds=N} keeps the database up N seconds at the end (its JDBC URL is printed) to
 * explain queries by hand.
 */
public final class CatalogueScaleBench {

    /** Ten years of seconds: the synthetic rows always cover 2015–2024. */
    private static final double TEN_YEARS_SECONDS = 3652.5 * 86400;

    private CatalogueScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        long slice = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        // -Dmedoc.bench.data-dir=DIR keeps the loaded database in DIR; a later run with the same DIR and row count
        // skips the loading and measures the queries only (DIR/loaded-rows records a completed load)
        String kept = System.getProperty("medoc.bench.data-dir");
        Path data = kept != null ? Path.of(kept).toAbsolutePath() : Files.createTempDirectory("medoc-scale-bench").resolve("data");
        Path loadedMarker = data.resolve("loaded-rows");
        System.setProperty("medoc.data-dir", data.toString());
        System.setProperty("logging.level.root", "WARN");
        System.setProperty("server.port", "0");
        try (ConfigurableApplicationContext context = SpringApplication.run(ArchiveTestApplication.class)) {
            DSLContext dsl = context.getBean(DSLContext.class);
            CatalogueService catalogue = context.getBean(CatalogueService.class);
            System.out.printf(Locale.ROOT, "catalogue scale bench: %,d rows, %s, %d processors, load average %.1f%n",
                    rows, dsl.fetchValue("SELECT version()"), Runtime.getRuntime().availableProcessors(), load());
            if (Files.exists(loadedMarker) && Long.parseLong(Files.readString(loadedMarker).trim()) == rows) {
                System.out.printf(Locale.ROOT, "reusing the %,d rows loaded in %s (no loading)%n", rows, data);
            } else if (Files.exists(loadedMarker)) {
                throw new IllegalStateException(data + " holds another catalogue (" + Files.readString(loadedMarker).trim()
                        + " rows): remove it or choose another directory");
            } else {
                load(dsl, rows, slice, data.resolve("secondary-indexes.tsv"));
                Files.writeString(loadedMarker, rows + "\n");
            }
            sizes(dsl, rows);
            queries(catalogue, runs);
            long hold = Long.getLong("medoc.bench.hold-seconds", 0);
            if (hold > 0) {
                System.out.println("database: " + context.getEnvironment().getProperty("spring.datasource.url")
                        + " — held " + hold + " s");
                Thread.sleep(hold * 1000);
            }
        }
    }

    /**
     * Loads the rows the way a bulk load should go (the loading rate at 20 M rows went from 6-12 k rows/s with every
     * index maintained row by row to the figures in docs/benchmarks.md): the secondary indexes are dropped (their
     * definitions kept from {@code pg_indexes}), the rows inserted by {@code INSERT … SELECT generate_series} in
     * slices, the indexes built again in one sort each with a large {@code maintenance_work_mem}, then {@code VACUUM
     * (ANALYZE)}. The primary key and the SHA-256 unique key stay: the synthetic ids and hashes grow monotonically, so
     * they are appended at the right edge of their B-trees.
     */
    private static void load(DSLContext dsl, long rows, long slice, Path indexFile) {
        double spacing = TEN_YEARS_SECONDS / rows;
        dsl.connection(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET synchronous_commit = off");
                sql.execute("SET maintenance_work_mem = '1GB'");
                long began = System.nanoTime();
                List<String[]> indexes = new ArrayList<>();
                boolean empty;
                try (ResultSet r = sql.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM archive.observation)")) {
                    empty = r.next() && r.getBoolean(1);
                }
                if (empty) {
                    try (ResultSet r = sql.executeQuery("""
                            SELECT i.indexname, i.indexdef FROM pg_indexes i
                            WHERE i.schemaname = 'archive' AND i.tablename = 'observation'
                              AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                              WHERE c.conindid = (i.schemaname || '.' || i.indexname)::regclass)
                            ORDER BY i.indexname""")) {
                        while (r.next()) {
                            indexes.add(new String[] {r.getString(1), r.getString(2)});
                        }
                    }
                    // kept beside the data so that a load interrupted while indexing can be finished by a later run
                    Files.write(indexFile, indexes.stream().map(i -> i[0] + "\t" + i[1]).toList());
                    for (String[] index : indexes) {
                        sql.execute("DROP INDEX archive." + index[0]);
                    }
                    System.out.printf(Locale.ROOT, "dropped %d secondary indexes for the load%n", indexes.size());
                    DSLContext one = DSL.using(connection, dsl.dialect());
                    for (long first = 1; first <= rows; first += slice) {
                        long last = Math.min(rows, first + slice - 1);
                        ArchiveBench.syntheticRows(one, first, last, spacing);
                        double seconds = (System.nanoTime() - began) / 1e9;
                        System.out.printf(Locale.ROOT, "loaded %,d rows in %.0f s (%,.0f rows/s, load average %.1f)%n",
                                last, seconds, last / seconds, load());
                    }
                } else {
                    long present;
                    try (ResultSet r = sql.executeQuery("SELECT count(*) FROM archive.observation")) {
                        present = r.next() ? r.getLong(1) : 0;
                    }
                    if (present != rows || !Files.exists(indexFile)) {
                        throw new IllegalStateException(indexFile.getParent() + " holds " + present + " rows of an "
                                + "unfinished load of another size: remove it or choose another directory");
                    }
                    for (String line : Files.readAllLines(indexFile)) {
                        indexes.add(line.split("\t", 2));
                    }
                    System.out.printf(Locale.ROOT, "finishing the interrupted load of %,d rows: building the missing indexes%n", rows);
                }
                for (String[] index : indexes) {
                    long build = System.nanoTime();
                    try (ResultSet r = sql.executeQuery("SELECT to_regclass('archive." + index[0] + "') IS NOT NULL")) {
                        if (r.next() && r.getBoolean(1)) {
                            continue;
                        }
                    }
                    sql.execute(index[1]);
                    System.out.printf(Locale.ROOT, "index %-34s built in %5.0f s (load average %.1f)%n", index[0],
                            (System.nanoTime() - build) / 1e9, load());
                }
                System.out.printf(Locale.ROOT, "loaded and indexed %,d rows in %.0f s (%,.0f rows/s overall)%n", rows,
                        (System.nanoTime() - began) / 1e9, rows / ((System.nanoTime() - began) / 1e9));
                long vacuum = System.nanoTime();
                // what autovacuum does to a catalogue that grew over time: statistics, and the visibility map that
                // lets counts use index-only scans
                sql.execute("VACUUM (ANALYZE) archive.observation");
                System.out.printf(Locale.ROOT, "VACUUM (ANALYZE): %.0f s (load average %.1f)%n",
                        (System.nanoTime() - vacuum) / 1e9, load());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Table and index sizes, in total and per million rows: the basis of the 500 M-row layout in docs/scaling.md. */
    private static void sizes(DSLContext dsl, long rows) {
        double millions = rows / 1e6;
        for (Record r : dsl.fetch("""
                SELECT c.relname, c.relkind, pg_relation_size(c.oid) AS bytes
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'archive'
                  AND (c.relname = 'observation'
                       OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'archive.observation'::regclass)
                       OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'archive.observation'::regclass))
                ORDER BY bytes DESC
                """)) {
            long bytes = r.get("bytes", Long.class).longValue();
            System.out.printf(Locale.ROOT, "size %-34s %s %9.1f MiB, %7.1f MiB per million rows%n", r.get("relname"),
                    "r".equals(r.get("relkind", String.class)) ? "table" : "index", bytes / 1048576.0,
                    bytes / 1048576.0 / millions);
        }
        long total = dsl.fetchValue(org.jooq.impl.DSL.field("pg_total_relation_size('archive.observation')", Long.class));
        System.out.printf(Locale.ROOT, "size total (table + indexes + TOAST) %9.1f MiB, %7.1f MiB per million rows%n",
                total / 1048576.0, total / 1048576.0 / millions);
    }

    private static void queries(CatalogueService catalogue, int runs) {
        Instant day = Instant.parse("2018-06-15T00:00:00Z");
        Instant nextDay = day.plusSeconds(86400);
        Instant nextMonth = day.plusSeconds(30 * 86400L);
        ObservationSort ascending = ObservationSort.parse("dateObs,asc");
        measure("AIA 171 Å, one day (selective)", runs, () -> catalogue.search(new ObservationQuery(day, nextDay, null,
                "AIA", null, 171.0, null, null, null, List.of(), null, 0, 50, null)));
        measure("AIA, one day", runs, () -> catalogue.search(new ObservationQuery(day, nextDay, null, "AIA", null,
                null, null, null, null, List.of(), null, 0, 50, null)));
        measure("AIA, one month", runs, () -> catalogue.search(new ObservationQuery(day, nextMonth, null, "AIA", null,
                null, null, null, null, List.of(), null, 0, 50, null)));
        measure("all instruments, one month", runs, () -> catalogue.search(new ObservationQuery(day, nextMonth, null,
                null, null, null, null, null, null, List.of(), null, 0, 50, null)));
        measure("AIA, everything", runs, () -> catalogue.search(new ObservationQuery(null, null, null, "AIA", null,
                null, null, null, null, List.of(), null, 0, 50, null)));
        measure("whole catalogue, newest first", runs, () -> catalogue.search(ObservationQuery.all(50)));
        measure("keyword OBS_MODE:SYNOPTIC + EIT", runs, () -> catalogue.search(new ObservationQuery(null, null,
                null, "EIT", null, null, null, null, null, List.of(KeywordFilter.parse("OBS_MODE:SYNOPTIC")), null, 0,
                50, null)));
        measure("keyword OBS_MODE:SYNOPTIC + EIT, one month", runs, () -> catalogue.search(new ObservationQuery(day,
                nextMonth, null, "EIT", null, null, null, null, null, List.of(KeywordFilter.parse("OBS_MODE:SYNOPTIC")),
                null, 0, 50, null)));
        String aia = deepCursor(catalogue, new ObservationQuery(null, null, null, "AIA", null, null, null, null, null,
                List.of(), ascending, 0, 1000, null));
        measure("AIA, page after 100,000 rows, by cursor", runs, () -> catalogue.search(new ObservationQuery(null,
                null, null, "AIA", null, null, null, null, null, List.of(), ascending, 0, 50, aia)));
        String all = deepCursor(catalogue, ObservationQuery.all(1000));
        measure("whole catalogue, page after 100,000 rows, by cursor", runs, () -> catalogue.search(
                new ObservationQuery(null, null, null, null, null, null, null, null, null, List.of(), null, 0, 50, all)));
    }

    /** The cursor after the first 100 pages of 1,000 rows of {@code first}. */
    private static String deepCursor(CatalogueService catalogue, ObservationQuery first) {
        SearchResult page = catalogue.search(first);
        for (int i = 1; i < 100 && page.nextCursor() != null; i++) {
            page = catalogue.search(new ObservationQuery(first.from(), first.to(), first.mission(), first.instrument(),
                    first.detector(), first.wavelengthAngstrom(), first.wavelengthMinAngstrom(),
                    first.wavelengthMaxAngstrom(), first.level(), first.keywords(), first.sort(), 0, 1000,
                    page.nextCursor()));
        }
        return page.nextCursor();
    }

    private static void measure(String name, int runs, Supplier<SearchResult> search) {
        try {
            search.get();
        } catch (RuntimeException e) {
            // e.g. the statement timeout (medoc.catalogue.statement-timeout): report it and go on with the others
            System.out.printf(Locale.ROOT, "search %-52s FAILED: %s (load average %.1f)%n", name + ":",
                    e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).lines().reduce((a, b) -> b).orElse(""), load());
            return;
        }
        for (int i = 0; i < 4; i++) {
            search.get();
        }
        double[] millis = new double[runs];
        SearchResult result = null;
        for (int i = 0; i < runs; i++) {
            long began = System.nanoTime();
            result = search.get();
            millis[i] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "search %-52s p50 %7.2f ms, p95 %7.2f ms, max %7.2f ms, total %,d%s"
                        + " (load average %.1f)%n", name + ":", millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1],
                millis[runs - 1], result.total(), result.totalIsEstimate() ? " (estimate)" : "", load());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
