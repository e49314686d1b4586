package org.medoc.archive.catalogue;

import org.jooq.DSLContext;

import java.time.Duration;

/**
 * What one search may cost, whoever asks (the public API, the Archive view, a script): searches are open to anonymous
 * callers, so each must stay cheap for the database. Offset paging re-reads every skipped row, so deep pages are
 * refused with a pointer to the cursor, which seeks instead of skipping; header keyword filters scan the JSON headers,
 * so only a handful are allowed at once; and every search runs under a PostgreSQL {@code statement_timeout}, so a
 * pathological combination is cancelled by the server instead of holding a connection.
 *
 * @param maxOffset          largest {@code page × size} offset paging may reach ({@code medoc.catalogue.max-offset})
 * @param maxKeywordFilters  most header keyword filters in one search ({@code medoc.catalogue.max-keyword-filters})
 * @param statementTimeout   longest a search statement may run ({@code medoc.catalogue.statement-timeout}; zero = none)
 */
record SearchLimits(int maxOffset, int maxKeywordFilters, Duration statementTimeout) {

    SearchLimits {
        if (maxOffset < 0 || maxKeywordFilters < 0 || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("catalogue limits must not be negative");
        }
    }

    /** Refuses a query beyond the limits with the parameter at fault and what to do instead. */
    void check(ObservationQuery query) {
        boolean byCursor = query.cursor() != null && !query.cursor().isBlank();
        if (!byCursor && (long) query.page() * query.size() > maxOffset) {
            throw new InvalidQueryException("page", "page " + query.page() + " × size " + query.size()
                    + " skips more than " + maxOffset + " rows; page deeper with the nextCursor of the previous page "
                    + "(cursor=...), which costs the same at any depth");
        }
        if (query.keywords().size() > maxKeywordFilters) {
            throw new InvalidQueryException("keyword", "at most " + maxKeywordFilters
                    + " keyword filters per search, got " + query.keywords().size());
        }
    }

    /**
     * Sets the statement timeout for the rest of the caller's transaction ({@code SET LOCAL}: it ends with the
     * transaction, so pooled connections keep their default). The value is our configuration, never request input.
     */
    void applyStatementTimeout(DSLContext dsl) {
        if (!statementTimeout.isZero()) {
            dsl.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        }
    }
}
