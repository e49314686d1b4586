package org.medoc.planner.study;

import java.time.Instant;

/**
 * A study revision as stored: its identity (id, lineage, revision, ground ID {@code MISOSTUD}), its status, its
 * parameters and its optimistic-lock version. All revisions of one study share {@code lineageId}.
 */
public record StoredStudy(long id, long lineageId, int revision, Long parentStudyId, Integer misoId, StudyStatus status,
                          StudyParameters parameters, int lockVersion, Instant createdAt, String createdBy,
                          Instant updatedAt, String updatedBy, Instant approvedAt, String approvedBy) {

    public String name() {
        return parameters.name();
    }
}
