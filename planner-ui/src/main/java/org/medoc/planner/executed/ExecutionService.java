package org.medoc.planner.executed;

import org.medoc.archive.catalogue.CatalogueService;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plan versus executed for an STP: the STP's timeline entries against the SPICE observations in the archive catalogue
 * ({@code SPIOBSID}, {@code MISOSTUD}, {@code STUDY}, {@code STUDY_ID}, times, from
 * {@link CatalogueService#spiceObservations}), matched by {@link ExecutionMatcher}.
 */
@Service
public class ExecutionService {

    /** How far an execution may start from its planned window (ours). */
    public static final Duration TOLERANCE = Duration.ofHours(1);

    private final CatalogueService catalogue;
    private final TimelineService timeline;
    private final PeriodService periods;
    private final StudySetService studySets;

    ExecutionService(CatalogueService catalogue, TimelineService timeline, PeriodService periods, StudySetService studySets) {
        this.catalogue = catalogue;
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
        // every SPICE file, embargoed ones included: planning is staff-only
        List<ExecutionMatcher.ExecutedFile> files = catalogue.spiceObservations(stp.start().minus(TOLERANCE), stp.end().plus(TOLERANCE))
                .stream()
                .map(f -> new ExecutionMatcher.ExecutedFile(f.observationId(), f.spiobsid(), f.misostud(), f.study(),
                        f.studyId(), f.dateObs(), f.dateEnd()))
                .toList();
        return ExecutionMatcher.match(planned, files, TOLERANCE, Instant.now());
    }
}
