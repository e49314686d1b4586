package org.medoc.products.synoptic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What a map is relative to the day it was made (J): an archive map (reference day before J, inputs on both sides
 * of it possible), the nowcast (reference day J) or a forecast (after J, from past data rotated forward).
 */
public enum MapKind {
    ARCHIVE, NOWCAST, FORECAST;

    public static MapKind of(Instant referenceTime, LocalDate madeOn) {
        LocalDate day = referenceTime.atOffset(ZoneOffset.UTC).toLocalDate();
        return day.isBefore(madeOn) ? ARCHIVE : day.isAfter(madeOn) ? FORECAST : NOWCAST;
    }

    /** As written to headers and the catalogue: {@code archive}, {@code nowcast}, {@code forecast}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
