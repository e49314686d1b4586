package org.medoc.planner.study;

import org.medoc.planner.validation.Finding;

import java.util.List;

/** A stored study with its live estimate and every rule finding: what the editor and the API show. */
public record StudyDetail(StoredStudy study, StudyEstimate estimate, List<Finding> findings) {

    public StudyDetail {
        findings = List.copyOf(findings);
    }
}
