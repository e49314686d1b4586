package org.medoc.archive.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A catalogue search. Every criterion is optional (null = no constraint). Times select observations whose
 * interval [dateObs, dateEnd] overlaps [from, to]. Either {@code page} (offset paging, for the first pages of a
 * result) or {@code cursor} (keyset paging, for deep paging) positions the result; a cursor wins over a page.
 *
 * @param detector     detector code ({@code C2}) or MEDOC's {@code INSTRUMENT/DETECTOR} form ({@code LASCO/C2})
 * @param wavelengthAngstrom exact nominal channel in ångström (matched within 0.5 Å)
 * @param cadence    at most one observation per instrument, detector and wavelength in each interval of this length
 *                   (counted from {@code from}, or from 1970-01-01T00:00Z without it): the earliest of the interval,
 *                   i.e. the one closest to its start (SiTools2's CADENCE); null keeps every observation
 */
public record ObservationQuery(
        Instant from,
        Instant to,
        String mission,
        String instrument,
        String detector,
        Double wavelengthAngstrom,
        Double wavelengthMinAngstrom,
        Double wavelengthMaxAngstrom,
        String level,
        List<KeywordFilter> keywords,
        ObservationSort sort,
        int page,
        int size,
        String cursor,
        Duration cadence) {

    public static final int MAX_PAGE_SIZE = 1000;
    /** A cadence shorter than a second selects nothing a plain search does not. */
    public static final Duration MIN_CADENCE = Duration.ofSeconds(1);

    public ObservationQuery {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        sort = sort == null ? ObservationSort.DEFAULT : sort;
        if (page < 0) {
            throw new InvalidQueryException("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("size", "size must be between 1 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from", "from (" + from + ") is after to (" + to + ")");
        }
        if (wavelengthMinAngstrom != null && wavelengthMaxAngstrom != null && wavelengthMinAngstrom > wavelengthMaxAngstrom) {
            throw new InvalidQueryException("wavelengthMin", "wavelengthMin (" + wavelengthMinAngstrom
                    + ") is greater than wavelengthMax (" + wavelengthMaxAngstrom + ")");
        }
        if (cadence != null && cadence.compareTo(MIN_CADENCE) < 0) {
            throw new InvalidQueryException("cadence", "cadence must be at least 1 second, was " + cadence.toSeconds() + " s");
        }
    }

    /** A search that keeps every observation (no cadence). */
    public ObservationQuery(Instant from, Instant to, String mission, String instrument, String detector,
                            Double wavelengthAngstrom, Double wavelengthMinAngstrom, Double wavelengthMaxAngstrom,
                            String level, List<KeywordFilter> keywords, ObservationSort sort, int page, int size, String cursor) {
        this(from, to, mission, instrument, detector, wavelengthAngstrom, wavelengthMinAngstrom, wavelengthMaxAngstrom,
                level, keywords, sort, page, size, cursor, null);
    }

    /** Everything, newest first, in pages of {@code size}. */
    public static ObservationQuery all(int size) {
        return new ObservationQuery(null, null, null, null, null, null, null, null, null, List.of(), null, 0, size, null);
    }

    public ObservationQuery withPage(int newPage) {
        return new ObservationQuery(from, to, mission, instrument, detector, wavelengthAngstrom, wavelengthMinAngstrom,
                wavelengthMaxAngstrom, level, keywords, sort, newPage, size, null, cadence);
    }

    /** The same search thinned to one observation per instrument, detector and wavelength per {@code interval}. */
    public ObservationQuery withCadence(Duration interval) {
        return new ObservationQuery(from, to, mission, instrument, detector, wavelengthAngstrom, wavelengthMinAngstrom,
                wavelengthMaxAngstrom, level, keywords, sort, page, size, cursor, interval);
    }

    /** The same search continued after a page's {@code nextCursor}. */
    public ObservationQuery after(String nextCursor) {
        return new ObservationQuery(from, to, mission, instrument, detector, wavelengthAngstrom, wavelengthMinAngstrom,
                wavelengthMaxAngstrom, level, keywords, sort, page, size, nextCursor, cadence);
    }
}
