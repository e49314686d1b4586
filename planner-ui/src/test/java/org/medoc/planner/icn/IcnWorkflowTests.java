package org.medoc.planner.icn;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.Studies;
import org.medoc.planner.studyset.StudySetDetail;
import org.medoc.planner.studyset.StudySetService;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ICN workflow on PostgreSQL: numbering, transitions with audit, C1, C2, and B4 on a study set. */
@PlanningIntegrationTest
class IcnWorkflowTests {

    @Autowired IcnService icns;
    @Autowired StudySetService sets;
    @Autowired PeriodService periods;
    @Autowired PlanningFixtures fixtures;

    private IcnDetail draft(Integer stp, List<IcnDetail.AffectedItem> affected) {
        return icns.create(new IcnService.IcnInput("Upload study set", "new dynamics study", IcnCategory.STUDY_SET_UPLOAD, stp, affected), "alice");
    }

    @Test
    void numbersFollowTheYearAndNeverRepeat() {
        IcnDetail first = draft(null, List.of());
        IcnDetail second = draft(null, List.of());
        assertThat(first.number()).matches("ICN-\\d{4}-\\d{3,}");
        int a = Integer.parseInt(first.number().substring(9));
        int b = Integer.parseInt(second.number().substring(9));
        assertThat(b).isEqualTo(a + 1);
        assertThat(first.status()).isEqualTo(IcnStatus.DRAFT);
        assertThat(first.history()).extracting(IcnDetail.StatusChange::to).containsExactly("DRAFT");
    }

    @Test
    void fullWorkflowWithAuditTrail() {
        int stp = PlanningFixtures.nextStpNumber();
        periods.ensureStp(stp);
        StudyDetail study = fixtures.approved(Studies.synoptic());
        StudySetDetail set = sets.create(null, null, null, "alice");
        set = sets.addStudy(set.id(), set.lockVersion(), study.study().id(), null);
        IcnDetail icn = draft(stp, List.of(new IcnDetail.AffectedItem("STUDY_SET", set.id()), new IcnDetail.AffectedItem("STUDY", study.study().id())));
        assertThat(icn.affected()).hasSize(2);

        IcnDetail submitted = icns.submit(icn.id(), icn.lockVersion(), "alice");
        assertThatThrownBy(() -> icns.decide(submitted.id(), submitted.lockVersion(), "alice", "PLANNER", true, "self"))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e -> assertThat(e.findings()).extracting(Finding::rule).containsExactly("C1"));
        IcnDetail approved = icns.decide(submitted.id(), submitted.lockVersion(), "bob", "SPICE_PI", true, "go");
        assertThat(approved.status()).isEqualTo(IcnStatus.APPROVED);
        assertThat(approved.approvedAt()).isNotNull();
        assertThat(approved.decisions()).singleElement().satisfies(d -> {
            assertThat(d.approver()).isEqualTo("bob");
            assertThat(d.role()).isEqualTo("SPICE_PI");
        });

        assertThatThrownBy(() -> icns.implement(approved.id(), approved.lockVersion(), null, "alice"))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e -> assertThat(e.findings()).extracting(Finding::rule).containsExactly("C2"));
        IcnDetail implemented = icns.implement(approved.id(), approved.lockVersion(), set.id(), "alice");
        IcnDetail closed = icns.close(implemented.id(), implemented.lockVersion(), "alice");
        assertThat(closed.history()).extracting(IcnDetail.StatusChange::to)
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "IMPLEMENTED", "CLOSED");
        assertThat(closed.history()).extracting(IcnDetail.StatusChange::by).containsExactly("alice", "alice", "bob", "alice", "alice");

        // B4: the set, uploaded effective from the STP, is covered by the ICN approved before its deadline
        StudySetDetail uploaded = sets.upload(set.id(), set.lockVersion(), stp);
        assertThat(uploaded.findings()).isEmpty();
    }

    @Test
    void wrongTransitionsAndStaleVersionsAreRefused() {
        IcnDetail icn = draft(null, List.of());
        assertThatThrownBy(() -> icns.close(icn.id(), icn.lockVersion(), "alice"))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e -> assertThat(e.stateConflict()).isTrue());
        icns.submit(icn.id(), icn.lockVersion(), "alice");
        assertThatThrownBy(() -> icns.withdraw(icn.id(), icn.lockVersion(), "alice", "stale"))
                .isInstanceOf(PlanningConflictException.class);
    }

    @Test
    void aRejectedIcnGoesBackToDraftAndCommentsAreKept() {
        IcnDetail icn = icns.submit(draft(null, List.of()).id(), 0, "alice");
        IcnDetail rejected = icns.decide(icn.id(), icn.lockVersion(), "bob", "SPICE_PI", false, "needs a volume estimate");
        assertThat(rejected.status()).isEqualTo(IcnStatus.REJECTED);
        IcnDetail reworked = icns.rework(rejected.id(), rejected.lockVersion(), "alice");
        assertThat(reworked.status()).isEqualTo(IcnStatus.DRAFT);
        IcnDetail commented = icns.comment(reworked.id(), "carol", "see the telemetry report");
        assertThat(commented.comments()).extracting(IcnDetail.Comment::text).containsExactly("see the telemetry report");
    }
}
