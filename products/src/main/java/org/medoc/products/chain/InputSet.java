package org.medoc.products.chain;

import java.time.Instant;
import java.util.List;

/**
 * The observations that make one product. {@code missing} names the expected inputs the catalogue does not have
 * (e.g. AIA channel {@code 94}): such a set is still processed with what is there and its product is flagged.
 * {@code subject} tells the sets of one reference time apart when a rule finds several (one per HARP region:
 * {@code sci-377}); it is empty otherwise ({@link ProductInstance#subject()}).
 */
public record InputSet(Instant referenceTime, String subject, List<InputFile> inputs, List<String> missing) {
    public InputSet {
        subject = ProductInstance.checkSubject(subject == null ? "" : subject);
        inputs = List.copyOf(inputs);
        missing = List.copyOf(missing);
    }

    /** The set of a rule with one set per reference time. */
    public InputSet(Instant referenceTime, List<InputFile> inputs, List<String> missing) {
        this(referenceTime, "", inputs, missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /** The product this set makes with a recipe's type and version. */
    public ProductInstance instance(String type, String version) {
        return new ProductInstance(type, version, referenceTime, subject);
    }
}
