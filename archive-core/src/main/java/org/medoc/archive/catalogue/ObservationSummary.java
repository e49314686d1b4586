package org.medoc.archive.catalogue;

import java.time.Instant;

/** One catalogue row as search results show it. URLs are relative to the application root. */
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
        String previewUrl) {

    public static String fileUrl(long id) {
        return "/api/v1/observations/" + id + "/file";
    }

    public static String previewUrl(long id) {
        return "/api/v1/observations/" + id + "/preview";
    }
}
