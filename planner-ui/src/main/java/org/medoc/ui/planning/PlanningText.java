package org.medoc.ui.planning;

import org.medoc.planner.executed.ExecutionMatcher;
import org.medoc.planner.icn.IcnDetail;
import org.medoc.ui.base.Formats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The wording of the planning screens (completeness of an STP, affected items) and their UTC date-time pickers: small
 * pure functions kept out of the views so that they can be tested without a browser. Numbers, volumes, times and
 * offsets are written by {@link org.medoc.ui.base.Formats}.
 */
public final class PlanningText {

    private PlanningText() {
    }

    /** Completeness of an STP as the plan-versus-executed screen states it. */
    public static String completeness(ExecutionMatcher.Report report) {
        Double share = report.completeness();
        String counts = report.executed() + " executed, " + report.missing() + " missing, " + report.pending() + " pending of "
                + report.planned() + " planned; " + report.unplanned().size() + " unplanned execution(s)";
        return share == null ? "Completeness: nothing due yet (" + counts + ")"
                : "Completeness: " + Formats.percent(share) + " (" + counts + ")";
    }

    /** "STUDY 12", "STUDY_SET 3", "PERIOD 40". */
    public static String affected(IcnDetail.AffectedItem item) {
        return item.kind() + " " + item.id();
    }

    /** A DateTimePicker value read as UTC (the pickers of the planning screens are in UTC). */
    public static Instant fromPicker(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** An instant as a UTC DateTimePicker value. */
    public static LocalDateTime toPicker(Instant value) {
        return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    }
}
