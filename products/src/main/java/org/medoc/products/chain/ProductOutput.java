package org.medoc.products.chain;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a recipe made: its files (at least one {@link Role#DATA} file; the first is the product's main download and
 * the first {@link Role#PREVIEW} its thumbnail), figures about the result for the catalogue ({@code summary}), flags
 * of its own (the chain adds {@code MISSING_INPUTS} itself), and {@code attributes} the catalogue searches by (name →
 * values, e.g. {@code harp → [377]}, {@code noaa → [11158, 11160]}; names are lower camel case).
 */
public record ProductOutput(List<OutputFile> files, Map<String, Object> summary, List<String> flags,
                            Map<String, List<String>> attributes) {

    public ProductOutput {
        files = List.copyOf(files);
        summary = Map.copyOf(summary);
        flags = List.copyOf(flags);
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        attributes.forEach((name, values) -> {
            if (!name.matches("[a-z][A-Za-z0-9]{0,31}")) {
                throw new IllegalArgumentException("attribute name must be lower camel case, was '" + name + "'");
            }
            copy.put(name, List.copyOf(values));
        });
        attributes = java.util.Collections.unmodifiableMap(copy);
    }

    public ProductOutput(List<OutputFile> files, Map<String, Object> summary, List<String> flags) {
        this(files, summary, flags, Map.of());
    }

    public ProductOutput(List<OutputFile> files, Map<String, Object> summary) {
        this(files, summary, List.of());
    }

    public enum Role { DATA, PREVIEW }

    /** One output file; its name in the catalogue is the file name. */
    public record OutputFile(Path path, Role role) {
        public static OutputFile data(Path path) {
            return new OutputFile(path, Role.DATA);
        }

        public static OutputFile preview(Path path) {
            return new OutputFile(path, Role.PREVIEW);
        }

        public String name() {
            return path.getFileName().toString();
        }

        public String mediaType() {
            String name = name().toLowerCase(Locale.ROOT);
            if (name.endsWith(".fits") || name.endsWith(".fts") || name.endsWith(".fit") || name.endsWith(".fits.fz")) {
                return "application/fits";
            }
            if (name.endsWith(".png")) {
                return "image/png";
            }
            if (name.endsWith(".json")) {
                return "application/json";
            }
            return "application/octet-stream";
        }
    }
}
