package org.medoc.archive.catalogue;

import java.time.Instant;

/**
 * The AIA observation of one channel chosen for a reference time ({@link CatalogueService#aiaImagesNear}): what a
 * product chain needs to fetch it (verified against {@code sha256} and {@code sizeBytes}) and to name it in provenance.
 */
public record AiaImage(Instant referenceTime, int channelAngstrom, long observationId, String fileName, String sha256,
                       String storageKey, long sizeBytes, Instant dateObs) {
}
