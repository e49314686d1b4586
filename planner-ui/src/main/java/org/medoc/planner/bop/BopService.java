package org.medoc.planner.bop;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.planning.tables.records.BopRecord;
import org.medoc.db.jooq.planning.tables.records.BopVersionRecord;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.StudyEstimator;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyStatus;
import org.medoc.planner.timeline.EntryInput;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

import static org.medoc.db.jooq.planning.Tables.BOP;
import static org.medoc.db.jooq.planning.Tables.BOP_INSTANCE;
import static org.medoc.db.jooq.planning.Tables.BOP_ITEM;
import static org.medoc.db.jooq.planning.Tables.BOP_VERSION;

/**
 * BOPs (our working definition, PLANNING.md §9.1): named, versioned, reusable blocks of timeline items at relative
 * offsets. A draft version's items are edited; a released version never changes (P1) and a change makes a new version.
 * Instantiation expands a released version onto an STP at a start time: ordinary timeline entries that remember their
 * instance and item; the whole instance must pass the timeline rules before it is saved (P3), else nothing is saved.
 * An expanded entry edited by hand detaches from its template ({@link TimelineService#update}).
 */
@Service
public class BopService {

    private final DSLContext dsl;
    private final StudyService studies;
    private final TimelineService timeline;
    private final InstrumentConfigurationService configurations;
    private final AuditTrail audit;

    BopService(DSLContext dsl, StudyService studies, TimelineService timeline, InstrumentConfigurationService configurations,
               AuditTrail audit) {
        this.dsl = dsl;
        this.audit = audit;
        this.studies = studies;
        this.timeline = timeline;
        this.configurations = configurations;
    }

    /** The saved instance and the timeline entries it produced. */
    public record Instance(long id, long bopVersionId, long stpId, Instant start, List<TimelineView.CheckedEntry> entries) {
    }

    /** A new BOP with an empty draft version 1. */
    @Transactional
    public BopDetail create(String code, String name, String description, String owner) {
        if (code == null || code.isBlank() || name == null || name.isBlank()) {
            throw new PlanningRejectedException("a BOP needs a code and a name");
        }
        if (dsl.fetchExists(BOP, BOP.CODE.eq(code))) {
            throw PlanningRejectedException.wrongState("BOP code " + code + " is taken");
        }
        long id = dsl.insertInto(BOP).set(BOP.CODE, code).set(BOP.NAME, name).set(BOP.DESCRIPTION, description).set(BOP.OWNER, owner)
                .returning(BOP.ID).fetchOne(BOP.ID);
        dsl.insertInto(BOP_VERSION).set(BOP_VERSION.BOP_ID, id).set(BOP_VERSION.VERSION_NO, 1).execute();
        audit.record("bop.created", "bop", code, null, Map.of("name", name, "owner", String.valueOf(owner), "version", 1), description);
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<BopDetail> list() {
        return dsl.select(BOP.ID).from(BOP).orderBy(BOP.CODE).fetch(r -> get(r.value1()));
    }

    @Transactional(readOnly = true)
    public BopDetail get(long id) {
        BopRecord bop = dsl.selectFrom(BOP).where(BOP.ID.eq(id)).fetchOne();
        if (bop == null) {
            throw new PlanningNotFoundException("BOP", id);
        }
        ToDoubleBiFunction<Long, Integer> duration = durations();
        List<BopDetail.Version> versions = dsl.selectFrom(BOP_VERSION).where(BOP_VERSION.BOP_ID.eq(id)).orderBy(BOP_VERSION.VERSION_NO)
                .fetch(v -> {
                    List<BopItem> items = items(v.getId());
                    return new BopDetail.Version(v.getId(), v.getVersionNo(), v.getReleased(),
                            v.getReleasedAt() == null ? null : v.getReleasedAt().toInstant(), v.getNotes(), v.getLockVersion(), items,
                            BopExpansion.totalSeconds(items, duration), BopExpansion.check(items, duration));
                });
        return new BopDetail(bop.getId(), bop.getCode(), bop.getName(), bop.getDescription(), bop.getOwner(), bop.getStatus(),
                bop.getLockVersion(), versions);
    }

    /** Replaces the items of a draft version (P1: a released version is immutable). */
    @Transactional
    public BopDetail saveItems(long versionId, int expectedLockVersion, List<BopItem> items) {
        BopVersionRecord version = draftVersion(versionId, expectedLockVersion);
        List<BopItem> before = items(versionId);
        Set<Integer> seqs = new HashSet<>();
        for (BopItem item : items) {
            if (!seqs.add(item.seq())) {
                throw new PlanningRejectedException("item sequence number " + item.seq() + " appears twice");
            }
            if (item.type() == BopItemType.STUDY) {
                if (item.studyId() == null) {
                    throw new PlanningRejectedException("study item " + item.seq() + " names no study");
                }
                studies.stored(item.studyId());
            }
        }
        dsl.deleteFrom(BOP_ITEM).where(BOP_ITEM.BOP_VERSION_ID.eq(versionId)).execute();
        for (BopItem item : items) {
            dsl.insertInto(BOP_ITEM)
                    .set(BOP_ITEM.BOP_VERSION_ID, versionId)
                    .set(BOP_ITEM.SEQ, item.seq())
                    .set(BOP_ITEM.OFFSET_S, BigDecimal.valueOf(Math.max(0, item.offsetSeconds())))
                    .set(BOP_ITEM.ITEM_TYPE, item.type().name())
                    .set(BOP_ITEM.STUDY_ID, item.studyId())
                    .set(BOP_ITEM.RASTERS, item.rasters())
                    .set(BOP_ITEM.COMMAND_MNEMONIC, item.commandMnemonic())
                    .set(BOP_ITEM.DURATION_S, item.durationSeconds() == null ? null : BigDecimal.valueOf(item.durationSeconds()))
                    .execute();
        }
        List<Finding> p2 = BopExpansion.check(items, durations());
        if (!p2.isEmpty()) {
            throw new PlanningRejectedException("the BOP items break rule P2", p2);
        }
        bumpVersion(versionId, expectedLockVersion);
        BopDetail bop = get(version.getBopId());
        audit.record("bop.items-saved", "bop", bop.code(), Map.of("version", version.getVersionNo(), "items", before),
                Map.of("version", version.getVersionNo(), "items", items), null);
        return bop;
    }

    /** Releases a draft version: it must have items of approved studies and pass P2; afterwards it never changes. */
    @Transactional
    public BopDetail release(long versionId, int expectedLockVersion) {
        BopVersionRecord version = draftVersion(versionId, expectedLockVersion);
        List<BopItem> items = items(versionId);
        if (items.isEmpty()) {
            throw new PlanningRejectedException("an empty BOP version cannot be released");
        }
        for (BopItem item : items) {
            if (item.type() == BopItemType.STUDY && studies.stored(item.studyId()).status() != StudyStatus.APPROVED) {
                throw new PlanningRejectedException("item " + item.seq() + " uses study " + item.studyId() + ", which is not approved");
            }
        }
        List<Finding> p2 = BopExpansion.check(items, durations());
        if (Finding.anyError(p2)) {
            throw new PlanningRejectedException("the BOP items break rule P2", p2);
        }
        int updated = dsl.update(BOP_VERSION).set(BOP_VERSION.RELEASED, true).set(BOP_VERSION.RELEASED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(BOP_VERSION.LOCK_VERSION, expectedLockVersion + 1)
                .where(BOP_VERSION.ID.eq(versionId), BOP_VERSION.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (updated == 0) {
            throw new PlanningConflictException("BOP version", versionId, expectedLockVersion);
        }
        dsl.update(BOP).set(BOP.STATUS, "RELEASED").where(BOP.ID.eq(version.getBopId())).execute();
        BopDetail bop = get(version.getBopId());
        audit.record("bop.released", "bop", bop.code(), Map.of("version", version.getVersionNo(), "released", false),
                Map.of("version", version.getVersionNo(), "released", true), null);
        return bop;
    }

    /** A new draft version, starting from a copy of the latest version's items. */
    @Transactional
    public BopDetail newVersion(long bopId) {
        BopDetail bop = get(bopId);
        BopDetail.Version latest = bop.versions().getLast();
        if (!latest.released()) {
            throw PlanningRejectedException.wrongState("version " + latest.versionNo() + " of " + bop.code() + " is still a draft: edit it");
        }
        long versionId = dsl.insertInto(BOP_VERSION).set(BOP_VERSION.BOP_ID, bopId).set(BOP_VERSION.VERSION_NO, latest.versionNo() + 1)
                .returning(BOP_VERSION.ID).fetchOne(BOP_VERSION.ID);
        dsl.insertInto(BOP_ITEM, BOP_ITEM.BOP_VERSION_ID, BOP_ITEM.SEQ, BOP_ITEM.OFFSET_S, BOP_ITEM.ITEM_TYPE, BOP_ITEM.STUDY_ID,
                        BOP_ITEM.RASTERS, BOP_ITEM.COMMAND_MNEMONIC, BOP_ITEM.DURATION_S, BOP_ITEM.PARAMS)
                .select(dsl.select(org.jooq.impl.DSL.val(versionId), BOP_ITEM.SEQ, BOP_ITEM.OFFSET_S, BOP_ITEM.ITEM_TYPE, BOP_ITEM.STUDY_ID,
                        BOP_ITEM.RASTERS, BOP_ITEM.COMMAND_MNEMONIC, BOP_ITEM.DURATION_S, BOP_ITEM.PARAMS)
                        .from(BOP_ITEM).where(BOP_ITEM.BOP_VERSION_ID.eq(latest.id())))
                .execute();
        audit.record("bop.version-created", "bop", bop.code(), Map.of("version", latest.versionNo()),
                Map.of("version", latest.versionNo() + 1), null);
        return get(bopId);
    }

    /**
     * Expands a released version onto an STP. Rule P3: the new entries must not bring any ERROR (overlap, outside the
     * STP, forbidden window, study set...) nor a new period-level ERROR (telemetry over budget); otherwise nothing is
     * saved and the findings are returned in the exception.
     */
    @Transactional
    public Instance instantiate(long versionId, long stpId, Instant start, String user) {
        BopVersionRecord version = dsl.selectFrom(BOP_VERSION).where(BOP_VERSION.ID.eq(versionId)).fetchOne();
        if (version == null) {
            throw new PlanningNotFoundException("BOP version", versionId);
        }
        if (!version.getReleased()) {
            throw PlanningRejectedException.wrongState("BOP version " + version.getVersionNo() + " is a draft: release it before "
                    + "placing it on a timeline (P1)");
        }
        Set<String> periodErrorsBefore = new HashSet<>(timeline.timeline(stpId).periodFindings().stream()
                .filter(Finding::isError).map(Finding::message).toList());
        long instanceId = dsl.insertInto(BOP_INSTANCE)
                .set(BOP_INSTANCE.BOP_VERSION_ID, versionId)
                .set(BOP_INSTANCE.STP_ID, stpId)
                .set(BOP_INSTANCE.START_UTC, start.atOffset(ZoneOffset.UTC))
                .set(BOP_INSTANCE.EXPANDED_BY, user)
                .returning(BOP_INSTANCE.ID).fetchOne(BOP_INSTANCE.ID);
        List<Long> ids = new ArrayList<>();
        for (BopExpansion.ExpandedRun run : BopExpansion.expand(items(versionId), start, durations())) {
            ids.add(timeline.insert(stpId, EntryInput.of(run.studyId(), run.start(), run.rasters()), instanceId, run.seq(), user));
        }
        TimelineView view = timeline.timeline(stpId);
        List<Finding> errors = new ArrayList<>();
        List<TimelineView.CheckedEntry> created = new ArrayList<>();
        for (long id : ids) {
            TimelineView.CheckedEntry entry = view.entry(id);
            created.add(entry);
            entry.findings().stream().filter(Finding::isError).forEach(errors::add);
        }
        view.periodFindings().stream().filter(Finding::isError).filter(f -> !periodErrorsBefore.contains(f.message())).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new PlanningRejectedException("BOP instance not saved: it breaks " + errors.size() + " timeline rule(s) (P3)", errors);
        }
        audit.recordAs(user, "bop.instantiated", "bop-instance", Long.toString(instanceId), null,
                Map.of("bopVersionId", versionId, "versionNo", version.getVersionNo(), "stpId", stpId, "start", start.toString(),
                        "entries", ids), null);
        return new Instance(instanceId, versionId, stpId, start, created);
    }

    /** One placement of a BOP version on an STP, with how many of its entries remain and how many were edited by hand. */
    public record InstanceSummary(long id, int versionNo, long stpId, int stpNumber, Instant start, String expandedBy,
                                  int entries, int detached) {
    }

    /**
     * The instances of a BOP, newest first: the planner sees where the block was placed and which instances no longer
     * follow it (entries detached by hand edits, PLANNING.md &sect;9.1).
     */
    public List<InstanceSummary> instances(long bopId) {
        var entry = org.medoc.db.jooq.planning.Tables.TIMELINE_ENTRY;
        var period = org.medoc.db.jooq.planning.Tables.PLANNING_PERIOD;
        var entries = org.jooq.impl.DSL.count(entry.ID);
        var detached = org.jooq.impl.DSL.count(entry.ID).filterWhere(entry.DETACHED.isTrue());
        return dsl.select(BOP_INSTANCE.ID, BOP_VERSION.VERSION_NO, BOP_INSTANCE.STP_ID, period.NUMBER, BOP_INSTANCE.START_UTC,
                        BOP_INSTANCE.EXPANDED_BY, entries, detached)
                .from(BOP_INSTANCE)
                .join(BOP_VERSION).on(BOP_VERSION.ID.eq(BOP_INSTANCE.BOP_VERSION_ID))
                .join(period).on(period.ID.eq(BOP_INSTANCE.STP_ID))
                .leftJoin(entry).on(entry.BOP_INSTANCE_ID.eq(BOP_INSTANCE.ID))
                .where(BOP_VERSION.BOP_ID.eq(bopId))
                .groupBy(BOP_INSTANCE.ID, BOP_VERSION.VERSION_NO, BOP_INSTANCE.STP_ID, period.NUMBER, BOP_INSTANCE.START_UTC,
                        BOP_INSTANCE.EXPANDED_BY)
                .orderBy(BOP_INSTANCE.START_UTC.desc(), BOP_INSTANCE.ID.desc())
                .fetch(r -> new InstanceSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(), r.value6(),
                        r.value7(), r.value8()));
    }

    private List<BopItem> items(long versionId) {
        return dsl.selectFrom(BOP_ITEM).where(BOP_ITEM.BOP_VERSION_ID.eq(versionId)).orderBy(BOP_ITEM.SEQ)
                .fetch(i -> new BopItem(i.getSeq(), i.getOffsetS().doubleValue(), BopItemType.valueOf(i.getItemType()), i.getStudyId(),
                        i.getRasters(), i.getCommandMnemonic(), i.getDurationS() == null ? null : i.getDurationS().doubleValue()));
    }

    /** Study durations by (study, rasters), from the estimator, cached per call. */
    private ToDoubleBiFunction<Long, Integer> durations() {
        StudyEstimator estimator = new StudyEstimator(configurations.load());
        Map<Long, StoredStudy> cache = new HashMap<>();
        return (studyId, rasters) -> estimator.estimate(cache.computeIfAbsent(studyId, studies::stored).parameters(), rasters)
                .durationSeconds();
    }

    private BopVersionRecord draftVersion(long versionId, int expectedLockVersion) {
        BopVersionRecord version = dsl.selectFrom(BOP_VERSION).where(BOP_VERSION.ID.eq(versionId)).fetchOne();
        if (version == null) {
            throw new PlanningNotFoundException("BOP version", versionId);
        }
        if (version.getLockVersion() != expectedLockVersion) {
            throw new PlanningConflictException("BOP version", versionId, expectedLockVersion);
        }
        if (version.getReleased()) {
            throw PlanningRejectedException.wrongState("BOP version " + version.getVersionNo()
                    + " is released and never changes (P1): create a new version");
        }
        return version;
    }

    private void bumpVersion(long versionId, int expectedLockVersion) {
        int updated = dsl.update(BOP_VERSION).set(BOP_VERSION.LOCK_VERSION, expectedLockVersion + 1)
                .where(BOP_VERSION.ID.eq(versionId), BOP_VERSION.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (updated == 0) {
            throw new PlanningConflictException("BOP version", versionId, expectedLockVersion);
        }
    }
}
