package org.medoc.archive.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One selected observation as a release records it: where its file is stored and how to check it, the catalogued
 * values a catalogue file (catalog.csv) names, and, when asked for, the primary FITS header as ingested (the SPICE
 * catalogue's columns are header keywords). Times are UTC instants.
 *
 * @param header the normalised primary header, keyword to value; empty unless requested
 */
public record CatalogueRow(
        long id,
        String mission,
        String instrument,
        String detector,
        String level,
        Double wavelengthAngstrom,
        Instant dateObs,
        Instant dateEnd,
        Double exposureSeconds,
        Double dsunObsMetres,
        List<Integer> naxis,
        String fileName,
        String storageKey,
        String sha256,
        long sizeBytes,
        Map<String, Object> header) {
}
