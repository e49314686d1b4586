package org.medoc.archive.ingest;

/**
 * What happened to one file. {@code reason} says why a file was quarantined (or notes on an ingested one);
 * {@code observationId} is set for ingested and skipped files.
 */
public record IngestOutcome(String fileName, Status status, Long observationId, String sha256, String reason) {

    public enum Status { INGESTED, SKIPPED, QUARANTINED }
}
