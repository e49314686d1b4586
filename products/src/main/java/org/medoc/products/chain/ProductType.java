package org.medoc.products.chain;

import java.util.List;

/**
 * One installed product type as the Products area and {@code GET /api/v1/product-types} list it: its current version
 * (the highest installed, made by the scan and on-demand runs), every installed version, and the current recipe's
 * description.
 */
public record ProductType(String type, String version, List<String> versions, ProductDescription description) {

    public ProductType {
        versions = List.copyOf(versions);
    }
}
