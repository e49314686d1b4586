package org.medoc.ops.golf.hk;

import org.jooq.DSLContext;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.medoc.ops.golf.alarm.AlarmService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Plot data that stays small whatever the range (Open MCT's and Yamcs' approach): the server returns min, max and
 * mean per pixel bin, computed in SQL. Bins wider than {@link #ROLLUP_FROM} are computed from the hourly rollup
 * ({@code ops.hk_rollup_hour}), so that a plot over the whole mission reads about 9000 rows per year instead of half a
 * million; there each hour counts in the bin where it starts, which moves a bin edge by less than an hour.
 */
@Service
public class HkPlotService {

    /** Bins at least this wide come from the hourly rollup. */
    public static final Duration ROLLUP_FROM = Duration.ofHours(6);
    public static final int MAX_BINS = 10_000;

    private final DSLContext dsl;
    private final HkCatalogueService catalogue;
    private final AlarmService alarms;

    public HkPlotService(DSLContext dsl, HkCatalogueService catalogue, AlarmService alarms) {
        this.dsl = dsl;
        this.catalogue = catalogue;
        this.alarms = alarms;
    }

    @Transactional(readOnly = true)
    public PlotSeries series(String mnemonic, Instant from, Instant to, int bins) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new GolfRejectedException("a plot needs a range with from before to");
        }
        if (bins < 1 || bins > MAX_BINS) {
            throw new GolfRejectedException("bins must be between 1 and " + MAX_BINS);
        }
        HkParameter parameter = catalogue.get(mnemonic);
        long fromMicros = LimitTimeline.micros(from);
        long toMicros = LimitTimeline.micros(to);
        boolean rollup = Duration.between(from, to).dividedBy(bins).compareTo(ROLLUP_FROM) >= 0;
        // bin = (t - from) * bins div (to - from) in exact integer arithmetic on microseconds, so that the edges
        // are those of a brute-force computation
        // typed placeholders: jOOQ binds the values of plain SQL without their database type (times as text)
        String binOf = "div(((extract(epoch FROM %s) * 1000000) - ?::bigint) * ?::int, (?::bigint - ?::bigint))::int";
        List<PlotBin> points = rollup
                ? dsl.resultQuery("SELECT " + binOf.formatted("hour_utc") + " AS bin, sum(n) AS n, min(min_eng) AS lo, "
                        + "max(max_eng) AS hi, sum(sum_eng) / sum(n) AS mean FROM ops.hk_rollup_hour "
                        + "WHERE parameter_id = ? AND hour_utc >= ?::timestamptz AND hour_utc < ?::timestamptz GROUP BY bin ORDER BY bin",
                        fromMicros, bins, toMicros, fromMicros, parameter.id(), Utc.of(from), Utc.of(to))
                    .fetch(r -> bin(r.get("bin", Integer.class), r.get("n", Long.class), r.get("lo", Double.class),
                        r.get("hi", Double.class), r.get("mean", Double.class), fromMicros, toMicros, bins))
                : dsl.resultQuery("SELECT " + binOf.formatted("time_utc") + " AS bin, count(*) AS n, min(eng) AS lo, "
                        + "max(eng) AS hi, avg(eng) AS mean FROM ops.hk_sample "
                        + "WHERE parameter_id = ? AND time_utc >= ?::timestamptz AND time_utc < ?::timestamptz GROUP BY bin ORDER BY bin",
                        fromMicros, bins, toMicros, fromMicros, parameter.id(), Utc.of(from), Utc.of(to))
                    .fetch(r -> bin(r.get("bin", Integer.class), r.get("n", Long.class), r.get("lo", Double.class),
                        r.get("hi", Double.class), r.get("mean", Double.class), fromMicros, toMicros, bins));
        List<LimitVersion> versions = catalogue.limits(mnemonic).versions();
        // the version in force at `from` and every later one that starts before `to`
        List<LimitVersion> inRange = versions.stream()
                .filter(v -> v.validFrom().isBefore(to))
                .filter(v -> !v.validFrom().isBefore(from) || versions.stream().noneMatch(
                        w -> w.validFrom().isAfter(v.validFrom()) && !w.validFrom().isAfter(from)))
                .toList();
        return new PlotSeries(mnemonic, parameter.unit(), from, to, bins,
                rollup ? PlotSeries.Source.HOURLY_ROLLUP : PlotSeries.Source.SAMPLES, points, inRange,
                alarms.between(mnemonic, from, to));
    }

    /** The samples of a parameter in [from, to) as CSV (time_utc,raw,eng), for export; streams row by row. */
    @Transactional(readOnly = true)
    public void exportSamples(String mnemonic, Instant from, Instant to, java.io.Writer out) throws java.io.IOException {
        HkParameter parameter = catalogue.get(mnemonic);
        out.write("time_utc,mnemonic,raw,eng\r\n");
        try (var cursor = dsl.resultQuery("SELECT time_utc, raw, eng FROM ops.hk_sample WHERE parameter_id = ? "
                + "AND time_utc >= ?::timestamptz AND time_utc < ?::timestamptz ORDER BY time_utc", parameter.id(), Utc.of(from), Utc.of(to))
                .fetchSize(10_000).fetchLazy()) {
            for (var r : cursor) {
                out.write(r.get(0, OffsetDateTime.class).toInstant() + "," + mnemonic + "," + r.get(1, Double.class) + ","
                        + r.get(2, Double.class) + "\r\n");
            }
        }
    }

    private static PlotBin bin(int index, long samples, double min, double max, double mean, long fromMicros, long toMicros, int bins) {
        return new PlotBin(index, edge(index, fromMicros, toMicros, bins), edge(index + 1, fromMicros, toMicros, bins),
                samples, min, max, mean);
    }

    /** The start of bin {@code index}: the first microsecond t with floor((t - from) * bins / (to - from)) = index. */
    static Instant edge(int index, long fromMicros, long toMicros, int bins) {
        BigDecimal span = BigDecimal.valueOf(toMicros - fromMicros);
        long offset = span.multiply(BigDecimal.valueOf(index))
                .divide(BigDecimal.valueOf(bins), 0, java.math.RoundingMode.CEILING).longValueExact();
        long micros = fromMicros + offset;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
