package org.medoc.planner.studyset;

import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.List;

/** A study set with its slot allocation, window table and findings (B1, B2, B4). */
public record StudySetDetail(long id, String fileName, int setVersion, StudySetStatus status, Integer effectiveFromStp,
                             Instant uploadedAt, String notes, int lockVersion, List<Entry> entries,
                             List<WindowSlot> windowTable, List<Finding> findings) {

    /** A study in an on-board slot ({@code STUDY_ID}). */
    public record Entry(long studyId, String studyName, Integer misoId, int onboardSlot) {
    }

    /** A study's window in the on-board window table ({@code WINTABID}). */
    public record WindowSlot(long studyId, int windowPosition, int wintabid, String windowName) {
    }

    public int distinctWindows() {
        return (int) windowTable.stream().mapToInt(WindowSlot::wintabid).distinct().count();
    }
}
