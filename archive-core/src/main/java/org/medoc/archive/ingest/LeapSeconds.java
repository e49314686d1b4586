package org.medoc.archive.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * TAI − UTC since 1972 (IERS Bulletin C; the last leap second was inserted at the end of 2016-12-31). JSOC
 * writes SDO times such as T_REC and T_OBS in TAI; the catalogue stores UTC.
 */
public final class LeapSeconds {
    /** Dates (UTC) from which TAI − UTC takes the value at the same index of {@link #OFFSETS}. */
    private static final String[] FROM = {
            "1972-01-01", "1972-07-01", "1973-01-01", "1974-01-01", "1975-01-01", "1976-01-01", "1977-01-01",
            "1978-01-01", "1979-01-01", "1980-01-01", "1981-07-01", "1982-07-01", "1983-07-01", "1985-07-01",
            "1988-01-01", "1990-01-01", "1991-01-01", "1992-07-01", "1993-07-01", "1994-07-01", "1996-01-01",
            "1997-07-01", "1999-01-01", "2006-01-01", "2009-01-01", "2012-07-01", "2015-07-01", "2017-01-01"};
    private static final int[] OFFSETS = {
            10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37};
    private static final Instant[] FROM_TAI = new Instant[FROM.length];

    static {
        for (int i = 0; i < FROM.length; i++) {
            FROM_TAI[i] = LocalDate.parse(FROM[i]).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(OFFSETS[i]);
        }
    }

    private LeapSeconds() {
    }

    /** Converts a TAI instant (read as if it were UTC) to UTC. Before 1972 the 1972 offset is used. */
    public static Instant taiToUtc(Instant tai) {
        int offset = OFFSETS[0];
        for (int i = 0; i < FROM_TAI.length; i++) {
            if (!tai.isBefore(FROM_TAI[i])) {
                offset = OFFSETS[i];
            }
        }
        return tai.minusSeconds(offset);
    }
}
