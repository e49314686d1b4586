package org.medoc.planner.icn;

import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ICN rules (PLANNING.md §10.4 and B4): C1 the approver differs from the author and a rejection says why; C2 an IMPLEMENTED ICN names its
 * effective STP and the study-set version it produced; B4 a study-set change has an approved ICN before the IOR
 * deadline of its effective STP.
 */
public final class IcnRules {

    private IcnRules() {
    }

    /** A summary of an ICN as B4 needs it. */
    public record IcnApproval(String number, IcnCategory category, IcnStatus status, Integer effectiveStp, Instant approvedAt,
                              boolean namesStudySet) {
    }

    public static List<Finding> approval(String author, String approver) {
        List<Finding> findings = new ArrayList<>();
        if (author.equals(approver)) {
            findings.add(Finding.error("C1", "approver", "the author of an ICN (" + author + ") may not approve or reject it"));
        }
        return findings;
    }

    /** C1: a rejection says why (an approval may go without a comment). */
    public static List<Finding> decision(boolean approve, String comment) {
        if (!approve && (comment == null || comment.isBlank())) {
            return List.of(Finding.error("C1", "comment", "say why the ICN is rejected: a rejection needs a comment"));
        }
        return List.of();
    }

    public static List<Finding> implementation(Integer effectiveStp, Long producedStudySetId) {
        List<Finding> findings = new ArrayList<>();
        if (effectiveStp == null) {
            findings.add(Finding.error("C2", "effectiveStp", "an implemented ICN names the STP from which it applies"));
        }
        if (producedStudySetId == null) {
            findings.add(Finding.error("C2", "producedStudySetId", "an implemented ICN names the study-set version it produced"));
        }
        return findings;
    }

    /**
     * B4 for one study set effective from an STP: some ICN of category STUDY_SET_UPLOAD that names the set, effective
     * from that STP, was approved before the deadline.
     */
    public static List<Finding> studySetChange(int setVersion, int effectiveStp, Instant iorDeadline, List<IcnApproval> icns) {
        boolean covered = icns.stream().anyMatch(icn -> icn.category() == IcnCategory.STUDY_SET_UPLOAD && icn.namesStudySet()
                && icn.effectiveStp() != null && icn.effectiveStp() == effectiveStp && icn.status().approved()
                && icn.approvedAt() != null && (iorDeadline == null || !icn.approvedAt().isAfter(iorDeadline)));
        if (covered) {
            return List.of();
        }
        return List.of(Finding.error("B4", "effectiveFromStp", "study set version " + setVersion + " takes effect in STP"
                + effectiveStp + " without an ICN approved before its IOR deadline"
                + (iorDeadline == null ? "" : " (" + iorDeadline + ")")));
    }
}
