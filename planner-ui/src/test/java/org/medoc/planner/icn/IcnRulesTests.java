package org.medoc.planner.icn;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ICN workflow transitions and rules C1, C2, B4. */
class IcnRulesTests {

    private static final Instant DEADLINE = Instant.parse("2025-02-26T12:00:00Z");

    @Test
    void workflowGoesDraftSubmittedApprovedImplementedClosed() {
        assertThat(IcnStatus.DRAFT.canMoveTo(IcnStatus.SUBMITTED)).isTrue();
        assertThat(IcnStatus.SUBMITTED.canMoveTo(IcnStatus.APPROVED)).isTrue();
        assertThat(IcnStatus.APPROVED.canMoveTo(IcnStatus.IMPLEMENTED)).isTrue();
        assertThat(IcnStatus.IMPLEMENTED.canMoveTo(IcnStatus.CLOSED)).isTrue();
        assertThat(IcnStatus.DRAFT.canMoveTo(IcnStatus.APPROVED)).isFalse();
        assertThat(IcnStatus.APPROVED.canMoveTo(IcnStatus.WITHDRAWN)).isFalse();
        assertThat(IcnStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void c1AuthorMayNotApprove() {
        assertThat(IcnRules.approval("alice", "alice")).extracting(f -> f.rule()).containsExactly("C1");
        assertThat(IcnRules.approval("alice", "bob")).isEmpty();
    }

    @Test
    void c2ImplementationNamesStpAndStudySet() {
        assertThat(IcnRules.implementation(null, null)).extracting(f -> f.field()).containsExactly("effectiveStp", "producedStudySetId");
        assertThat(IcnRules.implementation(346, 4L)).isEmpty();
    }

    @Test
    void b4StudySetChangeNeedsAnIcnApprovedBeforeTheDeadline() {
        IcnRules.IcnApproval onTime = new IcnRules.IcnApproval("ICN-2025-001", IcnCategory.STUDY_SET_UPLOAD, IcnStatus.APPROVED, 346,
                DEADLINE.minusSeconds(3600), true);
        IcnRules.IcnApproval late = new IcnRules.IcnApproval("ICN-2025-002", IcnCategory.STUDY_SET_UPLOAD, IcnStatus.APPROVED, 346,
                DEADLINE.plusSeconds(1), true);
        IcnRules.IcnApproval pending = new IcnRules.IcnApproval("ICN-2025-003", IcnCategory.STUDY_SET_UPLOAD, IcnStatus.SUBMITTED, 346,
                null, true);
        IcnRules.IcnApproval otherStp = new IcnRules.IcnApproval("ICN-2025-004", IcnCategory.STUDY_SET_UPLOAD, IcnStatus.IMPLEMENTED, 345,
                DEADLINE.minusSeconds(3600), true);
        assertThat(IcnRules.studySetChange(27, 346, DEADLINE, List.of(onTime))).isEmpty();
        assertThat(IcnRules.studySetChange(27, 346, DEADLINE, List.of(late, pending, otherStp)))
                .singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("B4"));
    }

    @Test
    void aRejectionWithoutACommentIsC1OnTheCommentAndAnApprovalNeedsNone() {
        assertThat(IcnRules.decision(false, " ")).extracting(org.medoc.planner.validation.Finding::field).containsExactly("comment");
        assertThat(IcnRules.decision(false, "needs a volume estimate")).isEmpty();
        assertThat(IcnRules.decision(true, null)).isEmpty();
    }
}
