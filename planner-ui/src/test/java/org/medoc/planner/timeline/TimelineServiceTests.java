package org.medoc.planner.timeline;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.ConstraintEffect;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.Studies;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Timeline placement on PostgreSQL with the rules checked on every write. */
@PlanningIntegrationTest
class TimelineServiceTests {

    @Autowired TimelineService timeline;
    @Autowired PeriodService periods;
    @Autowired PlanningFixtures fixtures;

    private static List<String> rules(TimelineView.CheckedEntry entry) {
        return entry.findings().stream().filter(f -> f.severity() != org.medoc.planner.validation.Severity.INFO).map(Finding::rule).toList();
    }

    @Test
    void placingAStudyTwiceAtOverlappingTimesReportsT1AndMovingItClearsIt() {
        StudyDetail study = fixtures.approved(Studies.synoptic());
        Period stp = fixtures.stpWithStudySet(List.of(study.study().id()));
        Instant day = stp.start().plus(Duration.ofDays(1));
        TimelineView.CheckedEntry first = timeline.place(stp.id(), EntryInput.of(study.study().id(), day, 1), "planner");
        assertThat(first.entry().end()).isEqualTo(day.plusSeconds(11520));
        assertThat(first.entry().volumeBits()).isEqualTo(study.estimate().compressedVolumeBits());
        assertThat(rules(first)).doesNotContain("T1");

        TimelineView.CheckedEntry second = timeline.place(stp.id(), EntryInput.of(study.study().id(), day.plusSeconds(3600), 1), "planner");
        assertThat(rules(second)).contains("T1");
        assertThat(rules(timeline.timeline(stp.id()).entry(first.entry().id()))).contains("T1");

        TimelineView.CheckedEntry moved = timeline.update(second.entry().id(), second.entry().lockVersion(),
                EntryInput.of(study.study().id(), day.plusSeconds(11520), 1), "planner");
        assertThat(rules(moved)).doesNotContain("T1");
        assertThat(moved.entry().lockVersion()).isEqualTo(second.entry().lockVersion() + 1);
        // left: the period-level B4 error (this test's study set has no approved ICN)
        assertThat(timeline.timeline(stp.id()).entries()).allSatisfy(e -> assertThat(Finding.anyError(e.findings())).isFalse());
        assertThat(timeline.timeline(stp.id()).periodFindings()).filteredOn(Finding::isError).extracting(Finding::rule).containsExactly("B4");
    }

    @Test
    void entriesOutsideTheStpOrInARollAreErrors() {
        StudyDetail study = fixtures.approved(Studies.sitAndStare(10, 5));
        Period stp = fixtures.stpWithStudySet(List.of(study.study().id()));
        Instant rollStart = stp.start().plus(Duration.ofDays(2));
        periods.addConstraint("E_FECS", "ROLL", null, rollStart, rollStart.plus(Duration.ofHours(2)), "test roll");
        TimelineView.CheckedEntry inRoll = timeline.place(stp.id(), EntryInput.of(study.study().id(), rollStart.plusSeconds(60), 1), "planner");
        assertThat(inRoll.findings()).filteredOn(f -> f.rule().equals("T3")).extracting(Finding::severity)
                .containsExactly(org.medoc.planner.validation.Severity.ERROR);
        TimelineView.CheckedEntry late = timeline.place(stp.id(), EntryInput.of(study.study().id(), stp.end().minusSeconds(10), 1), "planner");
        assertThat(rules(late)).contains("T2");
        assertThat(PeriodService.defaultEffect("ROLL")).isEqualTo(ConstraintEffect.FORBID_INTEGRATION);
    }

    @Test
    void aStudyMissingFromTheActiveSetBreaksB3() {
        StudyDetail inSet = fixtures.approved(Studies.synoptic());
        StudyDetail outside = fixtures.approved(Studies.sitAndStare(10, 5));
        Period stp = fixtures.stpWithStudySet(List.of(inSet.study().id()));
        TimelineView.CheckedEntry entry = timeline.place(stp.id(), EntryInput.of(outside.study().id(), stp.start().plusSeconds(3600), 1), "planner");
        assertThat(rules(entry)).contains("B3");
    }

    @Test
    void telemetryBudgetWarnsAbove90PercentAndFailsAbove100() {
        StudyDetail study = fixtures.approved(Studies.sitAndStare(100, 5));
        Period stp = fixtures.stpWithStudySet(List.of(study.study().id()));
        long volume = study.estimate().compressedVolumeBits();
        periods.setAllocation(stp.id(), Math.round(volume / 0.95), "tmc-test.xml");
        timeline.place(stp.id(), EntryInput.of(study.study().id(), stp.start().plusSeconds(3600), 1), "planner");
        TimelineView view = timeline.timeline(stp.id());
        assertThat(view.budget().usedBits()).isEqualTo(volume);
        assertThat(view.budget().remainingBits()).isPositive();
        assertThat(view.periodFindings()).filteredOn(f -> f.rule().equals("T5")).extracting(Finding::severity)
                .containsExactly(org.medoc.planner.validation.Severity.WARNING);
        timeline.place(stp.id(), EntryInput.of(study.study().id(), stp.start().plusSeconds(7200), 1), "planner");
        assertThat(timeline.timeline(stp.id()).periodFindings()).filteredOn(f -> f.rule().equals("T5")).extracting(Finding::severity)
                .containsExactly(org.medoc.planner.validation.Severity.ERROR);
    }

    @Test
    void lockedEntriesAreNotMovedAndStaleEditsConflict() {
        StudyDetail study = fixtures.approved(Studies.sitAndStare(10, 5));
        Period stp = fixtures.stpWithStudySet(List.of(study.study().id()));
        Instant at = stp.start().plusSeconds(3600);
        TimelineView.CheckedEntry entry = timeline.place(stp.id(), new EntryInput(study.study().id(), at, 1, null, null, null, null,
                "disc centre", null, null, null, true), "planner");
        assertThatThrownBy(() -> timeline.update(entry.entry().id(), entry.entry().lockVersion(),
                EntryInput.of(study.study().id(), at.plusSeconds(600), 1), "planner"))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e -> assertThat(e.findings()).extracting(Finding::rule).containsExactly("T12"));
        TimelineView.CheckedEntry unlocked = timeline.update(entry.entry().id(), entry.entry().lockVersion(),
                new EntryInput(study.study().id(), at, 1, null, null, null, null, "disc centre", null, null, null, false), "planner");
        assertThat(unlocked.entry().locked()).isFalse();
        assertThatThrownBy(() -> timeline.update(entry.entry().id(), entry.entry().lockVersion(),
                EntryInput.of(study.study().id(), at.plusSeconds(600), 1), "other"))
                .isInstanceOf(PlanningConflictException.class);
    }

    @Test
    void draftStudiesCannotBePlaced() {
        Period stp = periods.ensureStp(PlanningFixtures.nextStpNumber());
        long draftId = fixtures.approved(Studies.synoptic()).study().id();
        assertThat(timeline.place(stp.id(), EntryInput.of(draftId, stp.start(), 1), "planner").entry().id()).isPositive();
        assertThatThrownBy(() -> timeline.place(stp.id(), EntryInput.of(Long.MAX_VALUE, stp.start(), 1), "planner"))
                .hasMessageContaining("no study");
    }
}
