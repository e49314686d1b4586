package org.medoc.ops.golf.anomaly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An anomaly report (PLANNING.md §13.5) with the log entries and data gaps linked to it. */
public record Anomaly(long id, String number, String title, String description, Severity severity, String owner,
                      String detectedBy, Instant openedAt, LocalDate targetCloseDate, String rootCause, String actions,
                      AnomalyStatus status, Instant closedAt, int lockVersion, List<Long> logEntryIds, List<Long> gapIds) {

    public enum Severity { MINOR, MAJOR, CRITICAL }
}
