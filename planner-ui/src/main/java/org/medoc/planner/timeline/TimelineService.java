package org.medoc.planner.timeline;

import org.jooq.DSLContext;
import org.medoc.audit.AuditTrail;
import org.medoc.db.jooq.planning.tables.records.TimelineEntryRecord;
import org.medoc.planner.icn.IcnRules;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.StudyCategory;
import org.medoc.planner.study.StudyEstimate;
import org.medoc.planner.study.StudyEstimator;
import org.medoc.planner.study.StudyPurpose;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyStatus;
import org.medoc.planner.studyset.StudySetDetail;
import org.medoc.planner.studyset.StudySetService;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
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
import java.util.stream.Collectors;

import static org.medoc.db.jooq.planning.Tables.TIMELINE_ENTRY;

/**
 * The timeline of an STP: study runs placed in time, each saved with its estimated end, duration and volume, and
 * every timeline rule (T1-T11, B3, B4) re-checked on every read and write, so that a planner sees findings live.
 * Writes are not refused for rule errors (a planner fixes them in place) except where a step is impossible: a study
 * that is not approved, an entry locked against moves (T12), a stale lock version.
 */
@Service
public class TimelineService {

    private final DSLContext dsl;
    private final StudyService studies;
    private final PeriodService periods;
    private final StudySetService studySets;
    private final IcnService icns;
    private final InstrumentConfigurationService configurations;
    private final AuditTrail audit;

    TimelineService(DSLContext dsl, StudyService studies, PeriodService periods, StudySetService studySets, IcnService icns,
                    InstrumentConfigurationService configurations, AuditTrail audit) {
        this.dsl = dsl;
        this.studies = studies;
        this.periods = periods;
        this.studySets = studySets;
        this.icns = icns;
        this.configurations = configurations;
        this.audit = audit;
    }

    /** The STP's entries in time order with their findings, the period findings and the telemetry budget. */
    @Transactional(readOnly = true)
    public TimelineView timeline(long stpId) {
        Period stp = stp(stpId);
        List<TimelineEntry> entries = load(stpId);
        Map<Long, StoredStudy> byStudy = new LinkedHashMap<>();
        studies.findAll(entries.stream().map(TimelineEntry::studyId).collect(Collectors.toSet())).forEach(s -> byStudy.put(s.id(), s));
        InstrumentConfiguration configuration = configurations.load();
        StudyEstimator estimator = new StudyEstimator(configuration);
        List<TimelineModel.PlannedRun> runs = entries.stream().map(e -> {
            StoredStudy study = byStudy.get(e.studyId());
            StudyEstimate estimate = estimator.estimate(study.parameters(), e.rasters());
            return new TimelineModel.PlannedRun(e.id(), e.studyId(), study.name(), calibration(study), e.start(), e.end(),
                    e.volumeBits(), estimate.telemetryRateBitsPerSecond(), e.spansNextStp(), e.highRateApproved(),
                    e.soopInstanceId(), e.pointingKind(), e.updatedAt());
        }).toList();
        List<TimelineModel.Constraint> constraints = periods.constraints(stp.start().minus(Duration.ofDays(1)), stp.end().plus(Duration.ofDays(1)))
                .stream().map(c -> new TimelineModel.Constraint(c.id(), c.type(), c.effect(), c.start(), c.end())).toList();
        List<TimelineModel.SoopWindow> soops = periods.soopInstances(stp.start().minus(Duration.ofDays(7)), stp.end().plus(Duration.ofDays(7)))
                .stream().map(s -> new TimelineModel.SoopWindow(s.id(), s.soopName(), s.pointingRequirement(), s.start(), s.end())).toList();
        Optional<StudySetDetail> active = studySets.activeFor(stp.number());
        TimelineModel.ActiveStudySet activeSet = active.map(set -> new TimelineModel.ActiveStudySet(set.id(), set.setVersion(),
                set.entries().stream().map(StudySetDetail.Entry::studyId).collect(Collectors.toSet()))).orElse(null);
        TimelineRules rules = new TimelineRules(new TimelineModel.Limits(configuration.parameter(InstrumentConfiguration.LOW_RATE_MAX),
                configuration.parameter(InstrumentConfiguration.BUDGET_WARNING)));
        TimelineCheck check = rules.check(new TimelineModel.Period(stp.id(), stp.number(), stp.start(), stp.end(), stp.iorDeadline()),
                runs, constraints, soops, activeSet, periods.allocation(stpId).orElse(null));
        List<Finding> periodFindings = new ArrayList<>(check.periodFindings());
        // B4: a study set that takes effect in this STP needs an ICN approved before the IOR deadline
        active.filter(set -> set.effectiveFromStp() != null && set.effectiveFromStp() == stp.number())
                .ifPresent(set -> periodFindings.addAll(IcnRules.studySetChange(set.setVersion(), stp.number(), stp.iorDeadline(),
                        icns.approvalsForStudySet(set.id()))));
        List<TimelineView.CheckedEntry> checked = entries.stream()
                .map(e -> new TimelineView.CheckedEntry(e, check.findingsFor(e.id()))).toList();
        return new TimelineView(stp, checked, periodFindings, check.budget(), active.map(StudySetDetail::setVersion).orElse(null));
    }

    /** Places a run of an approved study in the STP; answers the timeline with the new entry's findings. */
    @Transactional
    public TimelineView.CheckedEntry place(long stpId, EntryInput input, String user) {
        stp(stpId);
        long id = insert(stpId, input, null, null, user);
        audit.recordAs(user, "timeline.entry-placed", "timeline-entry", Long.toString(id), null, entry(id), null);
        return timeline(stpId).entry(id);
    }

    /** Inserts an entry without re-checking (BOP expansion checks the whole instance once). */
    @Transactional
    public long insert(long stpId, EntryInput input, Long bopInstanceId, Integer bopItemSeq, String user) {
        if (input.start() == null) {
            throw new PlanningRejectedException("a timeline entry needs a start time");
        }
        StoredStudy study = approvedStudy(input.studyId());
        int rasters = input.rasters() != null ? input.rasters() : Math.max(1, study.parameters().defaultRasters());
        if (rasters < 1) {
            throw new PlanningRejectedException("rasters must be at least 1");
        }
        StudyEstimate estimate = new StudyEstimator(configurations.load()).estimate(study.parameters(), rasters);
        TimelineEntryRecord r = dsl.newRecord(TIMELINE_ENTRY);
        r.setStpId(stpId);
        r.setBopInstanceId(bopInstanceId);
        r.setBopItemSeq(bopItemSeq);
        r.setCreatedBy(user);
        apply(r, input, rasters, estimate, user);
        r.store();
        return r.getId();
    }

    /**
     * Edits an entry if nobody saved it since {@code expectedLockVersion}. An entry expanded from a BOP becomes detached
     * from its template; a locked entry cannot be moved (T12) until unlocked.
     */
    @Transactional
    public TimelineView.CheckedEntry update(long entryId, int expectedLockVersion, EntryInput input, String user) {
        TimelineEntryRecord r = dsl.selectFrom(TIMELINE_ENTRY).where(TIMELINE_ENTRY.ID.eq(entryId)).fetchOne();
        if (r == null) {
            throw new PlanningNotFoundException("timeline entry", entryId);
        }
        if (r.getLockVersion() != expectedLockVersion) {
            throw new PlanningConflictException("timeline entry", entryId, expectedLockVersion);
        }
        boolean moves = (input.start() != null && !input.start().equals(r.getStartUtc().toInstant()))
                || (input.rasters() != null && input.rasters() != r.getRasters().intValue()) || input.studyId() != r.getStudyId();
        boolean staysLocked = input.locked() == null ? r.getLocked() : input.locked();
        if (r.getLocked() && staysLocked && moves) {
            throw new PlanningRejectedException("entry " + entryId + " is locked: unlock it before moving it",
                    List.of(Finding.error("T12", "locked", "locked entries are never moved")));
        }
        StoredStudy study = approvedStudy(input.studyId());
        TimelineEntry before = entry(entryId);
        int rasters = input.rasters() != null ? input.rasters() : r.getRasters();
        EntryInput effective = new EntryInput(input.studyId(), input.start() != null ? input.start() : r.getStartUtc().toInstant(),
                rasters, input.xOffsetArcsec(), input.pointingId(), input.pointingKind(), input.soopInstanceId(), input.targetText(),
                input.spansNextStp(), input.highRateApproved(), input.priority(), staysLocked);
        apply(r, effective, rasters, new StudyEstimator(configurations.load()).estimate(study.parameters(), rasters), user);
        if (r.getBopInstanceId() != null) {
            r.setDetached(true);
        }
        r.setLockVersion(expectedLockVersion + 1);
        int updated = dsl.update(TIMELINE_ENTRY).set(r).where(TIMELINE_ENTRY.ID.eq(entryId), TIMELINE_ENTRY.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (updated == 0) {
            throw new PlanningConflictException("timeline entry", entryId, expectedLockVersion);
        }
        audit.recordAs(user, "timeline.entry-updated", "timeline-entry", Long.toString(entryId), before, entry(entryId), null);
        return timeline(r.getStpId()).entry(entryId);
    }

    @Transactional
    public void delete(long entryId, int expectedLockVersion) {
        TimelineEntry before = dsl.fetchExists(TIMELINE_ENTRY, TIMELINE_ENTRY.ID.eq(entryId)) ? entry(entryId) : null;
        int deleted = dsl.deleteFrom(TIMELINE_ENTRY).where(TIMELINE_ENTRY.ID.eq(entryId), TIMELINE_ENTRY.LOCK_VERSION.eq(expectedLockVersion)).execute();
        if (deleted == 0) {
            if (!dsl.fetchExists(TIMELINE_ENTRY, TIMELINE_ENTRY.ID.eq(entryId))) {
                throw new PlanningNotFoundException("timeline entry", entryId);
            }
            throw new PlanningConflictException("timeline entry", entryId, expectedLockVersion);
        }
        audit.record("timeline.entry-deleted", "timeline-entry", Long.toString(entryId), before, null, null);
    }

    @Transactional(readOnly = true)
    public TimelineEntry entry(long entryId) {
        return dsl.selectFrom(TIMELINE_ENTRY).where(TIMELINE_ENTRY.ID.eq(entryId)).fetchOptional().map(r -> map(r, names(Set.of(r.getStudyId()))))
                .orElseThrow(() -> new PlanningNotFoundException("timeline entry", entryId));
    }

    /** Entries from every STP overlapping a time range (plan-versus-executed matching, exports). */
    @Transactional(readOnly = true)
    public List<TimelineEntry> entriesBetween(Instant from, Instant to) {
        List<TimelineEntryRecord> records = dsl.selectFrom(TIMELINE_ENTRY)
                .where(TIMELINE_ENTRY.START_UTC.lt(to.atOffset(ZoneOffset.UTC)), TIMELINE_ENTRY.PLANNED_END_UTC.gt(from.atOffset(ZoneOffset.UTC)))
                .orderBy(TIMELINE_ENTRY.START_UTC).fetch();
        Map<Long, StoredStudy> names = names(records.stream().map(TimelineEntryRecord::getStudyId).collect(Collectors.toSet()));
        return records.stream().map(r -> map(r, names)).toList();
    }

    private List<TimelineEntry> load(long stpId) {
        List<TimelineEntryRecord> records = dsl.selectFrom(TIMELINE_ENTRY).where(TIMELINE_ENTRY.STP_ID.eq(stpId))
                .orderBy(TIMELINE_ENTRY.START_UTC, TIMELINE_ENTRY.ID).fetch();
        Map<Long, StoredStudy> names = names(records.stream().map(TimelineEntryRecord::getStudyId).collect(Collectors.toSet()));
        return records.stream().map(r -> map(r, names)).toList();
    }

    private Map<Long, StoredStudy> names(Set<Long> ids) {
        Map<Long, StoredStudy> byId = new LinkedHashMap<>();
        studies.findAll(new HashSet<>(ids)).forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    private void apply(TimelineEntryRecord r, EntryInput input, int rasters, StudyEstimate estimate, String user) {
        Instant end = input.start().plusMillis(Math.max(1, Math.round(estimate.durationSeconds() * 1000)));
        r.setStudyId(input.studyId());
        r.setStartUtc(input.start().atOffset(ZoneOffset.UTC));
        r.setRasters(rasters);
        r.setPlannedEndUtc(end.atOffset(ZoneOffset.UTC));
        r.setEstDurationS(BigDecimal.valueOf(estimate.durationSeconds()));
        r.setEstVolumeBits(estimate.compressedVolumeBits());
        r.setXOffsetArcsec(input.xOffsetArcsec() == null ? null : BigDecimal.valueOf(input.xOffsetArcsec()));
        r.setPointingId(input.pointingId());
        r.setPointingKind(input.pointingKind());
        if (input.soopInstanceId() != null && periods.soopInstance(input.soopInstanceId()).isEmpty()) {
            throw new PlanningNotFoundException("SOOP instance", input.soopInstanceId());
        }
        r.setSoopInstanceId(input.soopInstanceId());
        r.setTargetText(input.targetText());
        r.setSpansNextStp(Boolean.TRUE.equals(input.spansNextStp()));
        r.setHighRateApproved(Boolean.TRUE.equals(input.highRateApproved()));
        r.setPriority((short) (input.priority() == null ? 0 : input.priority()));
        r.setLocked(Boolean.TRUE.equals(input.locked()));
        r.setUpdatedBy(user);
        r.setUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
    }

    private StoredStudy approvedStudy(long studyId) {
        StoredStudy study = studies.stored(studyId);
        if (study.status() != StudyStatus.APPROVED) {
            throw new PlanningRejectedException("only approved studies can be placed on the timeline; " + study.name()
                    + " (id " + studyId + ") is " + study.status());
        }
        return study;
    }

    private Period stp(long stpId) {
        Period period = periods.get(stpId);
        if (period.kind() != PeriodKind.STP) {
            throw new PlanningRejectedException(period.label() + " is not an STP: timelines are planned per STP");
        }
        return period;
    }

    static boolean calibration(StoredStudy study) {
        return study.parameters().purpose() == StudyPurpose.CALIBRATION || study.parameters().category() == StudyCategory.DARK
                || study.parameters().category() == StudyCategory.FULL_SPECTRUM;
    }

    private static TimelineEntry map(TimelineEntryRecord r, Map<Long, StoredStudy> studies) {
        StoredStudy study = studies.get(r.getStudyId());
        return new TimelineEntry(r.getId(), r.getStpId(), r.getStudyId(), study == null ? "?" : study.name(),
                study == null ? null : study.misoId(), r.getStartUtc().toInstant(), r.getPlannedEndUtc().toInstant(), r.getRasters(),
                r.getEstDurationS().doubleValue(), r.getEstVolumeBits(),
                r.getXOffsetArcsec() == null ? null : r.getXOffsetArcsec().doubleValue(), r.getPointingId(), r.getPointingKind(),
                r.getSoopInstanceId(), r.getTargetText(), r.getSocObsId(), r.getBopInstanceId(), r.getBopItemSeq(), r.getDetached(),
                r.getSpansNextStp(), r.getHighRateApproved(), r.getPriority(), r.getLocked(), r.getStatus(), r.getLockVersion(),
                r.getUpdatedAt().toInstant());
    }
}
