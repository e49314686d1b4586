package org.medoc.planner.icn;

import java.time.Instant;
import java.util.List;

/** An instrument change notice with what it affects, its decisions, comments and status history. */
public record IcnDetail(long id, String number, String title, String rationale, IcnCategory category, Integer effectiveStp,
                        Long producedStudySetId, IcnStatus status, String author, Instant createdAt, Instant approvedAt,
                        int lockVersion, List<AffectedItem> affected, List<Decision> decisions, List<Comment> comments,
                        List<StatusChange> history) {

    /** A study, study set or period the change touches. */
    public record AffectedItem(String kind, long id) {
    }

    public record Decision(String approver, String role, String decision, String comment, Instant decidedAt) {
    }

    public record Comment(String author, String text, Instant createdAt) {
    }

    public record StatusChange(String from, String to, String by, Instant at, String comment) {
    }
}
