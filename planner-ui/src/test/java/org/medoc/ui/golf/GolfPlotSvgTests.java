package org.medoc.ui.golf;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.hk.LimitVersion;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.hk.PlotBin;
import org.medoc.ops.golf.hk.PlotSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GolfPlotSvgTests {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(2));

    private static PlotSeries series(String mnemonic, List<LimitVersion> limits) {
        return new PlotSeries(mnemonic, "degC", FROM, TO, 2, PlotSeries.Source.SAMPLES, List.of(
                new PlotBin(0, FROM, FROM.plus(Duration.ofDays(1)), 10, 190, 200, 195),
                new PlotBin(1, FROM.plus(Duration.ofDays(1)), TO, 10, 195, 210, 200)), limits, List.of());
    }

    @Test
    void eachParameterGetsAPanelWithOneBandPerBinAndItsMeanLine() {
        String svg = GolfPlotSvg.render(List.of(series("OVEN_TEMP", List.of()), series("CELL_TEMP", List.of())));

        assertThat(svg).startsWith("<svg").contains(">OVEN_TEMP<").contains(">CELL_TEMP<");
        assertThat(Pattern.compile("class=\"mean\"").matcher(svg).results().count()).isEqualTo(2);
        assertThat(svg).contains("height=\"" + (2 * GolfPlotSvg.PANEL_HEIGHT + 30) + "\"");
    }

    @Test
    void limitLinesStepWhereANewVersionStartsAndStayInsideTheirPeriod() {
        Instant change = FROM.plus(Duration.ofDays(1));
        String svg = GolfPlotSvg.render(List.of(series("OVEN_TEMP", List.of(
                new LimitVersion(1, FROM.minus(Duration.ofDays(5)), new Limits(null, null, null, 203.0, null, 206.0), "op", FROM, "first"),
                new LimitVersion(2, change, new Limits(null, null, null, 205.0, null, 208.0), "op", FROM, "raised")))));

        Matcher warnings = Pattern.compile("class=\"limit-warning\" x1=\"([\\d.]+)\" y1=\"([\\d.]+)\" x2=\"([\\d.]+)\"").matcher(svg);
        assertThat(warnings.find()).isTrue();
        double firstEnd = Double.parseDouble(warnings.group(3));
        double firstY = Double.parseDouble(warnings.group(2));
        assertThat(Double.parseDouble(warnings.group(1))).isEqualTo(GolfPlotSvg.LEFT);
        assertThat(warnings.find()).isTrue();
        assertThat(Double.parseDouble(warnings.group(1))).isEqualTo(firstEnd);
        // a higher limit is drawn higher up, i.e. at a smaller y
        assertThat(Double.parseDouble(warnings.group(2))).isLessThan(firstY);
        assertThat(Pattern.compile("class=\"limit-critical\"").matcher(svg).results().count()).isEqualTo(2);
    }

    @Test
    void withoutParametersThePlotSaysWhatToDo() {
        assertThat(GolfPlotSvg.render(List.of())).contains("Choose parameters and a range.");
    }
}
