package org.medoc.ui.planning;

import org.medoc.planner.executed.ExecutionMatcher;
import org.medoc.planner.icn.IcnDetail;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How the planning screens write times, offsets, volumes and rates: small pure functions kept out of the views so that
 * they can be tested without a browser.
 */
public final class PlanningText {

    private PlanningText() {
    }

    /** A BOP item offset from the block start, "+HH:MM:SS" (fractions of a second kept, e.g. "+00:00:01.5"). */
    public static String offset(double seconds) {
        String sign = seconds < 0 ? "-" : "+";
        double magnitude = Math.abs(seconds);
        long whole = (long) Math.floor(magnitude);
        double fraction = magnitude - whole;
        String text = String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, whole / 3600, whole / 60 % 60, whole % 60);
        if (fraction > 1e-9) {
            text += String.format(Locale.ROOT, "%.3f", fraction).substring(1).replaceAll("0+$", "");
        }
        return text;
    }

    /** "2026-12-15 06:00:00Z", to the second (database times carry microseconds nobody plans by); empty for no time. */
    public static String utc(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    /** A volume in Mbit with one decimal. */
    public static String megabits(Long bits) {
        return bits == null ? "" : String.format(Locale.ROOT, "%.1f Mbit", bits / 1e6);
    }

    /** Completeness of an STP as the plan-versus-executed screen states it. */
    public static String completeness(ExecutionMatcher.Report report) {
        Double share = report.completeness();
        String counts = report.executed() + " executed, " + report.missing() + " missing, " + report.pending() + " pending of "
                + report.planned() + " planned; " + report.unplanned().size() + " unplanned execution(s)";
        return share == null ? "Completeness: nothing due yet (" + counts + ")"
                : String.format(Locale.ROOT, "Completeness: %.1f %% (%s)", share * 100, counts);
    }

    /** A parameter value without trailing zeros: 0.5, 1024, 1e-3 as 0.001. */
    public static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
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
