package org.medoc.ops.golf.anomaly;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.ops.tables.records.AnomalyRecord;
import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.medoc.db.jooq.ops.Tables.ANOMALY;
import static org.medoc.db.jooq.ops.Tables.DATA_GAP;
import static org.medoc.db.jooq.ops.Tables.LOG_ENTRY;

/**
 * GOLF anomaly reports: numbered {@code GOLF-AR-<year>-<nnn>}, with an owner and a target closure date (rule G4),
 * moved one step at a time through open → analysing → actions planned → closed. Analysis needs a root cause before
 * actions are planned, and closing needs the actions taken.
 */
@Service
public class AnomalyService {

    private final DSLContext dsl;
    private final AuditTrail audit;

    public AnomalyService(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    public record AnomalyInput(String title, String description, Anomaly.Severity severity, String owner, LocalDate targetCloseDate) {
    }

    @Transactional
    public Anomaly open(AnomalyInput input, String detectedBy) {
        if (input.title() == null || input.title().isBlank() || input.description() == null || input.description().isBlank()) {
            throw new GolfRejectedException("an anomaly report needs a title and a description");
        }
        if (input.owner() == null || input.owner().isBlank() || input.targetCloseDate() == null) {
            throw new GolfRejectedException("G4: every anomaly has an owner and a target closure date");
        }
        if (input.severity() == null) {
            throw new GolfRejectedException("give the anomaly's severity (MINOR, MAJOR or CRITICAL)");
        }
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        String prefix = "GOLF-AR-" + year + "-";
        int next = dsl.fetchCount(ANOMALY, ANOMALY.NUMBER.startsWith(prefix)) + 1;
        AnomalyRecord record = dsl.newRecord(ANOMALY);
        record.setNumber(prefix + String.format("%03d", next));
        record.setTitle(input.title());
        record.setDescription(input.description());
        record.setSeverity(input.severity().name());
        record.setOwner(input.owner());
        record.setDetectedBy(detectedBy);
        record.setTargetCloseDate(input.targetCloseDate());
        record.store();
        Anomaly opened = get(record.getId());
        audit.recordAs(detectedBy, "golf.anomaly-opened", "anomaly", Long.toString(opened.id()), null,
                Map.of("number", opened.number(), "status", opened.status().name(), "severity", opened.severity().name(),
                        "owner", opened.owner(), "targetCloseDate", opened.targetCloseDate().toString()), opened.title());
        return opened;
    }

    /**
     * Moves the anomaly to the next status of the workflow; root cause and actions may be given on the way (a root
     * cause is needed to plan actions, actions to close).
     */
    @Transactional
    public Anomaly advance(long id, int expectedLockVersion, AnomalyStatus to, String rootCause, String actions) {
        Anomaly anomaly = get(id);
        if (anomaly.lockVersion() != expectedLockVersion) {
            throw GolfRejectedException.wrongState(anomaly.number() + " was changed by someone else: reload it");
        }
        if (to == null || to != anomaly.status().next()) {
            throw GolfRejectedException.wrongState(anomaly.number() + " is " + anomaly.status() + ": the next step is "
                    + (anomaly.status().next() == null ? "none (closed)" : anomaly.status().next()) + ", not " + to);
        }
        String cause = rootCause != null && !rootCause.isBlank() ? rootCause : anomaly.rootCause();
        String plannedActions = actions != null && !actions.isBlank() ? actions : anomaly.actions();
        if (to == AnomalyStatus.ACTIONS_PLANNED && (cause == null || plannedActions == null)) {
            throw new GolfRejectedException("give the root cause and the actions before planning them");
        }
        dsl.update(ANOMALY).set(ANOMALY.STATUS, to.name()).set(ANOMALY.ROOT_CAUSE, cause).set(ANOMALY.ACTIONS, plannedActions)
                .set(ANOMALY.CLOSED_AT, to == AnomalyStatus.CLOSED ? Utc.of(Instant.now()) : null)
                .set(ANOMALY.LOCK_VERSION, expectedLockVersion + 1)
                .where(ANOMALY.ID.eq(id)).execute();
        audit.record("golf.anomaly-" + to.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), "anomaly", Long.toString(id),
                state(anomaly.status(), anomaly.rootCause(), anomaly.actions()), state(to, cause, plannedActions), anomaly.number());
        return get(id);
    }

    private static Map<String, Object> state(AnomalyStatus status, String rootCause, String actions) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("status", status.name());
        state.put("rootCause", rootCause);
        state.put("actions", actions);
        return state;
    }

    @Transactional(readOnly = true)
    public Anomaly get(long id) {
        return dsl.selectFrom(ANOMALY).where(ANOMALY.ID.eq(id)).fetchOptional(this::map)
                .orElseThrow(() -> new GolfNotFoundException("anomaly", id));
    }

    /** All anomalies, those not closed first, then newest. */
    @Transactional(readOnly = true)
    public List<Anomaly> list() {
        return dsl.selectFrom(ANOMALY).orderBy(ANOMALY.STATUS.eq("CLOSED"), ANOMALY.OPENED_AT.desc()).fetch(this::map);
    }

    /** Anomalies not closed whose target date has passed. */
    @Transactional(readOnly = true)
    public List<Anomaly> overdue(LocalDate today) {
        return list().stream().filter(a -> a.status() != AnomalyStatus.CLOSED && a.targetCloseDate().isBefore(today)).toList();
    }

    private Anomaly map(AnomalyRecord r) {
        List<Long> logs = dsl.select(LOG_ENTRY.ID).from(LOG_ENTRY).where(LOG_ENTRY.ANOMALY_ID.eq(r.getId()))
                .orderBy(LOG_ENTRY.TIME_UTC).fetch(LOG_ENTRY.ID);
        List<Long> gaps = dsl.select(DATA_GAP.ID).from(DATA_GAP).where(DATA_GAP.ANOMALY_ID.eq(r.getId()))
                .orderBy(DATA_GAP.START_UTC).fetch(DATA_GAP.ID);
        return new Anomaly(r.getId(), r.getNumber(), r.getTitle(), r.getDescription(), Anomaly.Severity.valueOf(r.getSeverity()),
                r.getOwner(), r.getDetectedBy(), Utc.of(r.getOpenedAt()), r.getTargetCloseDate(), r.getRootCause(), r.getActions(),
                AnomalyStatus.valueOf(r.getStatus()), Utc.of(r.getClosedAt()), r.getLockVersion(), logs, gaps);
    }
}
