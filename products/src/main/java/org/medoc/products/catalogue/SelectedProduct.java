package org.medoc.products.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * A product selected for a release, with its main data file (its first DATA file, what {@link ProductCatalogue#dataFile}
 * serves) and the catalogued facts a release catalogue names.
 *
 * @param inputIds the observation ids the product was made from, ascending; empty unless requested
 */
public record SelectedProduct(long id, String type, String version, Instant referenceTime, String softwareVersion,
                              ProductDetail.ProductFile dataFile, List<Long> inputIds) {
}
