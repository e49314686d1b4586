package org.medoc.planner.study;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Study storage on PostgreSQL: optimistic locking, approval, versioning of approved studies, cloning. */
@PlanningIntegrationTest
class StudyVersioningTests {

    @Autowired StudyService studies;

    @Test
    void savingADraftBumpsItsLockVersionAndKeepsItsWindows() {
        StudyDetail draft = studies.create(PlanningFixtures.unique(Studies.synoptic()), "alice");
        assertThat(draft.study().status()).isEqualTo(StudyStatus.DRAFT);
        assertThat(draft.study().revision()).isEqualTo(1);
        assertThat(draft.study().lineageId()).isEqualTo(draft.study().id());
        assertThat(draft.study().parameters().windows()).hasSize(2);
        assertThat(draft.estimate().durationSeconds()).isEqualTo(11520.0);

        StudyParameters changed = Studies.withWindows(draft.study().parameters(), draft.study().parameters().windows().subList(0, 1));
        StudyDetail saved = studies.update(draft.study().id(), draft.study().lockVersion(), changed, "alice");
        assertThat(saved.study().lockVersion()).isEqualTo(draft.study().lockVersion() + 1);
        assertThat(saved.study().parameters().windows()).hasSize(1);
        assertThat(saved.estimate().rawVolumeBits()).isEqualTo(192L * 830 * 32 * 16);
    }

    @Test
    void twoPlannersEditingTheSameStudyGetAConflictNotASilentOverwrite() {
        StudyDetail draft = studies.create(PlanningFixtures.unique(Studies.synoptic()), "alice");
        int readByBoth = draft.study().lockVersion();
        studies.update(draft.study().id(), readByBoth, draft.study().parameters(), "alice");
        assertThatThrownBy(() -> studies.update(draft.study().id(), readByBoth, Studies.raster(100, 4, 4, 30)
                .withName(draft.study().name()), "bob"))
                .isInstanceOf(PlanningConflictException.class)
                .hasMessageContaining("changed by someone else");
        assertThat(studies.get(draft.study().id()).study().parameters().positions()).isEqualTo(192);
    }

    @Test
    void approvalHandsOutAGroundIdAndFreezesTheRevision() {
        StudyDetail draft = studies.create(PlanningFixtures.unique(Studies.synoptic()), "alice");
        StudyDetail approved = studies.approve(draft.study().id(), draft.study().lockVersion(), "carol");
        assertThat(approved.study().status()).isEqualTo(StudyStatus.APPROVED);
        assertThat(approved.study().misoId()).isGreaterThan(3000);
        assertThat(approved.study().approvedBy()).isEqualTo("carol");

        // editing the approved study creates revision 2 and leaves revision 1 untouched
        StudyParameters faster = Studies.raster(192, 4, 4, 30).withName(approved.study().name());
        StudyDetail revision = studies.update(approved.study().id(), approved.study().lockVersion(), faster, "alice");
        assertThat(revision.study().id()).isNotEqualTo(approved.study().id());
        assertThat(revision.study().revision()).isEqualTo(2);
        assertThat(revision.study().lineageId()).isEqualTo(approved.study().lineageId());
        assertThat(revision.study().parentStudyId()).isEqualTo(approved.study().id());
        assertThat(revision.study().status()).isEqualTo(StudyStatus.DRAFT);
        assertThat(revision.study().misoId()).isNull();
        StudyDetail original = studies.get(approved.study().id());
        assertThat(original.study().parameters().exposureSeconds()).isEqualTo(60.0);
        assertThat(original.study().lockVersion()).isEqualTo(approved.study().lockVersion());
        assertThat(studies.revisions(approved.study().id())).extracting(StoredStudy::revision).containsExactly(1, 2);

        // while revision 2 is open, the approved revision cannot spawn another
        assertThatThrownBy(() -> studies.update(approved.study().id(), approved.study().lockVersion(), faster, "bob"))
                .isInstanceOf(PlanningRejectedException.class)
                .hasMessageContaining("open revision 2");
    }

    @Test
    void aStudyWithRuleErrorsIsSavedButNotApproved() {
        StudyParameters tooWide = PlanningFixtures.unique(Studies.raster(300, 4, 4, 60));
        StudyDetail draft = studies.create(tooWide, "alice");
        assertThat(draft.findings()).extracting(Finding::rule).contains("S2");
        assertThatThrownBy(() -> studies.approve(draft.study().id(), draft.study().lockVersion(), "carol"))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e ->
                        assertThat(e.findings()).extracting(Finding::rule).containsExactly("S2"));
    }

    @Test
    void aNameTakenByAnotherStudyIsRefused() {
        StudyDetail first = studies.create(PlanningFixtures.unique(Studies.synoptic()), "alice");
        assertThatThrownBy(() -> studies.create(Studies.synoptic().withName(first.study().name()), "bob"))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e ->
                        assertThat(e.findings()).extracting(Finding::rule).containsOnly("S14"));
    }

    @Test
    void cloningIsOneCallAndStartsANewLineage() {
        StudyDetail original = studies.create(PlanningFixtures.unique(Studies.synoptic()), "alice");
        StudyDetail copy = studies.cloneStudy(original.study().id(), "bob");
        assertThat(copy.study().lineageId()).isNotEqualTo(original.study().lineageId());
        assertThat(copy.study().revision()).isEqualTo(1);
        assertThat(copy.study().name()).contains("-COPY_SC_SL04_60.0S_FF");
        assertThat(copy.study().parameters().windows()).isEqualTo(original.study().parameters().windows());
        StudyDetail second = studies.cloneStudy(original.study().id(), "bob");
        assertThat(second.study().name()).contains("-COPY2_");
    }
}
