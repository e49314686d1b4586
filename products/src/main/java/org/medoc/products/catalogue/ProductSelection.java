package org.medoc.products.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which products a release holds: those of any of these types and versions whose reference time falls in any of the
 * time ranges (or at any time, without ranges). An empty list of types or of versions does not constrain; with
 * neither, nothing is selected. Each selected product contributes its main data file (see
 * {@link ProductCatalogue#selected}).
 *
 * @param types      product types in any case (catalogued in lower case), e.g. dem
 * @param versions   product versions (the recipe's version), e.g. 1.0
 * @param timeRanges inclusive intervals of reference time
 */
public record ProductSelection(List<String> types, List<String> versions, List<TimeRange> timeRanges) {

    public ProductSelection {
        // product types are catalogued in lower case (products.product CHECK)
        types = copy(types).stream().map(type -> type.trim().toLowerCase(Locale.ROOT)).toList();
        versions = copy(versions).stream().map(String::trim).toList();
        timeRanges = copy(timeRanges);
    }

    public boolean selectsAnything() {
        return !types.isEmpty() || !versions.isEmpty();
    }

    /** An inclusive interval of reference time. */
    public record TimeRange(Instant from, Instant to) {}

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
