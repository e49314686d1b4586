package org.medoc.planner.export;

import org.medoc.planner.timeline.TimelineEntry;
import org.medoc.planner.timeline.TimelineView;
import org.medoc.planner.validation.Finding;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Text exports of an STP timeline (PLANNING.md §11): CSV, iCalendar (RFC 5545), an ITL-style text file
 * ({@code OBS_START}/{@code OBS_END} lines as in the EPS instrument timeline format, after a provenance header as IRIS
 * timelines have), the telemetry-budget report and the predicted FITS keywords. Pure functions of their inputs.
 */
public final class TimelineExports {

    static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter ITL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static final List<String> CSV_COLUMNS = List.of("entry_id", "stp", "start_utc", "end_utc", "duration_s", "study_id",
            "misostud", "study", "rasters", "volume_bits", "bop_instance_id", "detached", "locked", "status", "errors", "warnings");

    private TimelineExports() {
    }

    public static String csv(TimelineView view) {
        StringBuilder text = new StringBuilder(Csv.row(CSV_COLUMNS));
        for (TimelineView.CheckedEntry checked : view.entries()) {
            TimelineEntry e = checked.entry();
            text.append(Csv.row(List.of(e.id(), view.period().number(), e.start(), e.end(), seconds(e.durationSeconds()), e.studyId(),
                    e.misoId() == null ? "" : e.misoId(), e.studyName(), e.rasters(), e.volumeBits(),
                    e.bopInstanceId() == null ? "" : e.bopInstanceId(), e.detached(), e.locked(), e.status(),
                    rules(checked.findings(), true), rules(checked.findings(), false))));
        }
        return text.toString();
    }

    /** One VEVENT per run, UID stable per entry, lines folded at 75 octets and ended by CRLF (RFC 5545 §3.1). */
    public static String iCalendar(TimelineView view, Instant generatedAt) {
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//medoc//SPICE planning//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("X-WR-CALNAME:SPICE " + view.period().label());
        for (TimelineView.CheckedEntry checked : view.entries()) {
            TimelineEntry e = checked.entry();
            lines.add("BEGIN:VEVENT");
            lines.add("UID:spice-timeline-entry-" + e.id() + "@medoc");
            lines.add("DTSTAMP:" + ICS_TIME.format(generatedAt));
            lines.add("DTSTART:" + ICS_TIME.format(e.start().truncatedTo(ChronoUnit.SECONDS)));
            lines.add("DTEND:" + ICS_TIME.format(e.end().plusMillis(999).truncatedTo(ChronoUnit.SECONDS)));
            lines.add("SUMMARY:" + escape("SPICE " + e.studyName()));
            lines.add("DESCRIPTION:" + escape(String.format(Locale.ROOT, "%s, %d raster(s), MISOSTUD %s, %.1f Mbit, %s",
                    view.period().label(), e.rasters(), e.misoId() == null ? "-" : e.misoId(), e.volumeBits() / 1e6,
                    checked.findings().stream().filter(f -> f.severity() != org.medoc.planner.validation.Severity.INFO)
                            .map(f -> f.rule() + " " + f.severity()).collect(Collectors.joining("; ", "findings: ", "")))));
            lines.add("CATEGORIES:SPICE," + view.period().label());
            lines.add("END:VEVENT");
        }
        lines.add("END:VCALENDAR");
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(fold(line)).append("\r\n"));
        return text.toString();
    }

    /**
     * ITL-style text: a provenance header of {@code #} comments naming the inputs and their versions, then one
     * {@code OBS_START} and one {@code OBS_END} line per run at absolute UTC times:
     * {@code 2025-03-10T06:00:00.000Z  SPICE  OBS_START  <STUDY>  (MISOSTUD = 3001 NRASTERS = 1 ENTRY = 17)}.
     */
    public static String itl(TimelineView view, String studySetFile, Integer studySetVersion, Instant generatedAt) {
        StringBuilder text = new StringBuilder();
        text.append("# SPICE instrument timeline (ITL style) for ").append(view.period().label()).append('\n');
        text.append("# Generated: ").append(ITL_TIME.format(generatedAt)).append(" by medoc\n");
        text.append("# Period: ").append(ITL_TIME.format(view.period().start())).append(" to ").append(ITL_TIME.format(view.period().end()))
                .append(", IOR deadline ").append(view.period().iorDeadline() == null ? "-" : ITL_TIME.format(view.period().iorDeadline()))
                .append(", MIB ").append(view.period().mibVersion() == null ? "-" : view.period().mibVersion()).append('\n');
        text.append("# Study set: ").append(studySetFile == null ? "none active" : studySetFile + " (SETVER " + studySetVersion + ")").append('\n');
        text.append("# Entries: ").append(view.entries().size()).append(", planned volume ").append(view.budget().usedBits()).append(" bit\n");
        text.append("Version: 1\n");
        for (TimelineView.CheckedEntry checked : view.entries()) {
            TimelineEntry e = checked.entry();
            text.append(ITL_TIME.format(e.start())).append("  SPICE  OBS_START  ").append(e.studyName())
                    .append("  (MISOSTUD = ").append(e.misoId() == null ? "NONE" : e.misoId())
                    .append(" NRASTERS = ").append(e.rasters()).append(" ENTRY = ").append(e.id()).append(")\n");
            text.append(ITL_TIME.format(e.end())).append("  SPICE  OBS_END    ").append(e.studyName()).append('\n');
        }
        return text.toString();
    }

    public static final List<String> BUDGET_COLUMNS = List.of("stp", "study", "misostud", "runs", "volume_bits", "share_of_allocation");

    /** Telemetry budget per study and in total, against the allocation, with the margin. */
    public static String telemetryCsv(TimelineView view) {
        StringBuilder text = new StringBuilder(Csv.row(BUDGET_COLUMNS));
        Long allocated = view.budget().allocatedBits();
        view.entries().stream().map(TimelineView.CheckedEntry::entry)
                .collect(Collectors.groupingBy(TimelineEntry::studyName, java.util.TreeMap::new, Collectors.toList()))
                .forEach((study, runs) -> {
                    long bits = runs.stream().mapToLong(TimelineEntry::volumeBits).sum();
                    text.append(Csv.row(List.of(view.period().number(), study, runs.getFirst().misoId() == null ? "" : runs.getFirst().misoId(),
                            runs.size(), bits, allocated == null || allocated == 0 ? "" : String.format(Locale.ROOT, "%.4f", (double) bits / allocated))));
                });
        text.append(Csv.row(List.of(view.period().number(), "TOTAL", "", view.entries().size(), view.budget().usedBits(),
                view.budget().usedFraction() == null ? "" : String.format(Locale.ROOT, "%.4f", view.budget().usedFraction()))));
        text.append(Csv.row(List.of(view.period().number(), "ALLOCATION", "", "", allocated == null ? "" : allocated, "")));
        text.append(Csv.row(List.of(view.period().number(), "MARGIN", "", "", view.budget().remainingBits() == null ? "" : view.budget().remainingBits(), "")));
        return text.toString();
    }

    public static final List<String> KEYWORD_COLUMNS = List.of("ENTRY", "DATE-BEG", "DATE-END", "MISOSTUD", "STUDY", "OBS_TYPE",
            "STUDYTYP", "PURPOSE", "NRASTERS", "XPOSURE", "SLIT_WID", "STUDY_ID", "SETFILE", "SETVER", "SOOPNAME", "SOOPTYPE", "STP", "LTP");

    public static String keywordsCsv(List<PredictedKeywords> rows) {
        StringBuilder text = new StringBuilder(Csv.row(KEYWORD_COLUMNS));
        for (PredictedKeywords k : rows) {
            text.append(Csv.row(java.util.Arrays.asList(k.entryId(), k.dateBeg(), k.dateEnd(), k.misostud(), k.study(), k.obsType(),
                    k.studytyp(), k.purpose(), k.nrasters(), k.xposure(), k.slitWid(), k.studyId(), k.setfile(), k.setver(),
                    k.soopname(), k.sooptype(), k.stp(), k.ltp())));
        }
        return text.toString();
    }

    private static String rules(List<Finding> findings, boolean errors) {
        return findings.stream().filter(f -> errors ? f.severity() == org.medoc.planner.validation.Severity.ERROR
                        : f.severity() == org.medoc.planner.validation.Severity.WARNING)
                .map(Finding::rule).distinct().collect(Collectors.joining(" "));
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** RFC 5545 folding: lines longer than 75 octets continue on lines starting with a space. */
    static String fold(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            return line;
        }
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                folded.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}
