package org.medoc.products.currents;

import org.medoc.archive.fits.FitsHeader;

import java.time.Instant;
import java.util.List;

/**
 * One SHARP record read for the current map: its identity (series, HARP, T_REC, NOAA numbers), the segments as a
 * {@link SharpPatch}, and the Br segment's header (the CEA WCS, the observer and JSOC's own keywords).
 *
 * @param tRec         T_REC as JSOC writes it, e.g. {@code 2011.02.15_02:00:00_TAI}
 * @param tRecUtc      T_REC converted to UTC
 * @param noaaNumbers  the NOAA active regions of the HARP (NOAA_ARS), possibly none
 */
public record SharpRecord(SharpDataType dataType, int harpNumber, String tRec, Instant tRecUtc, List<Integer> noaaNumbers,
                          SharpPatch patch, FitsHeader brHeader) {

    public SharpRecord {
        noaaNumbers = List.copyOf(noaaNumbers);
    }
}
