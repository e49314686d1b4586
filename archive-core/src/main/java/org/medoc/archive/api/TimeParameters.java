package org.medoc.archive.api;

import org.medoc.archive.catalogue.InvalidQueryException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One date format for every client (users of other archives complain of per-server quirks): ISO 8601 in UTC,
 * with or without 'Z' or an offset, to any fraction of a second; a bare date means the whole day.
 */
public final class TimeParameters {
    private TimeParameters() {
    }

    /** Start of an interval: a bare date is its midnight. */
    public static Instant start(String parameter, String text) {
        return parse(parameter, text, false);
    }

    /** End of an interval: a bare date is the end of that day (inclusive). */
    public static Instant end(String parameter, String text) {
        return parse(parameter, text, true);
    }

    /** Midnight UTC of the day; no day is no bound (null). */
    public static Instant startOfDay(LocalDate date) {
        return date == null ? null : date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The last instant of the UTC day (an inclusive end); no day is no bound (null). */
    public static Instant endOfDay(LocalDate date) {
        return date == null ? null : date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
    }

    private static Instant parse(String parameter, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? endOfDay(date) : startOfDay(date);
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(parameter, parameter + " must be an ISO-8601 UTC date-time such as "
                    + "2011-02-15T00:00:00Z or a date such as 2011-02-15, was '" + text + "'");
        }
    }
}
