package org.medoc.ops.golf.hk;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.medoc.audit.AuditTrail;
import org.medoc.ops.golf.Utc;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.alarm.AlarmSeverity;
import org.medoc.ops.golf.alarm.SeverityRun;
import org.medoc.ops.golf.anomaly.DataGapService;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

import static org.medoc.db.jooq.ops.Tables.HK_IMPORT;

/**
 * Imports housekeeping time series from CSV ({@link HkCsvReader}) or FITS binary tables ({@link HkFitsReader}),
 * streaming: each sample is calibrated and judged against the limits in force at its time as it is read, and goes
 * straight into a PostgreSQL {@code COPY} to a staging table, so that memory stays constant whatever the file's size.
 * Then, in the same transaction, the new samples are added ({@code ON CONFLICT DO NOTHING}), alarms, the hourly rollup
 * and the data gaps follow, and the file's SHA-256 is recorded. A bad row rolls everything back and names its line;
 * importing the same file again (or samples already stored) adds nothing.
 */
@Service
public class HkImporter {

    /** How often progress is reported, in samples. */
    public static final long PROGRESS_EVERY = 100_000;
    /** Violation episodes listed in a report; the counts cover all of them. */
    public static final int MAX_REPORTED_VIOLATIONS = 100;

    public enum Format {
        CSV, FITS;

        /** FITS for .fits/.fit/.fts (optionally gzip-free only), CSV otherwise. */
        public static Format of(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            return name.endsWith(".fits") || name.endsWith(".fit") || name.endsWith(".fts") ? FITS : CSV;
        }
    }

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final HkCatalogueService catalogue;
    private final AlarmService alarms;
    private final DataGapService gaps;
    private final AuditTrail audit;

    public HkImporter(DSLContext dsl, DataSource dataSource, TransactionTemplate transaction, HkCatalogueService catalogue,
                      AlarmService alarms, DataGapService gaps, AuditTrail audit) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.catalogue = catalogue;
        this.alarms = alarms;
        this.gaps = gaps;
        this.audit = audit;
    }

    /** Imports a file (format from its name); {@code progress} receives the number of samples read so far. */
    public HkImportReport importFile(Path file, String operator, LongConsumer progress) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importStream(in, file.getFileName().toString(), Format.of(file.getFileName().toString()), operator, progress);
        }
    }

    /** Imports one file read from {@code in}, in one transaction. */
    public HkImportReport importStream(InputStream in, String fileName, Format format, String operator, LongConsumer progress) {
        try {
            return transaction.execute(status -> {
                try {
                    return run(in, fileName, format, operator, progress == null ? n -> { } : progress);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (SQLException e) {
                    throw new IllegalStateException("the housekeeping import of " + fileName + " failed in the database: "
                            + e.getMessage(), e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new HkImportException(fileName, 0, "could not be read: " + e.getCause().getMessage());
        }
    }

    private HkImportReport run(InputStream in, String fileName, Format format, String operator, LongConsumer progress)
            throws IOException, SQLException {
        // one import at a time: the duplicate check, alarms and gaps see every earlier import complete
        dsl.execute("LOCK TABLE ops.hk_sample IN SHARE ROW EXCLUSIVE MODE");
        dsl.execute("CREATE TEMP TABLE hk_staging (parameter_id bigint NOT NULL, time_utc timestamptz NOT NULL, "
                + "raw double precision NOT NULL, eng double precision NOT NULL, severity smallint NOT NULL) ON COMMIT DROP");
        Map<String, HkParameter> parameters = new LinkedHashMap<>();
        catalogue.list().forEach(p -> parameters.put(p.mnemonic(), p));
        Map<Long, LimitTimeline> limits = catalogue.allLimits();
        MessageDigest sha256 = sha256();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY hk_staging (parameter_id, time_utc, raw, eng, severity) FROM STDIN");
        Staging staging = new Staging(copy, parameters, limits, fileName, progress);
        try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
            if (format == Format.FITS) {
                HkFitsReader.read(digesting, fileName, staging);
            } else {
                HkCsvReader.read(digesting, fileName, staging);
            }
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
            staging.flush();
            copy.endCopy();
        } catch (RuntimeException | IOException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        progress.accept(staging.read);
        String sha = HexFormat.of().formatHex(sha256.digest());
        Map<AlarmSeverity, Long> outOfLimits = new EnumMap<>(AlarmSeverity.class);
        if (dsl.fetchExists(HK_IMPORT, HK_IMPORT.SHA256.eq(sha))) {
            return new HkImportReport(fileName, sha, true, staging.read, 0, outOfLimits, 0, List.of(), staging.first, staging.last);
        }
        dsl.execute("ANALYZE hk_staging");
        dsl.execute("DELETE FROM hk_staging s USING ops.hk_sample h WHERE h.parameter_id = s.parameter_id AND h.time_utc = s.time_utc");
        long added = dsl.execute("INSERT INTO ops.hk_sample (parameter_id, time_utc, raw, eng) "
                + "SELECT DISTINCT ON (parameter_id, time_utc) parameter_id, time_utc, raw, eng FROM hk_staging "
                + "ORDER BY parameter_id, time_utc ON CONFLICT DO NOTHING");
        // runs of equal severity per parameter, in time order (gaps and islands)
        List<SeverityRun> runs = dsl.resultQuery("SELECT parameter_id, severity, min(time_utc) AS run_start, max(time_utc) AS run_end, "
                        + "count(*) AS samples, min(eng) AS low, max(eng) AS high FROM ("
                        + "  SELECT *, row_number() OVER (PARTITION BY parameter_id ORDER BY time_utc) "
                        + "          - row_number() OVER (PARTITION BY parameter_id, severity ORDER BY time_utc) AS island "
                        + "  FROM hk_staging) s GROUP BY parameter_id, severity, island ORDER BY parameter_id, run_start")
                .fetch(r -> run(r, limits));
        int raised = 0;
        List<HkImportReport.Violation> violations = new ArrayList<>();
        Map<Long, String> mnemonics = new LinkedHashMap<>();
        parameters.values().forEach(p -> mnemonics.put(p.id(), p.mnemonic()));
        Map<Long, List<SeverityRun>> byParameter = new LinkedHashMap<>();
        for (SeverityRun run : runs) {
            byParameter.computeIfAbsent(run.parameterId(), id -> new ArrayList<>()).add(run);
            if (run.severity() != AlarmSeverity.NORMAL) {
                outOfLimits.merge(run.severity(), run.samples(), Long::sum);
                if (violations.size() < MAX_REPORTED_VIOLATIONS) {
                    violations.add(new HkImportReport.Violation(mnemonics.get(run.parameterId()), run.severity(), run.start(),
                            run.end(), run.samples(), run.triggerValue()));
                }
            }
        }
        for (Map.Entry<Long, List<SeverityRun>> entry : byParameter.entrySet()) {
            raised += alarms.apply(entry.getKey(), entry.getValue());
        }
        // each hour touched by the import is recomputed from its samples through the primary key (a lateral lookup per
        // hour: a plain join lets the planner compare every sample with every hour)
        dsl.execute("INSERT INTO ops.hk_rollup_hour (parameter_id, hour_utc, n, min_eng, max_eng, sum_eng) "
                + "SELECT a.parameter_id, a.hour_utc, agg.n, agg.low, agg.high, agg.total "
                + "FROM (SELECT DISTINCT parameter_id, date_trunc('hour', time_utc, 'UTC') AS hour_utc FROM hk_staging) a "
                + "CROSS JOIN LATERAL (SELECT count(*) AS n, min(h.eng) AS low, max(h.eng) AS high, sum(h.eng) AS total "
                + "  FROM ops.hk_sample h WHERE h.parameter_id = a.parameter_id AND h.time_utc >= a.hour_utc "
                + "  AND h.time_utc < a.hour_utc + interval '1 hour') agg "
                + "ON CONFLICT (parameter_id, hour_utc) DO UPDATE SET n = excluded.n, min_eng = excluded.min_eng, "
                + "max_eng = excluded.max_eng, sum_eng = excluded.sum_eng");
        if (staging.first != null) {
            gaps.detect(staging.first, staging.last);
        }
        dsl.insertInto(HK_IMPORT).set(HK_IMPORT.FILE_NAME, fileName).set(HK_IMPORT.SHA256, sha).set(HK_IMPORT.FORMAT, format.name())
                .set(HK_IMPORT.IMPORTED_BY, operator).set(HK_IMPORT.SAMPLES_READ, staging.read).set(HK_IMPORT.SAMPLES_ADDED, added)
                .set(HK_IMPORT.FIRST_UTC, Utc.of(staging.first)).set(HK_IMPORT.LAST_UTC, Utc.of(staging.last)).execute();
        HkImportReport report = new HkImportReport(fileName, sha, false, staging.read, added, outOfLimits, raised, violations,
                staging.first, staging.last);
        // a file already imported changed nothing and leaves no record; the file is identified by its content
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fileName", fileName);
        after.put("format", format.name());
        after.put("samplesRead", staging.read);
        after.put("samplesAdded", added);
        after.put("alarmsRaised", raised);
        after.put("first", String.valueOf(staging.first));
        after.put("last", String.valueOf(staging.last));
        audit.recordAs(operator, "golf.hk-imported", "hk-import", sha, null, after, report.summary());
        return report;
    }

    private static SeverityRun run(Record r, Map<Long, LimitTimeline> limits) {
        long parameterId = r.get("parameter_id", Long.class);
        AlarmSeverity severity = AlarmSeverity.values()[r.get("severity", Integer.class)];
        Instant start = r.get("run_start", OffsetDateTime.class).toInstant();
        double low = r.get("low", Double.class);
        double high = r.get("high", Double.class);
        // the value that tripped the alarm: the extreme on the side the limits were crossed
        double trigger = high;
        if (severity != AlarmSeverity.NORMAL) {
            Limits inForce = limits.getOrDefault(parameterId, new LimitTimeline(List.of())).at(start);
            trigger = inForce.judge(high) == AlarmSeverity.NORMAL || inForce.judge(low).compareTo(inForce.judge(high)) > 0 ? low : high;
        }
        return new SeverityRun(parameterId, severity, start, r.get("run_end", OffsetDateTime.class).toInstant(),
                r.get("samples", Long.class), trigger);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calibrates and judges each sample and writes it to the COPY stream through a fixed buffer. */
    private static final class Staging implements HkRowSink {

        private final CopyIn copy;
        private final Map<String, HkParameter> parameters;
        private final Map<Long, LimitTimeline> limits;
        private final String fileName;
        private final LongConsumer progress;
        private final StringBuilder buffer = new StringBuilder(1 << 17);
        private final LimitTimeline none = new LimitTimeline(List.of());
        long read;
        Instant first;
        Instant last;

        Staging(CopyIn copy, Map<String, HkParameter> parameters, Map<Long, LimitTimeline> limits, String fileName, LongConsumer progress) {
            this.copy = copy;
            this.parameters = parameters;
            this.limits = limits;
            this.fileName = fileName;
            this.progress = progress;
        }

        @Override
        public void sample(long line, String mnemonic, Instant time, double raw) {
            HkParameter parameter = parameters.get(mnemonic);
            if (parameter == null) {
                throw new HkImportException(fileName, line, "unknown parameter '" + mnemonic + "': add it to the catalogue first");
            }
            double eng = parameter.calibration().apply(raw);
            if (!Double.isFinite(eng)) {
                throw new HkImportException(fileName, line, "the calibration of " + mnemonic + " gives no finite value for " + raw);
            }
            AlarmSeverity severity = limits.getOrDefault(parameter.id(), none).judge(time, eng);
            buffer.append(parameter.id()).append('\t').append(time).append('\t').append(raw).append('\t').append(eng)
                    .append('\t').append(severity.ordinal()).append('\n');
            read++;
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
            if (buffer.length() > (1 << 16)) {
                flush();
            }
            if (read % PROGRESS_EVERY == 0) {
                progress.accept(read);
            }
        }

        void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("the database refused the housekeeping stream: " + e.getMessage(), e);
            }
            buffer.setLength(0);
        }
    }
}
