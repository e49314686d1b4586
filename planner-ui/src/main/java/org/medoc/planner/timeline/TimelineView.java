package org.medoc.planner.timeline;

import org.medoc.planner.period.Period;
import org.medoc.planner.validation.Finding;

import java.util.List;

/** One STP's timeline with every finding of the timeline rules and the telemetry budget. */
public record TimelineView(Period period, List<CheckedEntry> entries, List<Finding> periodFindings, TelemetryBudget budget,
                           Integer activeStudySetVersion) {

    /** An entry with the findings that concern it. */
    public record CheckedEntry(TimelineEntry entry, List<Finding> findings) {
    }

    public CheckedEntry entry(long id) {
        return entries.stream().filter(e -> e.entry().id() == id).findFirst().orElseThrow();
    }

    public boolean hasErrors() {
        return Finding.anyError(periodFindings) || entries.stream().anyMatch(e -> Finding.anyError(e.findings()));
    }
}
