package org.medoc.products.chain;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One product to make: type, version and reference time. Its {@link #id()} ({@code dem:1.0:2024-01-01T00:00:00Z}) is
 * the db-scheduler task instance id: deterministic, so that two nodes scheduling the same product meet on the same
 * primary key of {@code scheduled_tasks} and only one row (one execution) exists.
 */
public record ProductInstance(String type, String version, Instant referenceTime) {

    public ProductInstance {
        checkType(type);
        checkVersion(version);
        if (referenceTime == null) {
            throw new IllegalArgumentException("a product instance needs a reference time");
        }
    }

    public String id() {
        return type + ":" + version + ":" + referenceTime;
    }

    public static ProductInstance parse(String id) {
        String[] parts = id.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("product instance id must be type:version:time, was '" + id + "'");
        }
        try {
            return new ProductInstance(parts[0], parts[1], Instant.parse(parts[2]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("product instance id has no ISO-8601 time: '" + id + "'", e);
        }
    }

    /** Same rule as the products.product check constraint. */
    public static String checkType(String type) {
        if (type == null || !type.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("product type must be lower-case letters, digits and '-', was '" + type + "'");
        }
        return type;
    }

    /** Same rule as the products.product check constraint. */
    public static String checkVersion(String version) {
        if (version == null || !version.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) {
            throw new IllegalArgumentException("product version must be letters, digits, '.', '_' or '-', was '" + version + "'");
        }
        return version;
    }
}
