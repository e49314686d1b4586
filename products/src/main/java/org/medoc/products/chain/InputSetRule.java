package org.medoc.products.chain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a product type's input sets are: the catalogued observations that make one product, by reference time. */
public interface InputSetRule {

    /** Every set whose reference time lies in [from, to], oldest first, including incomplete ones. */
    List<InputSet> find(Instant from, Instant to);

    /** The set of one reference time as the catalogue holds it now, if there is one. */
    default Optional<InputSet> at(Instant referenceTime) {
        return find(referenceTime, referenceTime).stream()
                .filter(set -> set.referenceTime().equals(referenceTime)).findFirst();
    }

    /**
     * The set of one reference time and subject ({@link InputSet#subject()}) as the catalogue holds it now. An empty
     * subject is {@link #at(Instant)}.
     */
    default Optional<InputSet> at(Instant referenceTime, String subject) {
        if (subject == null || subject.isEmpty()) {
            return at(referenceTime);
        }
        return find(referenceTime, referenceTime).stream()
                .filter(set -> set.referenceTime().equals(referenceTime) && set.subject().equals(subject)).findFirst();
    }

    /** One sentence for the documentation and the UI, e.g. "AIA 94-335 Å within ±30 s of every half hour". */
    String describe();
}
