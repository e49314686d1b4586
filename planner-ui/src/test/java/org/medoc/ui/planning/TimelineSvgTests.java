package org.medoc.ui.planning;

import org.junit.jupiter.api.Test;
import org.medoc.planner.period.ConstraintEffect;
import org.medoc.planner.period.ConstraintWindowRecord;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.timeline.TelemetryBudget;
import org.medoc.planner.timeline.TimelineEntry;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG timeline: runs placed in proportion to time and coloured by their worst finding. */
class TimelineSvgTests {

    private static final Instant START = Instant.parse("2025-03-10T00:00:00Z");

    private static TimelineEntry entry(long id, Instant start, long seconds) {
        return new TimelineEntry(id, 1, 5, "SCI_TEST", 3001, start, start.plusSeconds(seconds), 1, seconds, 1000, null, null, null, null,
                null, null, null, null, false, false, false, 0, false, "PLANNED", 0, START);
    }

    @Test
    void runsArePlacedInProportionAndErrorsAreRed() {
        Period stp = new Period(1, PeriodKind.STP, 344, START, START.plusSeconds(7 * 86400), null, null, null, null, null, null, "OPEN", null, 0);
        org.medoc.planner.timeline.TimelineView view = new org.medoc.planner.timeline.TimelineView(stp, List.of(
                new org.medoc.planner.timeline.TimelineView.CheckedEntry(entry(1, START.plusSeconds(86400), 3600), List.of()),
                new org.medoc.planner.timeline.TimelineView.CheckedEntry(entry(2, START.plusSeconds(86400 + 1800), 3600),
                        List.of(Finding.error("T1", "startUtc", "overlaps")))), List.of(), new TelemetryBudget(2000, null), null);
        String svg = TimelineSvg.render(view, List.of(new ConstraintWindowRecord(1, "E_FECS", "ROLL", ConstraintEffect.FORBID_INTEGRATION,
                START.plusSeconds(2 * 86400), START.plusSeconds(2 * 86400 + 7200), null, 0)), stp.start(), stp.end());
        double perSecond = (TimelineSvg.WIDTH - TimelineSvg.LEFT - 10) / (7.0 * 86400);
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg).contains(String.format(java.util.Locale.ROOT, "class=\"run entry-1\" x=\"%.1f\"", TimelineSvg.LEFT + 86400 * perSecond));
        assertThat(svg).containsPattern("class=\"run entry-2\"[^>]*fill=\"#d32f2f\"");
        assertThat(svg).containsPattern("class=\"run entry-1\"[^>]*fill=\"#1f6fc5\"");
        assertThat(svg).contains("class=\"constraint\"").contains("<title>ROLL ");
        assertThat(svg).contains(">Mon 10 Mar<");
    }
}
