package org.medoc.archive.catalogue;

import java.util.List;

/**
 * A page of results. {@code total} counts every match; {@code nextCursor} continues after the last item
 * (null on the last page).
 */
public record SearchResult(long total, List<ObservationSummary> items, String nextCursor) {
    public SearchResult {
        items = List.copyOf(items);
    }
}
