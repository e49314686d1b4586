package org.medoc.planner.executed;

import org.jooq.DSLContext;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.studyset.StudySetDetail;
import org.medoc.planner.studyset.StudySetService;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * Plan versus executed for an STP: the STP's timeline entries against the SPICE observations in the archive catalogue
 * ({@code SPIOBSID}, {@code MISOSTUD}, {@code STUDY}, {@code STUDY_ID}, times), matched by {@link ExecutionMatcher}.
 */
@Service
public class ExecutionService {

    /** How far an execution may start from its planned window (ours). */
    public static final Duration TOLERANCE = Duration.ofHours(1);

    private final DSLContext dsl;
    private final TimelineService timeline;
    private final PeriodService periods;
    private final StudySetService studySets;

    ExecutionService(DSLContext dsl, TimelineService timeline, PeriodService periods, StudySetService studySets) {
        this.dsl = dsl;
        this.timeline = timeline;
        this.periods = periods;
        this.studySets = studySets;
    }

    @Transactional(readOnly = true)
    public ExecutionMatcher.Report report(long stpId) {
        Period stp = periods.get(stpId);
        TimelineView view = timeline.timeline(stpId);
        Map<Long, Integer> slots = studySets.activeFor(stp.number())
                .map(set -> set.entries().stream().collect(Collectors.toMap(StudySetDetail.Entry::studyId, StudySetDetail.Entry::onboardSlot)))
                .orElse(Map.of());
        List<ExecutionMatcher.Planned> planned = view.entries().stream().map(TimelineView.CheckedEntry::entry)
                .map(e -> new ExecutionMatcher.Planned(e.id(), e.misoId(), e.studyName(), slots.get(e.studyId()), e.start(), e.end()))
                .toList();
        List<ExecutionMatcher.ExecutedFile> files = dsl.select(OBSERVATION.ID, OBSERVATION.SPIOBSID, OBSERVATION.MISOSTUD, OBSERVATION.STUDY,
                        OBSERVATION.STUDY_ID, OBSERVATION.DATE_OBS, OBSERVATION.DATE_END)
                .from(OBSERVATION)
                .where(OBSERVATION.INSTRUMENT.eq("SPICE"),
                        OBSERVATION.DATE_OBS.ge(stp.start().minus(TOLERANCE).atOffset(ZoneOffset.UTC)),
                        OBSERVATION.DATE_OBS.lt(stp.end().plus(TOLERANCE).atOffset(ZoneOffset.UTC)))
                .orderBy(OBSERVATION.DATE_OBS)
                .fetch(r -> new ExecutionMatcher.ExecutedFile(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().toInstant(), r.value7().toInstant()));
        return ExecutionMatcher.match(planned, files, TOLERANCE, Instant.now());
    }
}
