package org.medoc.products.chain;

import java.time.Instant;
import java.util.List;

/**
 * The observations that make one product. {@code missing} names the expected inputs the catalogue does not have
 * (e.g. AIA channel {@code 94}): such a set is still processed with what is there and its product is flagged.
 */
public record InputSet(Instant referenceTime, List<InputFile> inputs, List<String> missing) {
    public InputSet {
        inputs = List.copyOf(inputs);
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
