package org.medoc.ops.golf.anomaly;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.medoc.db.jooq.ops.Tables.ANOMALY;
import static org.medoc.db.jooq.ops.Tables.DATA_GAP;
import static org.medoc.db.jooq.ops.Tables.LOG_ENTRY;

/**
 * Gaps in the GOLF housekeeping stream (no sample of any parameter for longer than {@code medoc.golf.gap-threshold},
 * ten minutes by default: ten one-minute HK cycles) and rule G3: every such gap must be explained by a log entry or
 * an anomaly report. Imports call {@link #detect} over the span they touched.
 */
@Service
public class DataGapService {

    private final DSLContext dsl;
    private final Duration threshold;

    public DataGapService(DSLContext dsl, @Value("${medoc.golf.gap-threshold:PT10M}") Duration threshold) {
        this.dsl = dsl;
        this.threshold = threshold;
    }

    public Duration threshold() {
        return threshold;
    }

    /**
     * Finds again the gaps between the last sample before {@code from} and the first after {@code to}: unexplained
     * gaps there are replaced by what the samples now show (an import may have filled one), explained ones are kept.
     */
    @Transactional
    public void detect(Instant from, Instant to) {
        // typed placeholders: jOOQ binds the values of plain SQL without their database type (times as text)
        OffsetDateTime before = dsl.resultQuery("SELECT max(t) FROM (SELECT (SELECT max(s.time_utc) FROM ops.hk_sample s "
                + "WHERE s.parameter_id = p.id AND s.time_utc < ?::timestamptz) AS t FROM ops.hk_parameter p) x", Utc.of(from)).fetchOne(0, OffsetDateTime.class);
        OffsetDateTime after = dsl.resultQuery("SELECT min(t) FROM (SELECT (SELECT min(s.time_utc) FROM ops.hk_sample s "
                + "WHERE s.parameter_id = p.id AND s.time_utc > ?::timestamptz) AS t FROM ops.hk_parameter p) x", Utc.of(to)).fetchOne(0, OffsetDateTime.class);
        OffsetDateTime low = before != null ? before : Utc.of(from);
        OffsetDateTime high = after != null ? after : Utc.of(to);
        dsl.deleteFrom(DATA_GAP).where(DATA_GAP.START_UTC.lt(high), DATA_GAP.END_UTC.gt(low),
                DATA_GAP.LOG_ENTRY_ID.isNull(), DATA_GAP.ANOMALY_ID.isNull()).execute();
        dsl.execute("INSERT INTO ops.data_gap (start_utc, end_utc) "
                + "SELECT t, next FROM (SELECT t, lead(t) OVER (ORDER BY t) AS next FROM ("
                + "  SELECT DISTINCT time_utc AS t FROM ops.hk_sample WHERE time_utc BETWEEN ?::timestamptz AND ?::timestamptz) d) g "
                + "WHERE next - t > ?::interval ON CONFLICT (start_utc) DO NOTHING", low, high, threshold.toSeconds() + " seconds");
    }

    /** Gaps overlapping [from, to), oldest first. */
    @Transactional(readOnly = true)
    public List<DataGap> gaps(Instant from, Instant to) {
        return dsl.selectFrom(DATA_GAP)
                .where(from == null ? DSL.noCondition() : DATA_GAP.END_UTC.gt(Utc.of(from)))
                .and(to == null ? DSL.noCondition() : DATA_GAP.START_UTC.lt(Utc.of(to)))
                .orderBy(DATA_GAP.START_UTC)
                .fetch(r -> new DataGap(r.getId(), Utc.of(r.getStartUtc()), Utc.of(r.getEndUtc()), r.getLogEntryId(), r.getAnomalyId()));
    }

    /** Rule G3: the gaps that no log entry or anomaly explains, as findings for the dashboard. */
    @Transactional(readOnly = true)
    public List<DataGap> unexplained() {
        return gaps(null, null).stream().filter(g -> !g.explained()).toList();
    }

    /** Links a gap to the log entry and/or anomaly report that explains it. */
    @Transactional
    public DataGap explain(long gapId, Long logEntryId, Long anomalyId) {
        if (logEntryId == null && anomalyId == null) {
            throw new GolfRejectedException("G3: link the gap to a log entry or an anomaly report");
        }
        if (logEntryId != null && !dsl.fetchExists(LOG_ENTRY, LOG_ENTRY.ID.eq(logEntryId))) {
            throw new GolfNotFoundException("log entry", logEntryId);
        }
        if (anomalyId != null && !dsl.fetchExists(ANOMALY, ANOMALY.ID.eq(anomalyId))) {
            throw new GolfNotFoundException("anomaly", anomalyId);
        }
        int updated = dsl.update(DATA_GAP)
                .set(DATA_GAP.LOG_ENTRY_ID, logEntryId == null ? DATA_GAP.LOG_ENTRY_ID : DSL.val(logEntryId))
                .set(DATA_GAP.ANOMALY_ID, anomalyId == null ? DATA_GAP.ANOMALY_ID : DSL.val(anomalyId))
                .where(DATA_GAP.ID.eq(gapId)).execute();
        if (updated == 0) {
            throw new GolfNotFoundException("data gap", gapId);
        }
        return gaps(null, null).stream().filter(g -> g.id() == gapId).findFirst().orElseThrow();
    }
}
