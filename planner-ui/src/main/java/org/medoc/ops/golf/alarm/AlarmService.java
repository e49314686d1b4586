package org.medoc.ops.golf.alarm;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.ops.tables.records.HkAlarmRecord;
import org.medoc.ops.golf.GolfNotFoundException;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.Utc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.medoc.db.jooq.ops.Tables.HK_ALARM;
import static org.medoc.db.jooq.ops.Tables.HK_ALARM_EVENT;
import static org.medoc.db.jooq.ops.Tables.HK_PARAMETER;

/**
 * Housekeeping alarms (rule G1, after Yamcs): samples out of limits raise an alarm per parameter; operators
 * acknowledge it with a comment or shelve it for a while; it returns to normal by itself when the values come back
 * and closes once acknowledged and normal. An alarm that gets worse after its acknowledgement needs a new one.
 * Every step is kept in the alarm's history.
 */
@Service
public class AlarmService {

    /** The longest an operator may shelve an alarm: beyond that it should be a limit change. */
    public static final Duration MAX_SHELVE = Duration.ofDays(7);
    static final String SYSTEM = "medoc";

    private final DSLContext dsl;
    private final Clock clock;
    private final AuditTrail audit;

    @org.springframework.beans.factory.annotation.Autowired
    public AlarmService(DSLContext dsl, AuditTrail audit) {
        this(dsl, audit, Clock.systemUTC());
    }

    AlarmService(DSLContext dsl, AuditTrail audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Applies new samples, summarised as severity runs in time order, to a parameter's alarms; returns how many
     * alarms were raised. Called by the housekeeping import inside its transaction.
     */
    @Transactional
    public int apply(long parameterId, List<SeverityRun> runs) {
        HkAlarmRecord active = dsl.selectFrom(HK_ALARM)
                .where(HK_ALARM.PARAMETER_ID.eq(parameterId), HK_ALARM.CURRENT_SEVERITY.ne(AlarmSeverity.NORMAL.name()))
                .forUpdate().fetchOne();
        int raised = 0;
        for (SeverityRun run : runs) {
            if (run.severity() == AlarmSeverity.NORMAL) {
                if (active != null) {
                    active.setCurrentSeverity(AlarmSeverity.NORMAL.name());
                    active.setNormalSinceUtc(Utc.of(run.start()));
                    active.store();
                    event(active.getId(), run.start(), "RETURNED_TO_NORMAL", SYSTEM, null);
                    active = null;
                }
                continue;
            }
            if (active == null) {
                active = dsl.newRecord(HK_ALARM);
                active.setParameterId(parameterId);
                active.setSeverity(run.severity().name());
                active.setCurrentSeverity(run.severity().name());
                active.setRaisedUtc(Utc.of(run.start()));
                active.setTriggerValue(run.triggerValue());
                active.setLastViolationUtc(Utc.of(run.end()));
                active.setViolationCount(run.samples());
                active.store();
                event(active.getId(), run.start(), "RAISED", SYSTEM, run.severity() + " at " + run.triggerValue());
                raised++;
                continue;
            }
            AlarmSeverity worst = AlarmSeverity.valueOf(active.getSeverity());
            if (!run.severity().name().equals(active.getCurrentSeverity())) {
                event(active.getId(), run.start(), "SEVERITY_CHANGED", SYSTEM, active.getCurrentSeverity() + " → " + run.severity());
            }
            if (run.severity().compareTo(worst) > 0) {
                active.setSeverity(run.severity().name());
                if (active.getAcknowledgedAt() != null) {
                    // worse than what the operator saw: it needs to be seen again
                    active.setAcknowledgedAt(null);
                    active.setAcknowledgedBy(null);
                    active.setAcknowledgeComment(null);
                }
            }
            active.setCurrentSeverity(run.severity().name());
            active.setLastViolationUtc(Utc.of(run.end()));
            active.setViolationCount(active.getViolationCount() + run.samples());
            active.store();
        }
        return raised;
    }

    /** Alarms not closed at {@code now}, worst first, then newest; {@code all} adds the closed ones (history). */
    @Transactional(readOnly = true)
    public List<Alarm> list(boolean all) {
        return list(all, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Alarm> list(boolean all, Instant now) {
        return dsl.select().from(HK_ALARM).join(HK_PARAMETER).on(HK_PARAMETER.ID.eq(HK_ALARM.PARAMETER_ID))
                .orderBy(HK_ALARM.RAISED_UTC.desc()).fetch(r -> map(r, now)).stream()
                .filter(a -> all || a.state() != Alarm.State.CLOSED)
                .sorted(java.util.Comparator.comparing((Alarm a) -> a.state()).thenComparing(Alarm::severity, java.util.Comparator.reverseOrder()))
                .toList();
    }

    /** Alarms of one parameter raised in [from, to) or still active then (for plot shading). */
    @Transactional(readOnly = true)
    public List<Alarm> between(String mnemonic, Instant from, Instant to) {
        Instant now = clock.instant();
        return dsl.select().from(HK_ALARM).join(HK_PARAMETER).on(HK_PARAMETER.ID.eq(HK_ALARM.PARAMETER_ID))
                .where(HK_PARAMETER.MNEMONIC.eq(mnemonic), HK_ALARM.RAISED_UTC.lt(Utc.of(to)),
                        HK_ALARM.LAST_VIOLATION_UTC.ge(Utc.of(from)))
                .orderBy(HK_ALARM.RAISED_UTC).fetch(r -> map(r, now));
    }

    @Transactional(readOnly = true)
    public Alarm get(long id) {
        return get(id, clock.instant());
    }

    @Transactional(readOnly = true)
    public Alarm get(long id, Instant now) {
        return dsl.select().from(HK_ALARM).join(HK_PARAMETER).on(HK_PARAMETER.ID.eq(HK_ALARM.PARAMETER_ID))
                .where(HK_ALARM.ID.eq(id)).fetchOptional(r -> map(r, now))
                .orElseThrow(() -> new GolfNotFoundException("alarm", id));
    }

    @Transactional(readOnly = true)
    public List<AlarmEvent> history(long id) {
        get(id);
        return dsl.selectFrom(HK_ALARM_EVENT).where(HK_ALARM_EVENT.ALARM_ID.eq(id)).orderBy(HK_ALARM_EVENT.ID)
                .fetch(r -> new AlarmEvent(Utc.of(r.getAtUtc()), r.getKind(), r.getActor(), r.getDetail()));
    }

    /** Counts for the operators' header. */
    @Transactional(readOnly = true)
    public AlarmSummary summary() {
        return summary(clock.instant());
    }

    @Transactional(readOnly = true)
    public AlarmSummary summary(Instant now) {
        Map<Alarm.State, Integer> counts = new EnumMap<>(Alarm.State.class);
        AlarmSeverity worst = AlarmSeverity.NORMAL;
        for (Alarm alarm : list(false, now)) {
            counts.merge(alarm.state(), 1, Integer::sum);
            if (alarm.state() == Alarm.State.UNACKNOWLEDGED) {
                worst = worst.max(alarm.severity());
            }
        }
        return new AlarmSummary(counts.getOrDefault(Alarm.State.UNACKNOWLEDGED, 0),
                counts.getOrDefault(Alarm.State.ACKNOWLEDGED, 0), counts.getOrDefault(Alarm.State.SHELVED, 0), worst);
    }

    /** An operator has seen the alarm; the comment says what they make of it. */
    @Transactional
    public Alarm acknowledge(long id, String operator, String comment) {
        return acknowledge(id, operator, comment, clock.instant());
    }

    @Transactional
    public Alarm acknowledge(long id, String operator, String comment, Instant now) {
        Alarm alarm = get(id, now);
        if (comment == null || comment.isBlank()) {
            throw new GolfRejectedException("say what you make of the alarm: an acknowledgement needs a comment");
        }
        if (alarm.acknowledgedAt() != null) {
            throw GolfRejectedException.wrongState("alarm " + id + " was already acknowledged by " + alarm.acknowledgedBy());
        }
        dsl.update(HK_ALARM).set(HK_ALARM.ACKNOWLEDGED_BY, operator).set(HK_ALARM.ACKNOWLEDGED_AT, Utc.of(now))
                .set(HK_ALARM.ACKNOWLEDGE_COMMENT, comment).where(HK_ALARM.ID.eq(id)).execute();
        event(id, now, "ACKNOWLEDGED", operator, comment);
        return get(id, now);
    }

    /** Hides the alarm from the summary for {@code duration} (at most {@link #MAX_SHELVE}); it comes back by itself. */
    @Transactional
    public Alarm shelve(long id, Duration duration, String operator, String comment) {
        return shelve(id, duration, operator, comment, clock.instant());
    }

    @Transactional
    public Alarm shelve(long id, Duration duration, String operator, String comment, Instant now) {
        Alarm alarm = get(id, now);
        if (alarm.state() == Alarm.State.CLOSED) {
            throw GolfRejectedException.wrongState("alarm " + id + " is closed: there is nothing to shelve");
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SHELVE) > 0) {
            throw new GolfRejectedException("shelve for a positive duration of at most " + MAX_SHELVE.toDays()
                    + " days; change the limits if the alarm should not come back");
        }
        if (comment == null || comment.isBlank()) {
            throw new GolfRejectedException("say why the alarm is shelved");
        }
        Instant until = now.plus(duration);
        dsl.update(HK_ALARM).set(HK_ALARM.SHELVED_BY, operator).set(HK_ALARM.SHELVED_UNTIL, Utc.of(until))
                .set(HK_ALARM.SHELVE_COMMENT, comment).where(HK_ALARM.ID.eq(id)).execute();
        event(id, now, "SHELVED", operator, "until " + until + ": " + comment);
        return get(id, now);
    }

    @Transactional
    public Alarm unshelve(long id, String operator) {
        Instant now = clock.instant();
        if (get(id, now).state() != Alarm.State.SHELVED) {
            throw GolfRejectedException.wrongState("alarm " + id + " is not shelved");
        }
        dsl.update(HK_ALARM).set(HK_ALARM.SHELVED_UNTIL, Utc.of(now)).where(HK_ALARM.ID.eq(id)).execute();
        event(id, now, "UNSHELVED", operator, null);
        return get(id, now);
    }

    private void event(long alarmId, Instant at, String kind, String actor, String detail) {
        dsl.insertInto(HK_ALARM_EVENT).set(HK_ALARM_EVENT.ALARM_ID, alarmId).set(HK_ALARM_EVENT.AT_UTC, Utc.of(at))
                .set(HK_ALARM_EVENT.KIND, kind).set(HK_ALARM_EVENT.ACTOR, actor).set(HK_ALARM_EVENT.DETAIL, detail).execute();
        audit.recordAs(SYSTEM.equals(actor) ? AuditTrail.SYSTEM : actor, "golf.alarm-" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), "alarm", Long.toString(alarmId), null, null, detail);
    }

    private static Alarm map(Record r, Instant now) {
        AlarmSeverity current = AlarmSeverity.valueOf(r.get(HK_ALARM.CURRENT_SEVERITY));
        Instant acknowledgedAt = Utc.of(r.get(HK_ALARM.ACKNOWLEDGED_AT));
        Instant shelvedUntil = Utc.of(r.get(HK_ALARM.SHELVED_UNTIL));
        return new Alarm(r.get(HK_ALARM.ID), r.get(HK_PARAMETER.MNEMONIC), AlarmSeverity.valueOf(r.get(HK_ALARM.SEVERITY)),
                current, Utc.of(r.get(HK_ALARM.RAISED_UTC)), r.get(HK_ALARM.TRIGGER_VALUE),
                Utc.of(r.get(HK_ALARM.LAST_VIOLATION_UTC)), r.get(HK_ALARM.VIOLATION_COUNT), Utc.of(r.get(HK_ALARM.NORMAL_SINCE_UTC)),
                r.get(HK_ALARM.ACKNOWLEDGED_BY), acknowledgedAt, r.get(HK_ALARM.ACKNOWLEDGE_COMMENT), r.get(HK_ALARM.SHELVED_BY),
                shelvedUntil, r.get(HK_ALARM.SHELVE_COMMENT), Alarm.state(current, acknowledgedAt, shelvedUntil, now));
    }
}
