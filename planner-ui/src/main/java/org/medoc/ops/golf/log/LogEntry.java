package org.medoc.ops.golf.log;

import java.time.Instant;

/**
 * An operations log entry: when the event happened, who wrote it, what it is about and what it did to the data, with
 * optional links to an HK time range, an alarm, an anomaly report and a planning constraint window. A public entry
 * reaches the public chronology once someone other than its author has approved it (rule G4).
 */
public record LogEntry(long id, Instant time, String author, LogCategory category, String text, DataImpact dataImpact,
                       Instant hkFrom, Instant hkTo, Long alarmId, Long anomalyId, Long constraintWindowId,
                       boolean publicEntry, String publicTitle, String approvedBy, Instant approvedAt, Instant createdAt) {

    public boolean inChronology() {
        return publicEntry && approvedBy != null;
    }
}
