package org.medoc.ops.golf.log;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.ops.tables.records.LogEntryRecord;
import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.medoc.planner.export.Csv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.medoc.db.jooq.ops.Tables.ANOMALY;
import static org.medoc.db.jooq.ops.Tables.HK_ALARM;
import static org.medoc.db.jooq.ops.Tables.LOG_ENTRY;

/**
 * The GOLF operations log (PLANNING.md §13.4-§13.5): entries with links, search and CSV export, and the public
 * chronology fed by the entries marked public and approved by a reviewer other than their author (rule G4).
 */
@Service
public class OpsLogService {

    private final DSLContext dsl;
    private final AuditTrail audit;

    public OpsLogService(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    @Transactional
    public LogEntry write(LogInput input, String author) {
        if (input.time() == null) {
            throw new GolfRejectedException("give the time of the event");
        }
        if (input.category() == null || input.text() == null || input.text().isBlank()) {
            throw new GolfRejectedException("a log entry needs a category and a text");
        }
        if (input.hkFrom() != null && input.hkTo() != null && input.hkTo().isBefore(input.hkFrom())) {
            throw new GolfRejectedException("the linked HK range ends before it starts");
        }
        if (input.alarmId() != null && !dsl.fetchExists(HK_ALARM, HK_ALARM.ID.eq(input.alarmId()))) {
            throw new GolfNotFoundException("alarm", input.alarmId());
        }
        if (input.anomalyId() != null && !dsl.fetchExists(ANOMALY, ANOMALY.ID.eq(input.anomalyId()))) {
            throw new GolfNotFoundException("anomaly", input.anomalyId());
        }
        if (input.isPublic() && (input.publicTitle() == null || input.publicTitle().isBlank())) {
            throw new GolfRejectedException("a public entry needs a title for the chronology");
        }
        LogEntryRecord record = dsl.newRecord(LOG_ENTRY);
        record.setTimeUtc(Utc.of(input.time()));
        record.setAuthor(author);
        record.setCategory(input.category().name());
        record.setText(input.text());
        record.setDataImpact((input.dataImpact() == null ? DataImpact.NONE : input.dataImpact()).name());
        record.setHkFromUtc(Utc.of(input.hkFrom()));
        record.setHkToUtc(Utc.of(input.hkTo()));
        record.setAlarmId(input.alarmId());
        record.setAnomalyId(input.anomalyId());
        record.setConstraintWindowId(input.constraintWindowId());
        record.setPublic(input.isPublic());
        record.setPublicTitle(input.publicTitle());
        record.store();
        LogEntry entry = get(record.getId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("time", entry.time().toString());
        after.put("category", entry.category().name());
        after.put("dataImpact", entry.dataImpact().name());
        after.put("alarmId", entry.alarmId());
        after.put("anomalyId", entry.anomalyId());
        after.put("constraintWindowId", entry.constraintWindowId());
        after.put("public", entry.publicEntry());
        audit.recordAs(author, "golf.log-written", "log-entry", Long.toString(entry.id()), null, after, entry.text());
        return entry;
    }

    /** A reviewer approves a public entry for the chronology; the author cannot approve their own (rule G4). */
    @Transactional
    public LogEntry approve(long id, String reviewer) {
        LogEntry entry = get(id);
        if (!entry.publicEntry()) {
            throw GolfRejectedException.wrongState("log entry " + id + " is not marked public: only public entries are approved");
        }
        if (entry.approvedBy() != null) {
            throw GolfRejectedException.wrongState("log entry " + id + " was already approved by " + entry.approvedBy());
        }
        if (entry.author().equals(reviewer)) {
            throw new GolfRejectedException("G4: a public entry is approved by someone other than its author (" + entry.author() + ")");
        }
        dsl.update(LOG_ENTRY).set(LOG_ENTRY.APPROVED_BY, reviewer).set(LOG_ENTRY.APPROVED_AT, Utc.of(Instant.now()))
                .where(LOG_ENTRY.ID.eq(id)).execute();
        audit.recordAs(reviewer, "golf.log-approved", "log-entry", Long.toString(id), Map.of("approved", false),
                Map.of("approved", true, "approvedBy", reviewer), entry.publicTitle());
        return get(id);
    }

    @Transactional(readOnly = true)
    public LogEntry get(long id) {
        return dsl.selectFrom(LOG_ENTRY).where(LOG_ENTRY.ID.eq(id)).fetchOptional(OpsLogService::map)
                .orElseThrow(() -> new GolfNotFoundException("log entry", id));
    }

    /** Entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    public List<LogEntry> search(LogFilter filter) {
        List<Condition> where = new ArrayList<>();
        if (filter.from() != null) {
            where.add(LOG_ENTRY.TIME_UTC.ge(Utc.of(filter.from())));
        }
        if (filter.to() != null) {
            where.add(LOG_ENTRY.TIME_UTC.lt(Utc.of(filter.to())));
        }
        if (filter.category() != null) {
            where.add(LOG_ENTRY.CATEGORY.eq(filter.category().name()));
        }
        if (filter.dataImpact() != null) {
            where.add(LOG_ENTRY.DATA_IMPACT.eq(filter.dataImpact().name()));
        }
        if (filter.author() != null && !filter.author().isBlank()) {
            where.add(LOG_ENTRY.AUTHOR.eq(filter.author()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add(LOG_ENTRY.TEXT.containsIgnoreCase(filter.text()).or(LOG_ENTRY.PUBLIC_TITLE.containsIgnoreCase(filter.text())));
        }
        if (Boolean.TRUE.equals(filter.publicOnly())) {
            where.add(LOG_ENTRY.PUBLIC.isTrue());
        }
        return dsl.selectFrom(LOG_ENTRY).where(where).orderBy(LOG_ENTRY.TIME_UTC.desc(), LOG_ENTRY.ID.desc()).fetch(OpsLogService::map);
    }

    /** The public chronology: approved public entries, newest first (like IAS's GOLF chronology). */
    @Transactional(readOnly = true)
    public List<LogEntry> chronology() {
        return dsl.selectFrom(LOG_ENTRY).where(LOG_ENTRY.PUBLIC.isTrue(), LOG_ENTRY.APPROVED_BY.isNotNull())
                .orderBy(LOG_ENTRY.TIME_UTC.desc(), LOG_ENTRY.ID.desc()).fetch(OpsLogService::map);
    }

    /** The entries as CSV, one line per entry, with a header. */
    public static String csv(List<LogEntry> entries) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("id", "time_utc", "author", "category", "data_impact", "text",
                "hk_from_utc", "hk_to_utc", "alarm_id", "anomaly_id", "constraint_window_id", "public", "approved_by")));
        for (LogEntry e : entries) {
            csv.append(Csv.row(java.util.Arrays.asList(e.id(), e.time(), e.author(), e.category(), e.dataImpact(), e.text(),
                    e.hkFrom(), e.hkTo(), e.alarmId(), e.anomalyId(), e.constraintWindowId(), e.publicEntry(), e.approvedBy())));
        }
        return csv.toString();
    }

    static LogEntry map(LogEntryRecord r) {
        return new LogEntry(r.getId(), Utc.of(r.getTimeUtc()), r.getAuthor(), LogCategory.valueOf(r.getCategory()), r.getText(),
                DataImpact.valueOf(r.getDataImpact()), Utc.of(r.getHkFromUtc()), Utc.of(r.getHkToUtc()), r.getAlarmId(),
                r.getAnomalyId(), r.getConstraintWindowId(), r.getPublic(), r.getPublicTitle(), r.getApprovedBy(),
                Utc.of(r.getApprovedAt()), Utc.of(r.getCreatedAt()));
    }
}
