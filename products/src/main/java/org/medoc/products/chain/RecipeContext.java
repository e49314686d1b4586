package org.medoc.products.chain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a recipe knows besides its inputs: versions for the output headers and where each input was copied
 * (SHA-256-verified) on this node.
 */
public record RecipeContext(String softwareVersion, String productVersion, Instant referenceTime,
                            Map<Long, Path> localFiles) {
    public RecipeContext {
        localFiles = Map.copyOf(localFiles);
    }

    /** The local copy of one input. */
    public Path file(InputFile input) {
        Path path = localFiles.get(input.observationId());
        if (path == null) {
            throw new IllegalArgumentException("observation " + input.observationId() + " is not an input of this run");
        }
        return path;
    }

    /** The local copies of a set's inputs, in the set's order. */
    public List<Path> files(InputSet set) {
        return set.inputs().stream().map(this::file).toList();
    }
}
