package org.medoc.planner.studyset;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.Studies;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Study sets on PostgreSQL: slots, shared window table, upload and the set active in an STP. */
@PlanningIntegrationTest
class StudySetServiceTests {

    @Autowired StudySetService sets;
    @Autowired StudyService studies;
    @Autowired PlanningFixtures fixtures;

    @Test
    void approvedStudiesTakeTheLowestFreeSlotsAndShareIdenticalWindows() {
        StudyDetail synoptic = fixtures.approved(Studies.synoptic());
        StudyDetail stare = fixtures.approved(Studies.sitAndStare(10, 5));
        StudySetDetail set = sets.create(null, null, null, "planner");
        set = sets.addStudy(set.id(), set.lockVersion(), synoptic.study().id(), null);
        set = sets.addStudy(set.id(), set.lockVersion(), stare.study().id(), null);
        assertThat(set.entries()).extracting(StudySetDetail.Entry::onboardSlot).containsExactly(0, 1);
        assertThat(set.fileName()).isEqualTo("flt" + set.setVersion() + "-study-set.xml");
        // the sit-and-stare O VI window is the synoptic's LW window: 3 windows, 2 table entries
        assertThat(set.windowTable()).hasSize(3);
        assertThat(set.distinctWindows()).isEqualTo(2);
        assertThat(set.findings()).isEmpty();
    }

    @Test
    void draftStudiesStayOutOfStudySets() {
        StudyDetail draft = studies.create(PlanningFixtures.unique(Studies.synoptic()), "planner");
        StudySetDetail set = sets.create(null, null, null, "planner");
        assertThatThrownBy(() -> sets.addStudy(set.id(), set.lockVersion(), draft.study().id(), null))
                .isInstanceOf(PlanningRejectedException.class).hasMessageContaining("only approved studies");
    }

    @Test
    void aTakenSlotIsRefusedWithB1() {
        StudyDetail a = fixtures.approved(Studies.synoptic());
        StudyDetail b = fixtures.approved(Studies.synoptic());
        StudySetDetail set = sets.create(null, null, null, "planner");
        StudySetDetail withA = sets.addStudy(set.id(), set.lockVersion(), a.study().id(), 7);
        assertThatThrownBy(() -> sets.addStudy(set.id(), withA.lockVersion(), b.study().id(), 7))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e -> assertThat(e.findings()).extracting(f -> f.rule()).contains("B1"));
    }

    @Test
    void anUploadedSetIsFrozenAndActiveFromItsStp() {
        StudyDetail a = fixtures.approved(Studies.synoptic());
        StudySetDetail set = sets.create(null, null, null, "planner");
        set = sets.addStudy(set.id(), set.lockVersion(), a.study().id(), null);
        int stp = PlanningFixtures.nextStpNumber();
        StudySetDetail uploaded = sets.upload(set.id(), set.lockVersion(), stp);
        assertThat(uploaded.status()).isEqualTo(StudySetStatus.UPLOADED);
        assertThat(sets.activeFor(stp)).hasValueSatisfying(active -> assertThat(active.id()).isEqualTo(uploaded.id()));
        assertThat(sets.activeFor(stp + 1)).hasValueSatisfying(active -> assertThat(active.setVersion()).isGreaterThanOrEqualTo(uploaded.setVersion()));
        // B4: no ICN approved for this set yet
        assertThat(uploaded.findings()).extracting(f -> f.rule()).containsExactly("B4");
        StudyDetail b = fixtures.approved(Studies.synoptic());
        assertThatThrownBy(() -> sets.addStudy(uploaded.id(), uploaded.lockVersion(), b.study().id(), null))
                .isInstanceOf(PlanningRejectedException.class).hasMessageContaining("can no longer change");
    }

    @Test
    void aStaleLockVersionIsAConflict() {
        StudyDetail a = fixtures.approved(Studies.synoptic());
        StudySetDetail set = sets.create(null, null, null, "planner");
        sets.addStudy(set.id(), set.lockVersion(), a.study().id(), null);
        StudyDetail b = fixtures.approved(Studies.synoptic());
        assertThatThrownBy(() -> sets.addStudy(set.id(), set.lockVersion(), b.study().id(), null))
                .isInstanceOf(PlanningConflictException.class);
    }
}
