package org.medoc.products.chain;

import java.time.Instant;

/** One catalogued observation used as input, with what provenance records of it. */
public record InputFile(long observationId, String label, String fileName, String sha256, String storageKey,
                        long sizeBytes, Instant dateObs) {
}
