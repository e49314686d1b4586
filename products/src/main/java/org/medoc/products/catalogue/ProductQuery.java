package org.medoc.products.catalogue;

import org.medoc.archive.catalogue.InvalidQueryException;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product search: products whose reference time lies in [from, to] (either open), of a type and version when given,
 * with every given attribute (name → value, e.g. {@code harp → 377}: the product has that value among its values of
 * that attribute), newest first. With a {@code cadence}, at most one product per type and version in each interval of
 * that length counted from {@code from} (from 1970-01-01T00:00Z without it): the one closest to the interval's start,
 * as in an observation search. Invalid values are refused with the parameter at fault.
 */
public record ProductQuery(String type, Instant from, Instant to, String version, Map<String, String> attributes,
                           int page, int size, Duration cadence) {

    public static final int MAX_SIZE = 1000;

    public ProductQuery {
        if (type != null && !type.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new InvalidQueryException("type", "type must be a product type such as dem, was '" + type + "'");
        }
        if (version != null && !version.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) {
            throw new InvalidQueryException("version", "version must be letters, digits, '.', '_' or '-', such as 1.0, was '" + version + "'");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from", "from (" + from + ") is after to (" + to + ")");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        (attributes == null ? Map.<String, String>of() : attributes).forEach((name, value) -> {
            if (!name.matches("[a-z][A-Za-z0-9]{0,31}")) {
                throw new InvalidQueryException(name, "'" + name + "' is not an attribute name");
            }
            if (value != null && !value.isBlank()) {
                if (value.length() > 200) {
                    throw new InvalidQueryException(name, name + " is longer than 200 characters");
                }
                copy.put(name, value.trim());
            }
        });
        attributes = java.util.Collections.unmodifiableMap(copy);
        if (page < 0) {
            throw new InvalidQueryException("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size", "size must be 1-" + MAX_SIZE + ", was " + size);
        }
        if (cadence != null && cadence.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidQueryException("cadence", "cadence must be at least 1 second, was " + cadence.toSeconds() + " s");
        }
    }

    /** Every product of the criteria (no attribute filter, no cadence). */
    public ProductQuery(String type, Instant from, Instant to, String version, int page, int size) {
        this(type, from, to, version, Map.of(), page, size, null);
    }

    /** At most one product per cadence interval, no attribute filter. */
    public ProductQuery(String type, Instant from, Instant to, String version, int page, int size, Duration cadence) {
        this(type, from, to, version, Map.of(), page, size, cadence);
    }

    /** Products with the given attributes, no cadence. */
    public ProductQuery(String type, Instant from, Instant to, String version, Map<String, String> attributes,
                        int page, int size) {
        this(type, from, to, version, attributes, page, size, null);
    }
}
