package org.medoc.planner.period;

import java.time.Instant;

/** A stored planning period (PLANNING.md §5.3) with its milestones and optimistic-lock version. */
public record Period(long id, PeriodKind kind, int number, Instant start, Instant end, Long parentId, Instant iorDeliveryOpens,
                     Instant iorDeadline, Instant mocPrecheck, Instant stackBuilt, String mibVersion, String status,
                     String notes, int lockVersion) {

    /** "STP346", "LTP18". */
    public String label() {
        return kind.name() + number;
    }
}
