package org.medoc.ops.golf.mode;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.medoc.audit.AuditTrail;
import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medoc.db.jooq.ops.Tables.GOLF_MODE;
import static org.medoc.db.jooq.ops.Tables.GOLF_MODE_CHANGE;
import static org.medoc.db.jooq.ops.Tables.GOLF_MODE_PERIOD;

/**
 * GOLF's mode history (seeded with IAS's public chronology, PLANNING.md §13.2), the mode in force at any time, and
 * mode changes planned ahead. Applying a planned change closes the current period at the planned time and opens
 * the new one, so that the history stays without gaps or overlaps (rule G3; the database refuses overlaps).
 */
@Service
public class ModeService {

    private final DSLContext dsl;
    private final AuditTrail audit;

    public ModeService(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<GolfMode> modes() {
        return dsl.selectFrom(GOLF_MODE).orderBy(GOLF_MODE.CODE)
                .fetch(r -> new GolfMode(r.getCode(), r.getCycleS(), r.getDescription()));
    }

    /** The whole mode history, oldest first. */
    @Transactional(readOnly = true)
    public List<ModePeriod> history() {
        return dsl.select().from(GOLF_MODE_PERIOD).join(GOLF_MODE).on(GOLF_MODE.CODE.eq(GOLF_MODE_PERIOD.MODE_CODE))
                .orderBy(GOLF_MODE_PERIOD.START_UTC).fetch(ModeService::period);
    }

    /** The mode in force at {@code time}, if the history covers it. */
    @Transactional(readOnly = true)
    public Optional<ModePeriod> at(Instant time) {
        return history().stream().filter(p -> p.contains(time)).findFirst();
    }

    /** The open-ended period: the mode GOLF is in now. */
    @Transactional(readOnly = true)
    public Optional<ModePeriod> current() {
        return history().stream().filter(p -> p.end() == null).findFirst();
    }

    /** Holes in the mode history (rule G3: the history has no gaps), as messages. */
    @Transactional(readOnly = true)
    public List<String> historyFindings() {
        List<String> findings = new ArrayList<>();
        List<ModePeriod> periods = history();
        for (int i = 1; i < periods.size(); i++) {
            Instant previousEnd = periods.get(i - 1).end();
            if (previousEnd != null && previousEnd.isBefore(periods.get(i).start())) {
                findings.add("G3: the mode history has a gap from " + previousEnd + " to " + periods.get(i).start());
            }
        }
        return findings;
    }

    /** Plans a change to {@code mode} at {@code planned}. */
    @Transactional
    public ModeChange plan(Instant planned, String mode, String reason, String requestedBy) {
        if (planned == null || reason == null || reason.isBlank()) {
            throw new GolfRejectedException("a planned mode change needs a time and a reason");
        }
        if (!dsl.fetchExists(GOLF_MODE, GOLF_MODE.CODE.eq(mode))) {
            throw new GolfRejectedException("unknown GOLF mode '" + mode + "': one of " + modes().stream().map(GolfMode::code).toList());
        }
        long id = dsl.insertInto(GOLF_MODE_CHANGE)
                .set(GOLF_MODE_CHANGE.PLANNED_UTC, Utc.of(planned))
                .set(GOLF_MODE_CHANGE.MODE_CODE, mode)
                .set(GOLF_MODE_CHANGE.REASON, reason)
                .set(GOLF_MODE_CHANGE.REQUESTED_BY, requestedBy)
                .returning(GOLF_MODE_CHANGE.ID).fetchOne().getId();
        audit.recordAs(requestedBy, "golf.mode-planned", "mode-change", Long.toString(id), null,
                Map.of("status", "PLANNED", "mode", mode, "planned", planned.toString()), reason);
        return change(id);
    }

    /** Planned changes still to be carried out, soonest first. */
    @Transactional(readOnly = true)
    public List<ModeChange> planned() {
        return dsl.selectFrom(GOLF_MODE_CHANGE).where(GOLF_MODE_CHANGE.STATUS.eq("PLANNED"))
                .orderBy(GOLF_MODE_CHANGE.PLANNED_UTC).fetch(ModeService::change);
    }

    @Transactional(readOnly = true)
    public ModeChange change(long id) {
        return dsl.selectFrom(GOLF_MODE_CHANGE).where(GOLF_MODE_CHANGE.ID.eq(id)).fetchOptional(ModeService::change)
                .orElseThrow(() -> new GolfNotFoundException("planned mode change", id));
    }

    /**
     * Records that a planned change was carried out: the current period ends at the planned time and a new one in
     * the planned mode begins there (source COMMAND).
     */
    @Transactional
    public ModePeriod apply(long changeId, String operator) {
        ModeChange change = change(changeId);
        if (change.status() != ModeChange.Status.PLANNED) {
            throw GolfRejectedException.wrongState("the mode change " + changeId + " is " + change.status() + ", not PLANNED");
        }
        ModePeriod current = current().orElseThrow(() -> new GolfRejectedException("the mode history has no current period"));
        if (!change.planned().isAfter(current.start())) {
            throw new GolfRejectedException("the change at " + change.planned() + " is not after the start of the current mode ("
                    + current.start() + ")");
        }
        dsl.update(GOLF_MODE_PERIOD).set(GOLF_MODE_PERIOD.END_UTC, Utc.of(change.planned()))
                .where(GOLF_MODE_PERIOD.ID.eq(current.id())).execute();
        long id = dsl.insertInto(GOLF_MODE_PERIOD)
                .set(GOLF_MODE_PERIOD.MODE_CODE, change.mode())
                .set(GOLF_MODE_PERIOD.START_UTC, Utc.of(change.planned()))
                .set(GOLF_MODE_PERIOD.SOURCE, "COMMAND")
                .set(GOLF_MODE_PERIOD.NOTE, change.reason())
                .returning(GOLF_MODE_PERIOD.ID).fetchOne().getId();
        decide(changeId, "APPLIED", operator);
        audit.recordAs(operator, "golf.mode-applied", "mode-change", Long.toString(changeId),
                Map.of("status", "PLANNED", "mode", current.mode()), Map.of("status", "APPLIED", "mode", change.mode(),
                        "since", change.planned().toString()), change.reason());
        return history().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public ModeChange cancel(long changeId, String operator) {
        if (change(changeId).status() != ModeChange.Status.PLANNED) {
            throw GolfRejectedException.wrongState("only a PLANNED mode change can be cancelled");
        }
        decide(changeId, "CANCELLED", operator);
        audit.recordAs(operator, "golf.mode-cancelled", "mode-change", Long.toString(changeId), Map.of("status", "PLANNED"),
                Map.of("status", "CANCELLED"), null);
        return change(changeId);
    }

    private void decide(long changeId, String status, String operator) {
        dsl.update(GOLF_MODE_CHANGE).set(GOLF_MODE_CHANGE.STATUS, status).set(GOLF_MODE_CHANGE.DECIDED_BY, operator)
                .set(GOLF_MODE_CHANGE.DECIDED_AT, Utc.of(Instant.now())).where(GOLF_MODE_CHANGE.ID.eq(changeId)).execute();
    }

    private static ModePeriod period(Record r) {
        return new ModePeriod(r.get(GOLF_MODE_PERIOD.ID), r.get(GOLF_MODE_PERIOD.MODE_CODE), r.get(GOLF_MODE.CYCLE_S),
                Utc.of(r.get(GOLF_MODE_PERIOD.START_UTC)), Utc.of(r.get(GOLF_MODE_PERIOD.END_UTC)),
                r.get(GOLF_MODE_PERIOD.SOURCE), r.get(GOLF_MODE_PERIOD.NOTE));
    }

    private static ModeChange change(org.medoc.db.jooq.ops.tables.records.GolfModeChangeRecord r) {
        return new ModeChange(r.getId(), Utc.of(r.getPlannedUtc()), r.getModeCode(), r.getReason(), r.getRequestedBy(),
                ModeChange.Status.valueOf(r.getStatus()), r.getDecidedBy());
    }
}
