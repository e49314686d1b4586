package org.medoc.ui.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the ingest screens show times, sizes and checksums: UTC, binary units, no locale surprises (the same rules as
 * the archive view's formats, kept here while each area owns its own).
 */
final class IngestFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Hex digits of a SHA-256 shown in a grid; the full value is in the tooltip. */
    static final int SHORT_SHA256_DIGITS = 12;

    private IngestFormats() {
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** Binary units, as file managers show them. */
    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String shortSha256(String sha256) {
        if (sha256 == null) {
            return "";
        }
        return sha256.length() <= SHORT_SHA256_DIGITS ? sha256 : sha256.substring(0, SHORT_SHA256_DIGITS) + "…";
    }
}
