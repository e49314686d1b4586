package org.medoc.archive.catalogue;

import java.time.Instant;

/**
 * One catalogued SHARP segment file ({@link CatalogueService#sharpSegments}): what a product chain needs to group it
 * into records (HARP, T_REC as JSOC wrote it, the file name that carries series and segment), fetch it (verified
 * against {@code sha256} and {@code sizeBytes}) and name it in provenance.
 */
public record SharpSegment(long observationId, int harpNumber, String noaaArs, String tRec, String fileName, String sha256,
                           String storageKey, long sizeBytes, Instant dateObs) {
}
