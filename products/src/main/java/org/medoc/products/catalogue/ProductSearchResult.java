package org.medoc.products.catalogue;

import java.util.List;

/** A page of products; {@code total} counts every match (the same shape as the observation search). */
public record ProductSearchResult(long total, List<ProductSummary> items) {
    public ProductSearchResult {
        items = List.copyOf(items);
    }
}
