package org.medoc.archive.catalogue;

import java.time.Instant;

/**
 * One catalogue row as search results show it: what a client needs to verify and cite a file (size, SHA-256, a
 * stable file URL and, for a file in a published release, that release's identifier, else null). URLs are relative to
 * the application root.
 */
public record ObservationSummary(
        long id,
        String mission,
        String instrument,
        String detector,
        Double wavelength,
        Instant dateObs,
        Instant dateEnd,
        Double exposure,
        String level,
        String filename,
        long size,
        String sha256,
        Integer imageWidth,
        Integer imageHeight,
        String fileUrl,
        String previewUrl,
        String release) {

    /** The same row, naming the published release that holds its file. */
    public ObservationSummary inRelease(String identifier) {
        return new ObservationSummary(id, mission, instrument, detector, wavelength, dateObs, dateEnd, exposure, level,
                filename, size, sha256, imageWidth, imageHeight, fileUrl, previewUrl, identifier);
    }

    public static String fileUrl(long id) {
        return "/api/v1/observations/" + id + "/file";
    }

    public static String previewUrl(long id) {
        return "/api/v1/observations/" + id + "/preview";
    }
}
