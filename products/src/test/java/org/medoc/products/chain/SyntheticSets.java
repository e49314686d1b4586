package org.medoc.products.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A fixed number of input-less sets on a cadence, for tests of the chain's machinery (scheduling, retries, nodes). */
public record SyntheticSets(Instant start, int count, Duration step) implements InputSetRule {

    public Instant referenceTime(int index) {
        return start.plus(step.multipliedBy(index));
    }

    @Override
    public List<InputSet> find(Instant from, Instant to) {
        List<InputSet> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant reference = referenceTime(i);
            if (!reference.isBefore(from) && !reference.isAfter(to)) {
                sets.add(new InputSet(reference, List.of(), List.of()));
            }
        }
        return sets;
    }

    @Override
    public String describe() {
        return count + " synthetic sets every " + step.toMinutes() + " min from " + start;
    }
}
