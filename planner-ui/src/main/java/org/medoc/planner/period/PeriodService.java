package org.medoc.planner.period;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.planning.tables.records.PlanningPeriodRecord;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.medoc.db.jooq.planning.Tables.CONSTRAINT_WINDOW;
import static org.medoc.db.jooq.planning.Tables.PLANNING_PERIOD;
import static org.medoc.db.jooq.planning.Tables.SOOP;
import static org.medoc.db.jooq.planning.Tables.SOOP_INSTANCE;
import static org.medoc.db.jooq.planning.Tables.TELEMETRY_ALLOCATION;

/**
 * Planning periods (LTP, MTP, STP, VSTP) with their deadlines, SOOPs and their instances, constraint windows and
 * telemetry allocations (PLANNING.md §5-§7). STPs get default dates from {@link StpCalendar}; stored dates win.
 */
@Service
public class PeriodService {

    private static final Set<String> CONSTRAINT_SOURCES = Set.of("E_FECS", "SOC_LTP", "SOHO_SPWG", "MANUAL");
    private final DSLContext dsl;
    private final AuditTrail audit;

    public PeriodService(DSLContext dsl, AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** What a planner may set on a period; null milestones stay unset. */
    public record PeriodInput(PeriodKind kind, int number, Instant start, Instant end, Instant iorDeliveryOpens,
                              Instant iorDeadline, String mibVersion, String notes) {
    }

    /**
     * Creates a period. For an STP or LTP (from LTP05) without dates, the numbering rule supplies them, and an STP
     * without deadline gets the default IOR deadline; an STP is attached to its LTP when that LTP is stored.
     */
    @Transactional
    public Period create(PeriodInput input) {
        Instant start = input.start();
        Instant end = input.end();
        Instant deadline = input.iorDeadline();
        if (input.kind() == PeriodKind.STP) {
            start = start != null ? start : StpCalendar.stpStart(input.number());
            end = end != null ? end : StpCalendar.stpEnd(input.number());
            deadline = deadline != null ? deadline : StpCalendar.defaultIorDeadline(input.number());
        } else if (input.kind() == PeriodKind.LTP && input.number() >= StpCalendar.FIRST_QUARTER_LTP) {
            start = start != null ? start : StpCalendar.ltpStart(input.number());
            end = end != null ? end : StpCalendar.ltpEnd(input.number());
        }
        List<Finding> m1 = PeriodRules.interval(input.kind().name() + input.number(), start, end);
        if (!m1.isEmpty()) {
            throw new PlanningRejectedException(input.kind().name() + input.number() + " needs a start before its end", m1);
        }
        if (dsl.fetchExists(PLANNING_PERIOD, PLANNING_PERIOD.KIND.eq(input.kind().name()), PLANNING_PERIOD.NUMBER.eq(input.number()))) {
            throw PlanningRejectedException.wrongState(input.kind().name() + input.number() + " already exists");
        }
        Long parent = null;
        if (input.kind() == PeriodKind.STP && input.number() >= StpCalendar.FIRST_QUARTER_LTP_STP) {
            parent = dsl.select(PLANNING_PERIOD.ID).from(PLANNING_PERIOD)
                    .where(PLANNING_PERIOD.KIND.eq("LTP"), PLANNING_PERIOD.NUMBER.eq(StpCalendar.ltpOf(input.number())))
                    .fetchOne(PLANNING_PERIOD.ID);
        }
        PlanningPeriodRecord record = dsl.newRecord(PLANNING_PERIOD);
        record.setKind(input.kind().name());
        record.setNumber(input.number());
        record.setStartUtc(utc(start));
        record.setEndUtc(utc(end));
        record.setParentId(parent);
        record.setIorDeliveryOpens(utc(input.iorDeliveryOpens()));
        record.setIorDeadline(utc(deadline));
        record.setMibVersion(input.mibVersion());
        record.setNotes(input.notes());
        record.store();
        Period created = get(record.getId());
        audit.record("period.created", "planning-period", created.label(), null, created, null);
        return created;
    }

    /** The stored STP of that number, created with the default dates if absent. */
    @Transactional
    public Period ensureStp(int number) {
        return findStp(number).orElseGet(() -> create(new PeriodInput(PeriodKind.STP, number, null, null, null, null, null, null)));
    }

    @Transactional(readOnly = true)
    public Optional<Period> findStp(int number) {
        return dsl.selectFrom(PLANNING_PERIOD).where(PLANNING_PERIOD.KIND.eq("STP"), PLANNING_PERIOD.NUMBER.eq(number))
                .fetchOptional(PeriodService::map);
    }

    @Transactional(readOnly = true)
    public Period get(long id) {
        return dsl.selectFrom(PLANNING_PERIOD).where(PLANNING_PERIOD.ID.eq(id)).fetchOptional(PeriodService::map)
                .orElseThrow(() -> new PlanningNotFoundException("planning period", id));
    }

    @Transactional(readOnly = true)
    public List<Period> list(PeriodKind kind) {
        return dsl.selectFrom(PLANNING_PERIOD)
                .where(kind == null ? org.jooq.impl.DSL.noCondition() : PLANNING_PERIOD.KIND.eq(kind.name()))
                .orderBy(PLANNING_PERIOD.START_UTC, PLANNING_PERIOD.KIND).fetch(PeriodService::map);
    }

    /** Changes milestones, MIB version, status or notes under optimistic locking. */
    @Transactional
    public Period update(long id, int expectedLockVersion, Instant iorDeadline, String mibVersion, String status, String notes) {
        Period before = get(id);
        if (status != null && !Set.of("OPEN", "FROZEN", "DELIVERED", "EXECUTED").contains(status)) {
            throw new PlanningRejectedException("status must be OPEN, FROZEN, DELIVERED or EXECUTED");
        }
        int updated = dsl.update(PLANNING_PERIOD)
                .set(PLANNING_PERIOD.IOR_DEADLINE, iorDeadline == null ? PLANNING_PERIOD.IOR_DEADLINE : org.jooq.impl.DSL.val(utc(iorDeadline)))
                .set(PLANNING_PERIOD.MIB_VERSION, mibVersion == null ? PLANNING_PERIOD.MIB_VERSION : org.jooq.impl.DSL.val(mibVersion))
                .set(PLANNING_PERIOD.STATUS, status == null ? PLANNING_PERIOD.STATUS : org.jooq.impl.DSL.val(status))
                .set(PLANNING_PERIOD.NOTES, notes == null ? PLANNING_PERIOD.NOTES : org.jooq.impl.DSL.val(notes))
                .set(PLANNING_PERIOD.LOCK_VERSION, PLANNING_PERIOD.LOCK_VERSION.plus(1))
                .where(PLANNING_PERIOD.ID.eq(id), PLANNING_PERIOD.LOCK_VERSION.eq(expectedLockVersion))
                .execute();
        if (updated == 0) {
            throw new PlanningConflictException("planning period", id, expectedLockVersion);
        }
        Period after = get(id);
        audit.record("period.updated", "planning-period", after.label(), before, after, null);
        return after;
    }

    // Constraint windows ---------------------------------------------------------------------------------------------

    @Transactional
    public ConstraintWindowRecord addConstraint(String source, String type, ConstraintEffect effect, Instant start, Instant end,
                                                String description) {
        List<Finding> findings = PeriodRules.constraintWindow(CONSTRAINT_SOURCES, source, type, start, end);
        if (!findings.isEmpty()) {
            throw new PlanningRejectedException(findings.getFirst().message(), findings);
        }
        long id = dsl.insertInto(CONSTRAINT_WINDOW)
                .set(CONSTRAINT_WINDOW.SOURCE, source)
                .set(CONSTRAINT_WINDOW.TYPE, type)
                .set(CONSTRAINT_WINDOW.EFFECT, (effect == null ? defaultEffect(type) : effect).name())
                .set(CONSTRAINT_WINDOW.START_UTC, utc(start))
                .set(CONSTRAINT_WINDOW.END_UTC, utc(end))
                .set(CONSTRAINT_WINDOW.DESCRIPTION, description)
                .returning(CONSTRAINT_WINDOW.ID).fetchOne(CONSTRAINT_WINDOW.ID);
        ConstraintWindowRecord added = constraints(start, end).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        audit.record("constraint.added", "constraint-window", Long.toString(id), null, added, description);
        return added;
    }

    /** Default effect per type (PLANNING.md §7 table; ours where marked). */
    public static ConstraintEffect defaultEffect(String type) {
        return switch (type) {
            case "RSW", "RSCW" -> ConstraintEffect.INFO;
            case "ROLL" -> ConstraintEffect.FORBID_INTEGRATION;
            case "THRUSTER_FIRING" -> ConstraintEffect.SAFE_INSTRUMENT;
            case "GAM_RESTRICTION", "NAV_WINDOW", "CSW_UPDATE" -> ConstraintEffect.FORBID_OBS;
            default -> ConstraintEffect.WARN;
        };
    }

    @Transactional(readOnly = true)
    public List<ConstraintWindowRecord> constraints(Instant from, Instant to) {
        return dsl.selectFrom(CONSTRAINT_WINDOW)
                .where(CONSTRAINT_WINDOW.START_UTC.lt(utc(to)), CONSTRAINT_WINDOW.END_UTC.gt(utc(from)))
                .orderBy(CONSTRAINT_WINDOW.START_UTC)
                .fetch(PeriodService::window);
    }

    private static ConstraintWindowRecord window(org.medoc.db.jooq.planning.tables.records.ConstraintWindowRecord r) {
        return new ConstraintWindowRecord(r.getId(), r.getSource(), r.getType(), ConstraintEffect.valueOf(r.getEffect()),
                r.getStartUtc().toInstant(), r.getEndUtc().toInstant(), r.getDescription(), r.getLockVersion());
    }

    @Transactional
    public void deleteConstraint(long id) {
        ConstraintWindowRecord before = dsl.selectFrom(CONSTRAINT_WINDOW).where(CONSTRAINT_WINDOW.ID.eq(id))
                .fetchOptional(PeriodService::window)
                .orElseThrow(() -> new PlanningNotFoundException("constraint window", id));
        dsl.deleteFrom(CONSTRAINT_WINDOW).where(CONSTRAINT_WINDOW.ID.eq(id)).execute();
        audit.record("constraint.deleted", "constraint-window", Long.toString(id), before, null, null);
    }

    // SOOPs ------------------------------------------------------------------------------------------------------------

    @Transactional
    public long createSoop(String name, String kitchenId, String fitsTypeCode, String pointingRequirement, Double defaultDurationHours) {
        // Solar Orbiter SOOP names start with their class (the soop_class column): I_, R_ or L_, e.g.
        // R_FULL_LRES_LCAD_RS-Synoptics; anything else would only fail on the database's check
        if (name == null || !name.matches("[IRL]_\\S+")) {
            throw new PlanningRejectedException("a SOOP name starts with its class, I_, R_ or L_, and has no spaces "
                    + "(e.g. R_FULL_LRES_LCAD_RS-Synoptics); got '" + name + "'");
        }
        long id = dsl.insertInto(SOOP)
                .set(SOOP.NAME, name)
                .set(SOOP.KITCHEN_ID, kitchenId)
                .set(SOOP.FITS_TYPE_CODE, fitsTypeCode)
                .set(SOOP.SOOP_CLASS, name.isEmpty() ? null : name.substring(0, 1))
                .set(SOOP.POINTING_REQUIREMENT, pointingRequirement == null ? "ANY" : pointingRequirement)
                .set(SOOP.DEFAULT_DURATION_H, defaultDurationHours == null ? null : java.math.BigDecimal.valueOf(defaultDurationHours))
                .returning(SOOP.ID).fetchOne(SOOP.ID);
        audit.record("soop.created", "soop", name, null, soops().stream().filter(s -> s.id() == id).findFirst().orElseThrow(), kitchenId);
        return id;
    }

    /** A SOOP definition as the planners choose it when recording an instance. */
    public record Soop(long id, String name, String fitsTypeCode, String pointingRequirement, Double defaultDurationHours) {
    }

    /** All SOOP definitions by name. */
    @Transactional(readOnly = true)
    public List<Soop> soops() {
        return dsl.selectFrom(SOOP).orderBy(SOOP.NAME).fetch(r -> new Soop(r.getId(), r.getName(), r.getFitsTypeCode(),
                r.getPointingRequirement(), r.getDefaultDurationH() == null ? null : r.getDefaultDurationH().doubleValue()));
    }

    @Transactional
    public SoopInstance addSoopInstance(long soopId, Instant start, Instant end, String notes) {
        List<Finding> m1 = PeriodRules.interval("a SOOP instance", start, end);
        if (!m1.isEmpty()) {
            throw new PlanningRejectedException("a SOOP instance needs a start before its end", m1);
        }
        if (!dsl.fetchExists(SOOP, SOOP.ID.eq(soopId))) {
            throw new PlanningNotFoundException("SOOP", soopId);
        }
        long id = dsl.insertInto(SOOP_INSTANCE)
                .set(SOOP_INSTANCE.SOOP_ID, soopId)
                .set(SOOP_INSTANCE.START_UTC, utc(start))
                .set(SOOP_INSTANCE.END_UTC, utc(end))
                .set(SOOP_INSTANCE.NOTES, notes)
                .returning(SOOP_INSTANCE.ID).fetchOne(SOOP_INSTANCE.ID);
        SoopInstance added = soopInstances(start, end).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
        audit.record("soop.instance-added", "soop-instance", Long.toString(id), null, added, notes);
        return added;
    }

    @Transactional(readOnly = true)
    public List<SoopInstance> soopInstances(Instant from, Instant to) {
        return dsl.select().from(SOOP_INSTANCE).join(SOOP).on(SOOP.ID.eq(SOOP_INSTANCE.SOOP_ID))
                .where(SOOP_INSTANCE.START_UTC.lt(utc(to)), SOOP_INSTANCE.END_UTC.gt(utc(from)))
                .orderBy(SOOP_INSTANCE.START_UTC)
                .fetch(PeriodService::soopInstance);
    }

    @Transactional(readOnly = true)
    public Optional<SoopInstance> soopInstance(long id) {
        return dsl.select().from(SOOP_INSTANCE).join(SOOP).on(SOOP.ID.eq(SOOP_INSTANCE.SOOP_ID))
                .where(SOOP_INSTANCE.ID.eq(id)).fetchOptional(PeriodService::soopInstance);
    }

    private static SoopInstance soopInstance(Record r) {
        return new SoopInstance(r.get(SOOP_INSTANCE.ID), r.get(SOOP.ID), r.get(SOOP.NAME), r.get(SOOP.FITS_TYPE_CODE),
                r.get(SOOP.POINTING_REQUIREMENT), r.get(SOOP_INSTANCE.START_UTC).toInstant(), r.get(SOOP_INSTANCE.END_UTC).toInstant(),
                r.get(SOOP_INSTANCE.NOTES), r.get(SOOP_INSTANCE.LOCK_VERSION));
    }

    // Telemetry allocation -------------------------------------------------------------------------------------------

    /** Records SPICE's telemetry allocation for a period (TM corridor). */
    @Transactional
    public void setAllocation(long periodId, long allocatedBits, String sourceFile) {
        Period period = get(periodId);
        Long before = allocation(periodId).orElse(null);
        List<Finding> m3 = PeriodRules.allocation(allocatedBits);
        if (!m3.isEmpty()) {
            throw new PlanningRejectedException(m3.getFirst().message(), m3);
        }
        dsl.insertInto(TELEMETRY_ALLOCATION)
                .set(TELEMETRY_ALLOCATION.PERIOD_ID, periodId)
                .set(TELEMETRY_ALLOCATION.ALLOCATED_BITS, allocatedBits)
                .set(TELEMETRY_ALLOCATION.SOURCE_FILE, sourceFile)
                .onConflict(TELEMETRY_ALLOCATION.PERIOD_ID, TELEMETRY_ALLOCATION.INSTRUMENT)
                .doUpdate()
                .set(TELEMETRY_ALLOCATION.ALLOCATED_BITS, allocatedBits)
                .set(TELEMETRY_ALLOCATION.SOURCE_FILE, sourceFile)
                .set(TELEMETRY_ALLOCATION.LOCK_VERSION, TELEMETRY_ALLOCATION.LOCK_VERSION.plus(1))
                .execute();
        audit.record("allocation.set", "planning-period", period.label(),
                before == null ? null : java.util.Map.of("allocatedBits", before),
                java.util.Map.of("allocatedBits", allocatedBits), sourceFile);
    }

    @Transactional(readOnly = true)
    public Optional<Long> allocation(long periodId) {
        return dsl.select(TELEMETRY_ALLOCATION.ALLOCATED_BITS).from(TELEMETRY_ALLOCATION)
                .where(TELEMETRY_ALLOCATION.PERIOD_ID.eq(periodId), TELEMETRY_ALLOCATION.INSTRUMENT.eq("SPICE"))
                .fetchOptional(TELEMETRY_ALLOCATION.ALLOCATED_BITS);
    }

    static Period map(PlanningPeriodRecord r) {
        return new Period(r.getId(), PeriodKind.valueOf(r.getKind()), r.getNumber(), r.getStartUtc().toInstant(),
                r.getEndUtc().toInstant(), r.getParentId(), instant(r.getIorDeliveryOpens()), instant(r.getIorDeadline()),
                instant(r.getMocPrecheck()), instant(r.getStackBuilt()), r.getMibVersion(), r.getStatus(), r.getNotes(),
                r.getLockVersion());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
