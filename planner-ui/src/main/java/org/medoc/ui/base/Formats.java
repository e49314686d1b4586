package org.medoc.ui.base;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How every view shows times, numbers, sizes and checksums: UTC, binary units, no locale surprises. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Hex digits of a SHA-256 shown in a grid; the full value goes in the tooltip. */
    public static final int SHORT_SHA256_DIGITS = 12;

    private Formats() {
    }

    public static String shortSha256(String sha256) {
        if (sha256 == null) {
            return "";
        }
        return sha256.length() <= SHORT_SHA256_DIGITS ? sha256 : sha256.substring(0, SHORT_SHA256_DIGITS) + "…";
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String number(Double value) {
        if (value == null) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString(value.longValue());
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** Binary units, as file managers show them. */
    public static String bytes(long size) {
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
}
