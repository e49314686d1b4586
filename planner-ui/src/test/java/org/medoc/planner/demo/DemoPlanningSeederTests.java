package org.medoc.planner.demo;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.bop.BopService;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.icn.IcnStatus;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.period.StpCalendar;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyStatus;
import org.medoc.planner.studyset.StudySetService;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView;
import org.medoc.planner.validation.Finding;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo plan seeded at start (test profile has demo mode on): realistic, consistent, and free of rule errors. */
@PlanningIntegrationTest
class DemoPlanningSeederTests {

    @Autowired StudyService studies;
    @Autowired StudySetService sets;
    @Autowired PeriodService periods;
    @Autowired TimelineService timeline;
    @Autowired BopService bops;
    @Autowired IcnService icns;

    @Test
    void aDozenStudiesModelledOnPublicNamesAreSeededAndTheApprovedOnesHaveNoErrors() {
        List<StudyDetail> demo = studies.list(null, null).stream().filter(s -> "SPICE planning team (demo)".equals(s.study().parameters().author())).toList();
        assertThat(demo).hasSize(12);
        assertThat(demo).extracting(s -> s.study().name()).contains("SCI_SYNOPTIC_SC_SL04_60.0S_FF", "SCI_DYN-FAST_SC_SL04_5.0S_FF",
                "SCI_DYN-QS-MEDIUM-1ARC_SS_SL02_5.0S_FF", "CAL_DARK_FS_SL04_1.0S_FD", "CAL_FULLSP-PREP_TS_SL04_0.5S_FD");
        assertThat(demo.stream().filter(s -> s.study().status() == StudyStatus.APPROVED)).hasSize(10)
                .allSatisfy(s -> assertThat(Finding.anyError(s.findings())).as(s.study().name()).isFalse());
        assertThat(demo).extracting(s -> s.study().status()).contains(StudyStatus.IN_REVIEW, StudyStatus.DRAFT);
    }

    @Test
    void twoStpsOfTimelineWithoutEntryErrorsAndWithTheStudySetOnBoard() {
        int current = DemoPlanningSeeder.firstPlannedStp(Instant.now());
        for (int number : List.of(current, current + 1)) {
            Period stp = periods.findStp(number).orElseThrow();
            TimelineView view = timeline.timeline(stp.id());
            assertThat(view.entries()).hasSizeGreaterThan(7);
            assertThat(view.activeStudySetVersion()).isEqualTo(26);
            assertThat(view.entries()).allSatisfy(e -> assertThat(e.findings()).filteredOn(Finding::isError).as(e.entry().studyName()).isEmpty());
            assertThat(view.periodFindings()).filteredOn(Finding::isError).isEmpty();
            assertThat(view.budget().allocatedBits()).isNotNull();
        }
        assertThat(sets.activeFor(current).orElseThrow().findings()).isEmpty();
        assertThat(sets.activeFor(StpCalendar.stpAt(Instant.now())).orElseThrow().setVersion()).isEqualTo(26);
    }

    @Test
    void aReleasedBopIsInstantiatedAndAnIcnIsInReview() {
        assertThat(bops.list()).anySatisfy(b -> {
            assertThat(b.code()).isEqualTo("CAL-DARK-FULLSP");
            assertThat(b.version(1).released()).isTrue();
        });
        assertThat(icns.list(IcnStatus.SUBMITTED)).anySatisfy(i -> assertThat(i.title()).isEqualTo("Upload study set 27"));
        assertThat(icns.list(IcnStatus.IMPLEMENTED)).anySatisfy(i -> assertThat(i.title()).isEqualTo("Upload study set 26"));
    }
}
