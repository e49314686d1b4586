package org.medoc.planner;

import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.studyset.StudySetDetail;
import org.medoc.planner.studyset.StudySetService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds planning data for integration tests on the shared application context: studies with unique names, and STPs
 * far in the future (from STP600, two apart) each with its own study set, so tests do not see each other's data.
 */
@Component
public class PlanningFixtures {

    private static final AtomicInteger NEXT_STP = new AtomicInteger(600);
    private static final AtomicInteger NEXT_NAME = new AtomicInteger(1);

    private final StudyService studies;
    private final StudySetService studySets;
    private final PeriodService periods;

    PlanningFixtures(StudyService studies, StudySetService studySets, PeriodService periods) {
        this.studies = studies;
        this.studySets = studySets;
        this.periods = periods;
    }

    /** A variant token that makes a conventional name unique: T1, T2, ... */
    public static String uniqueVariant() {
        return "T" + NEXT_NAME.getAndIncrement() + "X" + (System.nanoTime() % 100000);
    }

    /** The parameters with a unique conventional name (variant token in the mode). */
    public static StudyParameters unique(StudyParameters parameters) {
        String name = parameters.name();
        int first = name.indexOf('_');
        int second = name.indexOf('_', first + 1);
        return parameters.withName(name.substring(0, second) + "-" + uniqueVariant() + name.substring(second)).withObsTypeCode(null);
    }

    public StudyDetail approved(StudyParameters parameters) {
        StudyDetail draft = studies.create(unique(parameters), "planner");
        return studies.approve(draft.study().id(), draft.study().lockVersion(), "planner");
    }

    /** A fresh STP with a study set holding the studies, uploaded effective from that STP. */
    public Period stpWithStudySet(List<Long> studyIds) {
        Period stp = periods.ensureStp(NEXT_STP.getAndAdd(2));
        StudySetDetail set = studySets.create(null, null, "test set for " + stp.label(), "planner");
        for (long id : studyIds) {
            set = studySets.addStudy(set.id(), set.lockVersion(), id, null);
        }
        studySets.upload(set.id(), set.lockVersion(), stp.number());
        return stp;
    }

    public static int nextStpNumber() {
        return NEXT_STP.getAndAdd(2);
    }
}
