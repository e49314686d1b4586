package org.medoc.ops.golf;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between the API's instants and jOOQ's timestamptz values. */
public final class Utc {

    private Utc() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant of(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
