package org.medoc.products.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A product with its full provenance: every file, the recipe's parameters and reported figures, the software that
 * made it and how long it took.
 */
public record ProductDetail(ProductSummary summary, List<ProductFile> files, Map<String, Object> parameters,
                            Map<String, Object> figures, String softwareVersion, long durationMs) {

    /** One stored file of a product. */
    public record ProductFile(int position, String name, String role, String mediaType, long size, String sha256,
                              String storageKey, String url) {
    }
}
