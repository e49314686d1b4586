package org.medoc.planner.timeline;

import org.medoc.planner.validation.Finding;

import java.util.List;
import java.util.Map;

/**
 * The outcome of the timeline rules for one STP: findings per entry id, findings about the period as a whole
 * (telemetry budget, calibration cadence, missing study set), and the telemetry budget.
 */
public record TimelineCheck(Map<Long, List<Finding>> entryFindings, List<Finding> periodFindings, TelemetryBudget budget) {

    public TimelineCheck {
        entryFindings = Map.copyOf(entryFindings);
        periodFindings = List.copyOf(periodFindings);
    }

    public List<Finding> findingsFor(long entryId) {
        return entryFindings.getOrDefault(entryId, List.of());
    }

    public boolean hasErrors() {
        return Finding.anyError(periodFindings) || entryFindings.values().stream().anyMatch(Finding::anyError);
    }
}
