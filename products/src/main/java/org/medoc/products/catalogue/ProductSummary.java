package org.medoc.products.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * One product as search results show it. URLs are relative to the application root; {@code previewUrl} is null for a
 * product without a preview. {@code inputs} is the provenance of its data: the catalogued observations it was made from.
 * {@code release} is the identifier of the published release that holds its data file (null when none does).
 */
public record ProductSummary(long id, String type, String version, Instant referenceTime, List<String> flags,
                             List<String> missingInputs, String fileName, long size, String sha256, String fileUrl,
                             String previewUrl, List<Input> inputs, Instant createdAt, String release) {

    public ProductSummary {
        flags = List.copyOf(flags);
        missingInputs = List.copyOf(missingInputs);
        inputs = List.copyOf(inputs);
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
