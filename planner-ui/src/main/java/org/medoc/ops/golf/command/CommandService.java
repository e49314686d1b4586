package org.medoc.ops.golf.command;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.ops.tables.records.CommandRequestRecord;
import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.medoc.planner.period.ConstraintWindowRecord;
import org.medoc.planner.period.PeriodService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.medoc.db.jooq.ops.Tables.COMMAND_REQUEST;

/**
 * GOLF command requests (PLANNING.md §13.4, rule G2): a request inside a SoHO manoeuvre or keyhole window (constraint
 * windows of source SOHO_SPWG, asked from the planning service) is refused without an override reason and carries a
 * warning with one. Approval comes from someone other than the requester; sending and verification are stamped.
 */
@Service
public class CommandService {

    /** SoHO boundary conditions during which commanding GOLF needs a reason (PLANNING.md §7, §13.3). */
    public static final Set<String> RISKY_WINDOWS = Set.of("SOHO_MANOEUVRE", "KEYHOLE_26M", "KEYHOLE_34M");

    private final DSLContext dsl;
    private final PeriodService periods;
    private final AuditTrail audit;

    public CommandService(DSLContext dsl, PeriodService periods, AuditTrail audit) {
        this.dsl = dsl;
        this.periods = periods;
        this.audit = audit;
    }

    /** The SoHO manoeuvre and keyhole windows that contain {@code time}, as warnings. */
    @Transactional(readOnly = true)
    public List<String> windowWarnings(Instant time) {
        return periods.constraints(time.minusSeconds(1), time.plusSeconds(1)).stream()
                .filter(w -> "SOHO_SPWG".equals(w.source()) && RISKY_WINDOWS.contains(w.type()))
                .filter(w -> !time.isBefore(w.start()) && time.isBefore(w.end()))
                .map(CommandService::warning).toList();
    }

    private static String warning(ConstraintWindowRecord w) {
        return "G2: inside the SoHO " + w.type() + " window " + w.start() + " → " + w.end()
                + (w.description() == null ? "" : " (" + w.description() + ")");
    }

    @Transactional
    public CommandRequest request(Instant plannedExecution, String commands, String reason, String overrideReason, String requester) {
        if (plannedExecution == null || commands == null || commands.isBlank() || reason == null || reason.isBlank()) {
            throw new GolfRejectedException("a command request needs a planned time, the commands and a reason");
        }
        List<String> warnings = windowWarnings(plannedExecution);
        if (!warnings.isEmpty() && (overrideReason == null || overrideReason.isBlank())) {
            throw new GolfRejectedException("the planned time falls in a SoHO window: move it or give an override reason", warnings);
        }
        CommandRequestRecord record = dsl.newRecord(COMMAND_REQUEST);
        record.setRequestedBy(requester);
        record.setPlannedExecUtc(Utc.of(plannedExecution));
        record.setCommands(commands);
        record.setReason(reason);
        record.setOverrideReason(overrideReason == null || overrideReason.isBlank() ? null : overrideReason);
        record.store();
        CommandRequest created = get(record.getId());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", created.status().name());
        after.put("plannedExecution", plannedExecution.toString());
        after.put("commands", commands);
        after.put("overrideReason", created.overrideReason());
        after.put("windowWarnings", warnings);
        audit.recordAs(requester, "golf.command-requested", "command-request", Long.toString(created.id()), null, after, reason);
        return created;
    }

    /** Approves or rejects a request; never by its requester. */
    @Transactional
    public CommandRequest decide(long id, boolean approve, String approver) {
        CommandRequest request = get(id);
        if (request.status() != CommandStatus.REQUESTED) {
            throw GolfRejectedException.wrongState("command request " + id + " is " + request.status() + ", not REQUESTED");
        }
        if (request.requestedBy().equals(approver)) {
            throw new GolfRejectedException("a command request is approved by someone other than its requester ("
                    + request.requestedBy() + ")");
        }
        // the windows may have been entered since the request: a new conflict must be overridden before approval
        if (approve && !windowWarnings(request.plannedExecution()).isEmpty() && request.overrideReason() == null) {
            throw new GolfRejectedException("the planned time now falls in a SoHO window: the request needs an override reason",
                    windowWarnings(request.plannedExecution()));
        }
        dsl.update(COMMAND_REQUEST).set(COMMAND_REQUEST.STATUS, approve ? "APPROVED" : "REJECTED")
                .set(COMMAND_REQUEST.APPROVED_BY, approver).set(COMMAND_REQUEST.APPROVED_AT, Utc.of(Instant.now()))
                .set(COMMAND_REQUEST.LOCK_VERSION, COMMAND_REQUEST.LOCK_VERSION.plus(1))
                .where(COMMAND_REQUEST.ID.eq(id)).execute();
        audit.recordAs(approver, approve ? "golf.command-approved" : "golf.command-rejected", "command-request", Long.toString(id), Map.of("status", request.status().name()), Map.of("status", approve ? "APPROVED" : "REJECTED"), null);
        return get(id);
    }

    /** Stamps an approved request as sent to the spacecraft. */
    @Transactional
    public CommandRequest markSent(long id, String operator, Instant sentAt) {
        step(id, CommandStatus.APPROVED, "SENT");
        dsl.update(COMMAND_REQUEST).set(COMMAND_REQUEST.SENT_BY, operator).set(COMMAND_REQUEST.SENT_AT, Utc.of(sentAt))
                .where(COMMAND_REQUEST.ID.eq(id)).execute();
        audit.recordAs(operator, "golf.command-sent", "command-request", Long.toString(id), Map.of("status", "APPROVED"),
                Map.of("status", "SENT", "sentAt", sentAt.toString()), null);
        return get(id);
    }

    /** Stamps a sent request as verified in telemetry, with the result seen. */
    @Transactional
    public CommandRequest markVerified(long id, String operator, Instant verifiedAt, String result) {
        step(id, CommandStatus.SENT, "VERIFIED");
        dsl.update(COMMAND_REQUEST).set(COMMAND_REQUEST.VERIFIED_BY, operator).set(COMMAND_REQUEST.VERIFIED_AT, Utc.of(verifiedAt))
                .set(COMMAND_REQUEST.RESULT, result).where(COMMAND_REQUEST.ID.eq(id)).execute();
        audit.recordAs(operator, "golf.command-verified", "command-request", Long.toString(id), Map.of("status", "SENT"),
                Map.of("status", "VERIFIED", "verifiedAt", verifiedAt.toString()), result);
        return get(id);
    }

    /**
     * Cancels a request that has not been sent (requested or approved), with the reason; a sent command cannot be
     * taken back, and a rejected or verified request is already closed.
     */
    @Transactional
    public CommandRequest cancel(long id, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new GolfRejectedException("say why the command request is cancelled");
        }
        CommandRequest request = get(id);
        if (request.status() != CommandStatus.REQUESTED && request.status() != CommandStatus.APPROVED) {
            throw GolfRejectedException.wrongState("command request " + id + " is " + request.status()
                    + ": only a request not yet sent (REQUESTED or APPROVED) can be cancelled");
        }
        int changed = dsl.update(COMMAND_REQUEST).set(COMMAND_REQUEST.STATUS, CommandStatus.CANCELLED.name())
                .set(COMMAND_REQUEST.CANCELLED_BY, operator).set(COMMAND_REQUEST.CANCELLED_AT, Utc.of(Instant.now()))
                .set(COMMAND_REQUEST.CANCEL_REASON, reason.strip())
                .set(COMMAND_REQUEST.LOCK_VERSION, COMMAND_REQUEST.LOCK_VERSION.plus(1))
                // the state read above must still hold: a concurrent "sent" wins over the cancellation
                .where(COMMAND_REQUEST.ID.eq(id)).and(COMMAND_REQUEST.LOCK_VERSION.eq(request.lockVersion())).execute();
        if (changed == 0) {
            throw GolfRejectedException.wrongState("command request " + id + " changed meanwhile: reload it");
        }
        audit.recordAs(operator, "golf.command-cancelled", "command-request", Long.toString(id),
                Map.of("status", request.status().name()), Map.of("status", CommandStatus.CANCELLED.name()), reason.strip());
        return get(id);
    }

    private void step(long id, CommandStatus from, String to) {
        CommandRequest request = get(id);
        if (request.status() != from) {
            throw GolfRejectedException.wrongState("command request " + id + " is " + request.status() + ", not " + from);
        }
        dsl.update(COMMAND_REQUEST).set(COMMAND_REQUEST.STATUS, to)
                .set(COMMAND_REQUEST.LOCK_VERSION, COMMAND_REQUEST.LOCK_VERSION.plus(1)).where(COMMAND_REQUEST.ID.eq(id)).execute();
    }

    @Transactional(readOnly = true)
    public CommandRequest get(long id) {
        return dsl.selectFrom(COMMAND_REQUEST).where(COMMAND_REQUEST.ID.eq(id)).fetchOptional(this::map)
                .orElseThrow(() -> new GolfNotFoundException("command request", id));
    }

    @Transactional(readOnly = true)
    public List<CommandRequest> list() {
        return dsl.selectFrom(COMMAND_REQUEST).orderBy(COMMAND_REQUEST.PLANNED_EXEC_UTC.desc()).fetch(this::map);
    }

    private CommandRequest map(CommandRequestRecord r) {
        Instant planned = Utc.of(r.getPlannedExecUtc());
        return new CommandRequest(r.getId(), r.getRequestedBy(), Utc.of(r.getRequestedAt()), planned, r.getCommands(), r.getReason(),
                r.getOverrideReason(), CommandStatus.valueOf(r.getStatus()), r.getApprovedBy(), Utc.of(r.getApprovedAt()),
                r.getSentBy(), Utc.of(r.getSentAt()), r.getVerifiedBy(), Utc.of(r.getVerifiedAt()), r.getResult(),
                r.getCancelledBy(), Utc.of(r.getCancelledAt()), r.getCancelReason(), r.getLockVersion(), windowWarnings(planned));
    }
}
