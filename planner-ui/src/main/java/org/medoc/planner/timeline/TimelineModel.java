package org.medoc.planner.timeline;

import org.medoc.planner.period.ConstraintEffect;

import java.time.Instant;
import java.util.Set;

/** The inputs of {@link TimelineRules}: plain values, loaded by the timeline service or built by tests. */
public final class TimelineModel {

    private TimelineModel() {
    }

    /** One planned run: an entry of the timeline with its study's estimate. */
    public record PlannedRun(long id, long studyId, String studyName, boolean calibration, Instant start, Instant end,
                             long volumeBits, double rateBitsPerSecond, boolean spansNextStp, boolean highRateApproved,
                             Long soopInstanceId, String pointingKind, Instant updatedAt) {
    }

    /** The STP the runs belong to, with its IOR deadline (may be null). */
    public record Period(long id, int number, Instant start, Instant end, Instant iorDeadline) {
    }

    public record Constraint(long id, String type, ConstraintEffect effect, Instant start, Instant end) {

        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && from.isBefore(end);
        }

        boolean contains(Instant from, Instant to) {
            return !from.isBefore(start) && !to.isAfter(end);
        }
    }

    public record SoopWindow(long id, String name, String pointingRequirement, Instant start, Instant end) {
    }

    /**
     * The study set active on board during the STP ({@code null} when none is): its version and the study ids it
     * holds.
     */
    public record ActiveStudySet(long id, int setVersion, Set<Long> studyIds) {
    }

    /** Thresholds from the instrument configuration. */
    public record Limits(double lowRateMaxBitsPerSecond, double budgetWarningFraction) {
    }
}
