package org.medoc.archive.catalogue;

import java.util.List;

/**
 * A page of results. {@code total} counts every match, exactly up to the catalogue's exact-count limit
 * ({@code medoc.catalogue.exact-count-limit}); above it {@code total} is PostgreSQL's estimate and
 * {@code totalIsEstimate} is true. {@code nextCursor} continues after the last item (null on the last page).
 */
public record SearchResult(long total, List<ObservationSummary> items, String nextCursor, boolean totalIsEstimate) {
    public SearchResult {
        items = List.copyOf(items);
    }

    /** An exactly counted page (the form before estimated totals existed). */
    public SearchResult(long total, List<ObservationSummary> items, String nextCursor) {
        this(total, items, nextCursor, false);
    }
}
