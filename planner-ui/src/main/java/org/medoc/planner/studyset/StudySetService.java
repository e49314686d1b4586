package org.medoc.planner.studyset;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.planning.tables.records.StudySetRecord;
import org.medoc.planner.icn.IcnRules;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyStatus;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.medoc.db.jooq.planning.Tables.STUDY_SET;
import static org.medoc.db.jooq.planning.Tables.STUDY_SET_ENTRY;
import static org.medoc.db.jooq.planning.Tables.WINDOW_SLOT_ENTRY;

/**
 * Study sets (PLANNING.md §3.5): approved studies in on-board slots (B1) with a shared window table (B2), uploaded
 * with an effective STP. The set active on board in an STP is the uploaded set with the latest effective STP not after
 * it (rule B3 reads it); a set taking effect in an STP needs an ICN approved before that STP's IOR deadline (B4).
 * A set is edited only while DRAFT; every change checks its lock version.
 */
@Service
public class StudySetService {

    private static final Set<String> ON_BOARD = Set.of("UPLOADED", "ACTIVE", "SUPERSEDED");
    private final DSLContext dsl;
    private final StudyService studies;
    private final PeriodService periods;
    private final IcnService icns;
    private final AuditTrail audit;

    StudySetService(DSLContext dsl, StudyService studies, PeriodService periods, IcnService icns, AuditTrail audit) {
        this.dsl = dsl;
        this.studies = studies;
        this.periods = periods;
        this.icns = icns;
        this.audit = audit;
    }

    /** A new empty DRAFT set; version defaults to the next free one and the file name to {@code fltNN-study-set.xml}. */
    @Transactional
    public StudySetDetail create(Integer setVersion, String fileName, String notes, String user) {
        int version = setVersion != null ? setVersion
                : Optional.ofNullable(dsl.select(org.jooq.impl.DSL.max(STUDY_SET.SET_VERSION)).from(STUDY_SET).fetchOne().value1()).orElse(0) + 1;
        if (dsl.fetchExists(STUDY_SET, STUDY_SET.SET_VERSION.eq(version))) {
            throw PlanningRejectedException.wrongState("study set version " + version + " already exists");
        }
        long id = dsl.insertInto(STUDY_SET)
                .set(STUDY_SET.SET_VERSION, version)
                .set(STUDY_SET.FILE_NAME, fileName != null && !fileName.isBlank() ? fileName : "flt" + version + "-study-set.xml")
                .set(STUDY_SET.STATUS, StudySetStatus.DRAFT.name())
                .set(STUDY_SET.NOTES, notes)
                .set(STUDY_SET.CREATED_BY, user)
                .returning(STUDY_SET.ID).fetchOne(STUDY_SET.ID);
        StudySetDetail created = get(id);
        audit.record("studyset.created", "study-set", Integer.toString(version), null, contents(created), notes);
        return created;
    }

    /** What the audit trail keeps of a set: version, state, effective STP and the study in each slot. */
    private static Map<String, Object> contents(StudySetDetail set) {
        Map<String, Object> slots = new LinkedHashMap<>();
        set.entries().forEach(e -> slots.put(Integer.toString(e.onboardSlot()), e.studyName()));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", set.setVersion());
        values.put("status", set.status().name());
        values.put("effectiveFromStp", set.effectiveFromStp());
        values.put("slots", slots);
        return values;
    }

    @Transactional(readOnly = true)
    public List<StudySetDetail> list() {
        return dsl.select(STUDY_SET.ID).from(STUDY_SET).orderBy(STUDY_SET.SET_VERSION).fetch(r -> get(r.value1()));
    }

    @Transactional(readOnly = true)
    public StudySetDetail get(long id) {
        StudySetRecord set = record(id);
        List<StudySetDetail.Entry> entries = new ArrayList<>();
        Map<Long, StoredStudy> byId = new LinkedHashMap<>();
        List<Long> ids = dsl.select(STUDY_SET_ENTRY.STUDY_ID).from(STUDY_SET_ENTRY).where(STUDY_SET_ENTRY.STUDY_SET_ID.eq(id)).fetch(r -> r.value1());
        studies.findAll(ids).forEach(s -> byId.put(s.id(), s));
        dsl.selectFrom(STUDY_SET_ENTRY).where(STUDY_SET_ENTRY.STUDY_SET_ID.eq(id)).orderBy(STUDY_SET_ENTRY.ONBOARD_SLOT)
                .forEach(r -> {
                    StoredStudy study = byId.get(r.getStudyId());
                    entries.add(new StudySetDetail.Entry(r.getStudyId(), study.name(), study.misoId(), r.getOnboardSlot()));
                });
        List<StudySetDetail.WindowSlot> windows = dsl.selectFrom(WINDOW_SLOT_ENTRY).where(WINDOW_SLOT_ENTRY.STUDY_SET_ID.eq(id))
                .orderBy(WINDOW_SLOT_ENTRY.WINTABID, WINDOW_SLOT_ENTRY.STUDY_ID, WINDOW_SLOT_ENTRY.WINDOW_POSITION)
                .fetch(r -> new StudySetDetail.WindowSlot(r.getStudyId(), r.getWindowPosition(), r.getWintabid(),
                        byId.get(r.getStudyId()).parameters().windows().get(r.getWindowPosition()).name()));
        Map<Long, Integer> slots = new LinkedHashMap<>();
        entries.forEach(e -> slots.put(e.studyId(), e.onboardSlot()));
        int distinct = (int) windows.stream().mapToInt(StudySetDetail.WindowSlot::wintabid).distinct().count();
        List<Finding> findings = new ArrayList<>(SlotAllocation.check(slots, distinct));
        if (set.getEffectiveFromStp() != null && ON_BOARD.contains(set.getStatus())) {
            Instant deadline = periods.findStp(set.getEffectiveFromStp()).map(p -> p.iorDeadline()).orElse(null);
            findings.addAll(IcnRules.studySetChange(set.getSetVersion(), set.getEffectiveFromStp(), deadline, icns.approvalsForStudySet(id)));
        }
        return new StudySetDetail(set.getId(), set.getFileName(), set.getSetVersion(), StudySetStatus.valueOf(set.getStatus()),
                set.getEffectiveFromStp(), set.getUploadedAt() == null ? null : set.getUploadedAt().toInstant(), set.getNotes(),
                set.getLockVersion(), entries, windows, findings);
    }

    /**
     * Puts an approved study into the set, in {@code slot} or the lowest free one, and rebuilds the window table.
     * Refused when the set is no longer a draft, the study is not approved, or B1/B2 would break.
     */
    @Transactional
    public StudySetDetail addStudy(long setId, int expectedLockVersion, long studyId, Integer slot) {
        StudySetRecord set = draft(setId, expectedLockVersion);
        StudySetDetail before = get(setId);
        StoredStudy study = studies.stored(studyId);
        if (study.status() != StudyStatus.APPROVED) {
            throw new PlanningRejectedException("only approved studies go into a study set; " + study.name() + " (id " + studyId
                    + ") is " + study.status());
        }
        if (dsl.fetchExists(STUDY_SET_ENTRY, STUDY_SET_ENTRY.STUDY_SET_ID.eq(setId), STUDY_SET_ENTRY.STUDY_ID.eq(studyId))) {
            throw PlanningRejectedException.wrongState(study.name() + " is already in study set version " + set.getSetVersion());
        }
        Set<Integer> taken = new HashSet<>(dsl.select(STUDY_SET_ENTRY.ONBOARD_SLOT).from(STUDY_SET_ENTRY)
                .where(STUDY_SET_ENTRY.STUDY_SET_ID.eq(setId)).fetch(r -> r.value1().intValue()));
        int chosen = slot != null ? slot : SlotAllocation.nextFreeSlot(taken);
        Map<Long, Integer> slots = new LinkedHashMap<>();
        dsl.selectFrom(STUDY_SET_ENTRY).where(STUDY_SET_ENTRY.STUDY_SET_ID.eq(setId)).forEach(r -> slots.put(r.getStudyId(), r.getOnboardSlot().intValue()));
        if (chosen < 0) {
            throw new PlanningRejectedException("study set version " + set.getSetVersion() + " has no free slot",
                    List.of(Finding.error("B1", "studies", "all " + SlotAllocation.STUDY_SLOTS + " on-board study slots are taken")));
        }
        slots.put(studyId, chosen);
        List<Finding> b1 = SlotAllocation.check(slots, 0);
        if (!b1.isEmpty()) {
            throw new PlanningRejectedException(b1.getFirst().message(), b1);
        }
        dsl.insertInto(STUDY_SET_ENTRY)
                .set(STUDY_SET_ENTRY.STUDY_SET_ID, setId)
                .set(STUDY_SET_ENTRY.STUDY_ID, studyId)
                .set(STUDY_SET_ENTRY.ONBOARD_SLOT, (short) chosen)
                .execute();
        rebuildWindowTable(setId);
        bump(setId, expectedLockVersion);
        return audited("studyset.study-added", before, study.name() + " in slot " + chosen);
    }

    private StudySetDetail audited(String action, StudySetDetail before, String detail) {
        StudySetDetail after = get(before.id());
        audit.record(action, "study-set", Integer.toString(after.setVersion()), contents(before), contents(after), detail);
        return after;
    }

    @Transactional
    public StudySetDetail removeStudy(long setId, int expectedLockVersion, long studyId) {
        draft(setId, expectedLockVersion);
        StudySetDetail before = get(setId);
        dsl.deleteFrom(WINDOW_SLOT_ENTRY).where(WINDOW_SLOT_ENTRY.STUDY_SET_ID.eq(setId)).execute();
        if (dsl.deleteFrom(STUDY_SET_ENTRY).where(STUDY_SET_ENTRY.STUDY_SET_ID.eq(setId), STUDY_SET_ENTRY.STUDY_ID.eq(studyId)).execute() == 0) {
            throw new PlanningNotFoundException("study in this set", studyId);
        }
        rebuildWindowTable(setId);
        bump(setId, expectedLockVersion);
        return audited("studyset.study-removed", before, "study " + studyId);
    }

    /** DRAFT &rarr; UPLOADED, effective from an STP: from then on the set is frozen and active on board from that STP. */
    @Transactional
    public StudySetDetail upload(long setId, int expectedLockVersion, int effectiveFromStp) {
        draft(setId, expectedLockVersion);
        StudySetDetail current = get(setId);
        if (current.entries().isEmpty()) {
            throw new PlanningRejectedException("an empty study set cannot be uploaded");
        }
        List<Finding> errors = current.findings().stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new PlanningRejectedException("study set version " + current.setVersion() + " has rule errors", errors);
        }
        int updated = dsl.update(STUDY_SET)
                .set(STUDY_SET.STATUS, StudySetStatus.UPLOADED.name())
                .set(STUDY_SET.EFFECTIVE_FROM_STP, effectiveFromStp)
                .set(STUDY_SET.UPLOADED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(STUDY_SET.LOCK_VERSION, expectedLockVersion + 1)
                .where(STUDY_SET.ID.eq(setId), STUDY_SET.LOCK_VERSION.eq(expectedLockVersion))
                .execute();
        if (updated == 0) {
            throw new PlanningConflictException("study set", setId, expectedLockVersion);
        }
        return audited("studyset.uploaded", current, "effective from STP " + effectiveFromStp);
    }

    /** The set on board during an STP: the uploaded set with the latest effective STP not after it. */
    @Transactional(readOnly = true)
    public Optional<StudySetDetail> activeFor(int stp) {
        return dsl.select(STUDY_SET.ID).from(STUDY_SET)
                .where(STUDY_SET.STATUS.in(ON_BOARD), STUDY_SET.EFFECTIVE_FROM_STP.le(stp))
                .orderBy(STUDY_SET.EFFECTIVE_FROM_STP.desc(), STUDY_SET.SET_VERSION.desc())
                .limit(1)
                .fetchOptional(r -> get(r.value1()));
    }

    private void rebuildWindowTable(long setId) {
        dsl.deleteFrom(WINDOW_SLOT_ENTRY).where(WINDOW_SLOT_ENTRY.STUDY_SET_ID.eq(setId)).execute();
        List<Long> ids = dsl.select(STUDY_SET_ENTRY.STUDY_ID).from(STUDY_SET_ENTRY).where(STUDY_SET_ENTRY.STUDY_SET_ID.eq(setId))
                .orderBy(STUDY_SET_ENTRY.ONBOARD_SLOT).fetch(r -> r.value1());
        Map<Long, StoredStudy> byId = new LinkedHashMap<>();
        studies.findAll(ids).forEach(s -> byId.put(s.id(), s));
        List<SlotAllocation.WindowRef> refs = new ArrayList<>();
        for (Long id : ids) {
            List<SpectralWindow> windows = byId.get(id).parameters().windows();
            for (int i = 0; i < windows.size(); i++) {
                refs.add(new SlotAllocation.WindowRef(id, i, windows.get(i).signature()));
            }
        }
        SlotAllocation.WindowTable table = SlotAllocation.windowTable(refs);
        if (table.entries() > SlotAllocation.WINDOW_TABLE_ENTRIES) {
            List<Finding> b2 = SlotAllocation.check(Map.of(), table.entries());
            throw new PlanningRejectedException(b2.getFirst().message(), b2);
        }
        table.wintabids().forEach((ref, wintabid) -> dsl.insertInto(WINDOW_SLOT_ENTRY)
                .set(WINDOW_SLOT_ENTRY.STUDY_SET_ID, setId)
                .set(WINDOW_SLOT_ENTRY.STUDY_ID, ref.studyId())
                .set(WINDOW_SLOT_ENTRY.WINDOW_POSITION, (short) ref.position())
                .set(WINDOW_SLOT_ENTRY.WINTABID, wintabid.shortValue())
                .execute());
    }

    private StudySetRecord record(long id) {
        StudySetRecord set = dsl.selectFrom(STUDY_SET).where(STUDY_SET.ID.eq(id)).fetchOne();
        if (set == null) {
            throw new PlanningNotFoundException("study set", id);
        }
        return set;
    }

    private StudySetRecord draft(long setId, int expectedLockVersion) {
        StudySetRecord set = record(setId);
        if (set.getLockVersion() != expectedLockVersion) {
            throw new PlanningConflictException("study set", setId, expectedLockVersion);
        }
        if (!StudySetStatus.DRAFT.name().equals(set.getStatus())) {
            throw PlanningRejectedException.wrongState("study set version " + set.getSetVersion() + " is " + set.getStatus()
                    + " and can no longer change: create a new version");
        }
        return set;
    }

    private void bump(long setId, int expectedLockVersion) {
        int updated = dsl.update(STUDY_SET).set(STUDY_SET.LOCK_VERSION, expectedLockVersion + 1)
                .where(STUDY_SET.ID.eq(setId), STUDY_SET.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (updated == 0) {
            throw new PlanningConflictException("study set", setId, expectedLockVersion);
        }
    }
}
