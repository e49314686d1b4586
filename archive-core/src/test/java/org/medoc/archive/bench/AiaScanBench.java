package org.medoc.archive.bench;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.catalogue.CatalogueService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * The DEM chain's input-set scan over a month of AIA at its real cadence (seven EUV channels every 12 s), on the real
 * embedded PostgreSQL: {@link CatalogueService#aiaImagesNear} (one query per day of 48 half-hourly reference times,
 * ±30 s, six channels) against the query the DEM rule ran before it (every AIA row of the six channels between the
 * day's first and last reference time, picked over in Java). Not part of the test run. Command (repository root):
 *
 * <pre>
 * ./mvnw -q -pl archive-core -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.medoc.archive.bench.AiaScanBench -Dexec.args="30"
 * </pre>
 *
 * Argument: days of AIA rows (default 30).
 */
public final class AiaScanBench {

    private static final List<Integer> DEM_CHANNELS = List.of(94, 131, 171, 193, 211, 335);
    private static final Duration TOLERANCE = Duration.ofSeconds(30);
    private static final Duration CADENCE = Duration.ofMinutes(30);
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path work = Files.createTempDirectory("medoc-bench");
        System.setProperty("medoc.data-dir", work.resolve("data").toString());
        System.setProperty("logging.level.root", "WARN");
        try (ConfigurableApplicationContext context = SpringApplication.run(ArchiveTestApplication.class)) {
            DSLContext dsl = context.getBean(DSLContext.class);
            CatalogueService catalogue = context.getBean(CatalogueService.class);
            load(dsl, days);
            measure("catalogue.aiaImagesNear, " + days + " days by day", () -> scan(days, references -> catalogue
                    .aiaImagesNear(DEM_CHANNELS, references, TOLERANCE).size()));
            measure("previous query (all rows of the day), " + days + " days by day", () -> scan(days, references ->
                    previousQuery(dsl, references)));
            Instant noon = START.plus(Duration.ofDays(days / 2)).plus(Duration.ofHours(12));
            measure("catalogue.aiaImagesNear, one reference time", () -> catalogue.aiaImagesNear(DEM_CHANNELS,
                    List.of(noon), TOLERANCE).size());
            measure("previous query, one reference time", () -> previousQuery(dsl, List.of(noon)));
        }
    }

    /** Seven EUV channels every 12 s (channel n at +n s), as AIA observes; the file columns are placeholders. */
    private static void load(DSLContext dsl, int days) {
        long began = System.nanoTime();
        long rows = days * 7200L * 7;
        dsl.execute("""
                INSERT INTO archive.observation (mission, instrument, detector, wavelength_angstrom, date_obs, date_end,
                    date_obs_fits, time_source, exposure_seconds, level, file_name, size_bytes, sha256, storage_key,
                    checksum_status, header, hdus)
                SELECT 'SDO', 'AIA', 'AIA', c.w,
                       timestamptz '2024-01-01' + (g / 7) * interval '12 seconds' + (g % 7) * interval '1 second',
                       timestamptz '2024-01-01' + (g / 7) * interval '12 seconds' + (g % 7) * interval '1 second' + interval '2 seconds',
                       'x', 'DATE-OBS', 2.0, '1.5', 'aia_' || g || '.fits', 1000 + g % 5000,
                       lpad(to_hex(g), 64, '0'), 'fits/bench/' || g, 'no checksums',
                       jsonb_build_object('WAVELNTH', c.w, 'INSTRUME', 'AIA'), '[]'::jsonb
                FROM generate_series(0, ? - 1) AS g
                JOIN (VALUES (0, 94.0), (1, 131.0), (2, 171.0), (3, 193.0), (4, 211.0), (5, 304.0), (6, 335.0))
                    AS c(k, w) ON c.k = g % 7
                """, rows);
        dsl.execute("VACUUM (ANALYZE) archive.observation");
        System.out.printf("loaded %,d AIA rows (%d days) in %.1f s%n", rows, days, (System.nanoTime() - began) / 1e9);
    }

    /** A scan as AiaChannelSets.find makes it: the day's reference times, one query per day; returns images found. */
    private static int scan(int days, java.util.function.ToIntFunction<List<Instant>> perDay) {
        int found = 0;
        for (int day = 0; day < days; day++) {
            List<Instant> references = new ArrayList<>();
            Instant dayStart = START.plus(Duration.ofDays(day));
            for (Instant r = dayStart; r.isBefore(dayStart.plus(Duration.ofDays(1))); r = r.plus(CADENCE)) {
                references.add(r);
            }
            found += perDay.applyAsInt(references);
        }
        return found;
    }

    /** The DEM rule's query before the catalogue answered it (rows fetched; the Java pick is left out, in its favour). */
    private static int previousQuery(DSLContext dsl, List<Instant> references) {
        Condition channel = DSL.falseCondition();
        for (int wavelength : DEM_CHANNELS) {
            channel = channel.or(OBSERVATION.WAVELENGTH_ANGSTROM.between(wavelength - 0.5, wavelength + 0.5));
        }
        return dsl.select(OBSERVATION.ID, OBSERVATION.WAVELENGTH_ANGSTROM, OBSERVATION.DATE_OBS,
                        OBSERVATION.FILE_NAME, OBSERVATION.SHA256, OBSERVATION.STORAGE_KEY, OBSERVATION.SIZE_BYTES)
                .from(OBSERVATION)
                .where(OBSERVATION.INSTRUMENT.eq("AIA"))
                .and(OBSERVATION.ACCESS.eq("PUBLIC"))
                .and(OBSERVATION.DATE_OBS.between(references.getFirst().minus(TOLERANCE).atOffset(ZoneOffset.UTC),
                        references.getLast().plus(TOLERANCE).atOffset(ZoneOffset.UTC)))
                .and(channel)
                .orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID)
                .fetch().size();
    }

    private static void measure(String name, IntSupplier run) {
        for (int i = 0; i < 3; i++) {
            run.getAsInt();
        }
        int runs = 10;
        double[] millis = new double[runs];
        int rows = 0;
        for (int i = 0; i < runs; i++) {
            long began = System.nanoTime();
            rows = run.getAsInt();
            millis[i] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-58s median %9.2f ms, min %9.2f ms, max %9.2f ms (%,d rows)%n", name + ":", millis[runs / 2],
                millis[0], millis[runs - 1], rows);
    }
}
