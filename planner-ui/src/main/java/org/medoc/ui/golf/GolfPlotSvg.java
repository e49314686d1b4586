package org.medoc.ui.golf;

import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmSeverity;
import org.medoc.ops.golf.hk.LimitVersion;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.hk.PlotBin;
import org.medoc.ops.golf.hk.PlotSeries;
import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Housekeeping plots as SVG, one panel per parameter on a shared time axis: the min-max band of each bin, the mean as
 * a line, warning (yellow) and critical (red) limits as steps where their versions change, and alarm episodes shaded.
 * Plain string building, so that it is tested without a browser; the server sends a few hundred bins, never samples.
 */
final class GolfPlotSvg {

    static final int WIDTH = 1200;
    static final int PANEL_HEIGHT = 180;
    static final int LEFT = 80;
    static final int RIGHT = 20;
    private static final String[] COLOURS = {"#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#e377c2"};

    private GolfPlotSvg() {
    }

    /** The bins to ask for: about one per pixel of the plotting width. */
    static int bins() {
        return WIDTH - LEFT - RIGHT;
    }

    static String render(List<PlotSeries> panels) {
        int height = Math.max(1, panels.size()) * PANEL_HEIGHT + 30;
        StringBuilder svg = new StringBuilder();
        // width and height stay the drawing's own size (the PNG export rasterises at it); the viewBox and max-width let
        // the page scale it down to the space it has instead of cutting off the end of the time axis
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"golf-plot-svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\" style=\"background:#fff;max-width:100%;height:auto\">");
        if (panels.isEmpty()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"40\">Choose parameters and a range.</text></svg>");
            return svg.toString();
        }
        Instant from = panels.getFirst().from();
        Instant to = panels.getFirst().to();
        double span = Duration.between(from, to).toMillis();
        double plotWidth = WIDTH - LEFT - RIGHT;
        for (int p = 0; p < panels.size(); p++) {
            PlotSeries series = panels.get(p);
            int top = p * PANEL_HEIGHT + 10;
            int bottom = top + PANEL_HEIGHT - 30;
            double[] range = valueRange(series);
            double low = range[0];
            double high = range[1];
            java.util.function.DoubleUnaryOperator y = v -> bottom - (v - low) / (high - low) * (bottom - top);
            java.util.function.Function<Instant, Double> x = t -> LEFT + Math.max(0, Math.min(span, Duration.between(from, t).toMillis())) / span * plotWidth;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
                    LEFT, top, plotWidth, bottom - top));
            for (Alarm alarm : series.alarms()) {
                Instant end = alarm.normalSince() != null ? alarm.normalSince() : alarm.lastViolation();
                double x1 = x.apply(alarm.raised());
                double x2 = Math.max(x1 + 1, x.apply(end));
                svg.append(String.format(Locale.ROOT, "<rect class=\"violation\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
                        + "fill-opacity=\"0.25\"><title>%s</title></rect>", x1, top, x2 - x1, bottom - top,
                        alarm.severity() == AlarmSeverity.CRITICAL ? "#d62728" : "#ffbf00",
                        escape(alarm.severity() + " alarm from " + alarm.raised() + " (" + alarm.state() + ")")));
            }
            String colour = COLOURS[p % COLOURS.length];
            StringBuilder mean = new StringBuilder();
            for (PlotBin bin : series.points()) {
                double x1 = x.apply(bin.start());
                double x2 = Math.max(x1 + 1, x.apply(bin.end()));
                double yMax = y.applyAsDouble(bin.max());
                double yMin = y.applyAsDouble(bin.min());
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.35\"/>",
                        x1, yMax, x2 - x1, Math.max(1, yMin - yMax), colour));
                mean.append(mean.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f", (x1 + x2) / 2, y.applyAsDouble(bin.mean())));
            }
            if (!mean.isEmpty()) {
                svg.append("<path class=\"mean\" d=\"").append(mean).append("\" fill=\"none\" stroke=\"").append(colour).append("\"/>");
            }
            limitLines(svg, series, x, y, low, high);
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>", top + 12, escape(series.mnemonic())));
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", top + 26, escape(series.unit())));
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", top + 40,
                    series.source() == PlotSeries.Source.HOURLY_ROLLUP ? "hourly" : ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT - 4, top + 10, number(high)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LEFT - 4, bottom, number(low)));
            if (series.points().isEmpty()) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">no samples in this range</text>", LEFT + 10, (top + bottom) / 2));
            }
        }
        DateTimeFormatter format = span > 3 * 86_400_000d ? DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC)
                : DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
        int axis = panels.size() * PANEL_HEIGHT + 2;
        for (int i = 0; i <= 6; i++) {
            Instant t = from.plusMillis((long) (span * i / 6));
            double px = LEFT + plotWidth * i / 6;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, axis + 14, format.format(t)));
        }
        return svg.append("</svg>").toString();
    }

    /** Warning (yellow) and critical (red) bounds, as steps where a new limit version starts. */
    private static void limitLines(StringBuilder svg, PlotSeries series, java.util.function.Function<Instant, Double> x,
                                   java.util.function.DoubleUnaryOperator y, double low, double high) {
        List<LimitVersion> versions = series.limits();
        for (int i = 0; i < versions.size(); i++) {
            Instant start = versions.get(i).validFrom().isBefore(series.from()) ? series.from() : versions.get(i).validFrom();
            Instant end = i + 1 < versions.size() ? versions.get(i + 1).validFrom() : series.to();
            Limits limits = versions.get(i).limits();
            Double[] warning = {limits.warningLow(), limits.warningHigh()};
            Double[] critical = {limits.criticalLow(), limits.criticalHigh()};
            for (Double bound : warning) {
                line(svg, x.apply(start), x.apply(end), bound, y, low, high, "#e6a800", "limit-warning");
            }
            for (Double bound : critical) {
                line(svg, x.apply(start), x.apply(end), bound, y, low, high, "#d62728", "limit-critical");
            }
        }
    }

    private static void line(StringBuilder svg, double x1, double x2, Double bound, java.util.function.DoubleUnaryOperator y,
                             double low, double high, String colour, String kind) {
        if (bound == null || bound < low || bound > high) {
            return;
        }
        double py = y.applyAsDouble(bound);
        svg.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-dasharray=\"6 3\"/>", kind, x1, py, x2, py, colour));
    }

    /** The vertical range: the data and the limits in force, with a margin. */
    static double[] valueRange(PlotSeries series) {
        List<Double> values = new ArrayList<>();
        series.points().forEach(b -> {
            values.add(b.min());
            values.add(b.max());
        });
        for (LimitVersion version : series.limits()) {
            Limits l = version.limits();
            for (Double bound : new Double[]{l.warningLow(), l.warningHigh(), l.criticalLow(), l.criticalHigh()}) {
                if (bound != null) {
                    values.add(bound);
                }
            }
        }
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double margin = high > low ? (high - low) * 0.05 : Math.max(1, Math.abs(high) * 0.05);
        return new double[]{low - margin, high + margin};
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 1000 || Math.abs(value) < 0.01 && value != 0 ? "%.3g" : "%.2f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
