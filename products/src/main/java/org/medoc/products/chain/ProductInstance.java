package org.medoc.products.chain;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One product to make: type, version, reference time and subject. The subject names the product among those of one
 * reference time when a type makes several (a current map per HARP region: {@code sci-377}); it is empty for types
 * with one product per reference time (DEM). Its {@link #id()} ({@code dem:1.0:2024-01-01T00:00:00Z}, or
 * {@code currents:1.0:2011-02-15T01:59:26Z@sci-377} with a subject) is the db-scheduler task instance id:
 * deterministic, so that two nodes scheduling the same product meet on the same primary key of
 * {@code scheduled_tasks} and only one row (one execution) exists.
 */
public record ProductInstance(String type, String version, Instant referenceTime, String subject) {

    public ProductInstance {
        checkType(type);
        checkVersion(version);
        if (referenceTime == null) {
            throw new IllegalArgumentException("a product instance needs a reference time");
        }
        subject = checkSubject(subject == null ? "" : subject);
    }

    /** The product of a type with one product per reference time. */
    public ProductInstance(String type, String version, Instant referenceTime) {
        this(type, version, referenceTime, "");
    }

    public String id() {
        return type + ":" + version + ":" + referenceTime + (subject.isEmpty() ? "" : "@" + subject);
    }

    public static ProductInstance parse(String id) {
        String[] parts = id.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("product instance id must be type:version:time[@subject], was '" + id + "'");
        }
        int at = parts[2].indexOf('@');
        String time = at < 0 ? parts[2] : parts[2].substring(0, at);
        String subject = at < 0 ? "" : parts[2].substring(at + 1);
        try {
            return new ProductInstance(parts[0], parts[1], Instant.parse(time), subject);
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

    /** Same rule as the products.product check constraint: empty, or lower-case letters, digits, '.', '_', '-'. */
    public static String checkSubject(String subject) {
        if (subject == null || !subject.matches("([a-z0-9][a-z0-9._-]{0,63})?")) {
            throw new IllegalArgumentException("product subject must be lower-case letters, digits, '.', '_' or '-', was '"
                    + subject + "'");
        }
        return subject;
    }
}
