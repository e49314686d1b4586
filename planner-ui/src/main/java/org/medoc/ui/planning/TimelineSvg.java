package org.medoc.ui.planning;

import org.medoc.planner.period.ConstraintWindowRecord;
import org.medoc.planner.timeline.TimelineView;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.Severity;
import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The timeline as SVG: one lane of constraint windows and one of SPICE runs over a time range (the whole STP week or
 * one day), with day or hour gridlines; runs coloured by their worst finding (red error, orange warning, blue fine).
 * Plain string building so that it can be tested without a browser.
 */
final class TimelineSvg {

    static final int WIDTH = 1400;
    static final int LEFT = 90;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private TimelineSvg() {
    }

    static String render(TimelineView view, List<ConstraintWindowRecord> constraints, Instant from, Instant to) {
        double seconds = Duration.between(from, to).getSeconds();
        double scale = (WIDTH - LEFT - 10) / seconds;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline-svg\" width=\"").append(WIDTH)
                .append("\" height=\"130\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<text x=\"4\" y=\"45\">Constraints</text><text x=\"4\" y=\"95\">SPICE</text>");
        boolean week = seconds > 2 * 86400;
        Duration tick = week ? Duration.ofDays(1) : Duration.ofHours(3);
        for (Instant t = from; !t.isAfter(to); t = t.plus(tick)) {
            double x = LEFT + Duration.between(from, t).getSeconds() * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"15\" x2=\"%.1f\" y2=\"125\" stroke=\"#ccc\"/>", x, x));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"12\">%s</text>", x + 2, week ? DAY.format(t) : HOUR.format(t)));
        }
        for (ConstraintWindowRecord window : constraints) {
            Instant start = window.start().isBefore(from) ? from : window.start();
            Instant end = window.end().isAfter(to) ? to : window.end();
            if (!start.isBefore(end)) {
                continue;
            }
            String colour = switch (window.effect()) {
                case INFO -> "#cfe8cf";
                case WARN -> "#f3e2b3";
                default -> "#f2b8b5";
            };
            rect(svg, from, scale, start, end, 30, 25, colour, window.type() + " " + window.start() + " to " + window.end(), "constraint");
        }
        for (TimelineView.CheckedEntry checked : view.entries()) {
            Instant start = checked.entry().start();
            Instant end = checked.entry().end();
            if (!end.isAfter(from) || !start.isBefore(to)) {
                continue;
            }
            Severity worst = checked.findings().stream().map(Finding::severity).filter(s -> s != Severity.INFO)
                    .min(Enum::compareTo).orElse(Severity.INFO);
            String colour = switch (worst) {
                case ERROR -> "#d32f2f";
                case WARNING -> "#ef8f00";
                case INFO -> "#1f6fc5";
            };
            rect(svg, from, scale, start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, 75, 30, colour,
                    checked.entry().studyName() + " " + start + " to " + end, "run entry-" + checked.entry().id());
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void rect(StringBuilder svg, Instant from, double scale, Instant start, Instant end, int y, int height, String colour,
                             String title, String cssClass) {
        double x = LEFT + Duration.between(from, start).getSeconds() * scale;
        double width = Math.max(2, Duration.between(start, end).getSeconds() * scale);
        svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" opacity=\"0.85\">"
                + "<title>%s</title></rect>", cssClass, x, y, width, height, colour, HtmlUtils.htmlEscape(title)));
    }
}
