package org.medoc.products.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One product as search results show it. URLs are relative to the application root; {@code previewUrl} is null for a
 * product without a preview. {@code inputs} is the provenance of its data: the catalogued observations it was made from.
 * {@code subject} tells the products of one reference time apart (empty for types with one per time),
 * {@code attributes} are what the product is about, as its recipe recorded them ({@code harp → [377]}), and
 * {@code release} is the identifier of the published release that holds its data file (null when none does).
 */
public record ProductSummary(long id, String type, String version, Instant referenceTime, List<String> flags,
                             List<String> missingInputs, String fileName, long size, String sha256, String fileUrl,
                             String previewUrl, List<Input> inputs, Instant createdAt, String subject,
                             Map<String, List<String>> attributes, String release) {

    public ProductSummary {
        flags = List.copyOf(flags);
        missingInputs = List.copyOf(missingInputs);
        inputs = List.copyOf(inputs);
        subject = subject == null ? "" : subject;
        Map<String, List<String>> copy = new java.util.TreeMap<>();
        (attributes == null ? Map.<String, List<String>>of() : attributes).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        attributes = java.util.Collections.unmodifiableMap(copy);
    }

    public ProductSummary(long id, String type, String version, Instant referenceTime, List<String> flags,
                          List<String> missingInputs, String fileName, long size, String sha256, String fileUrl,
                          String previewUrl, List<Input> inputs, Instant createdAt, String subject,
                          Map<String, List<String>> attributes) {
        this(id, type, version, referenceTime, flags, missingInputs, fileName, size, sha256, fileUrl, previewUrl, inputs,
                createdAt, subject, attributes, null);
    }

    public ProductSummary(long id, String type, String version, Instant referenceTime, List<String> flags,
                          List<String> missingInputs, String fileName, long size, String sha256, String fileUrl,
                          String previewUrl, List<Input> inputs, Instant createdAt) {
        this(id, type, version, referenceTime, flags, missingInputs, fileName, size, sha256, fileUrl, previewUrl, inputs,
                createdAt, "", Map.of(), null);
    }

    /** The first value of an attribute, or null. */
    public String attribute(String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** An input observation, with where to get it. */
    public record Input(long observationId, String label, String fileName, String sha256, String url) {
        public Input(long observationId, String label, String fileName, String sha256) {
            this(observationId, label, fileName, sha256, "/api/v1/observations/" + observationId);
        }
    }

    public static String fileUrl(long id) {
        return "/api/v1/products/" + id + "/file";
    }

    public static String previewUrl(long id) {
        return "/api/v1/products/" + id + "/preview";
    }
}
