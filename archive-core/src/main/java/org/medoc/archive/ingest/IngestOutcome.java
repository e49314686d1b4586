package org.medoc.archive.ingest;

/**
 * What happened to one file. {@code reason} says why a file was quarantined or failed (or notes on an ingested one);
 * {@code observationId} is set for ingested and skipped files.
 */
public record IngestOutcome(String fileName, Status status, Long observationId, String sha256, String reason) {

    public enum Status {
        INGESTED,
        /** Already catalogued (same SHA-256). */
        SKIPPED,
        /** Refused for its content, with the reason; recorded in the quarantine. */
        QUARANTINED,
        /**
         * Not processed because of a fault of the infrastructure (database, storage, no decoding capacity): nothing
         * was recorded, the file is not quarantined, and ingesting it again later processes it normally.
         */
        FAILED;

        /** Whether trying again later may succeed without changing the file. */
        public boolean retryable() {
            return this == FAILED;
        }
    }
}
