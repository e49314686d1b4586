package org.medoc.ui.base;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How every view shows times, durations, numbers, sizes, volumes, rates and checksums: UTC, binary units for files,
 * SI units for telemetry, {@link Locale#ROOT} (no locale surprises). Views format through here only, so that the same
 * quantity reads the same on every screen.
 */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

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

    /** The UTC day, "2026-12-15". */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** "2026-12-15 06:00:00Z", to the second (database times carry microseconds nobody plans by); empty for no time. */
    public static String utc(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    /**
     * A measured value with at most four significant digits and no trailing zeros (an exposure of 2.9 s reads "2.9",
     * not "2.900", which a European reader takes for 2900), whole numbers in full, scientific notation outside
     * 10⁻⁴–10⁹.
     */
    public static String number(Double value) {
        if (value == null) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString(value.longValue());
        }
        if (!Double.isFinite(value) || Math.abs(value) < 1e-4 || Math.abs(value) >= 1e9) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        return new BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A parameter value as it was typed, without trailing zeros: 0.5, 1024, 1e-3 as 0.001. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A value with a fixed number of decimals, e.g. a wavelength in nm with two. */
    public static String decimals(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A count with thousands separators, "12,345". */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A fraction as a percentage with one decimal, "75.0 %". */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** A duration in whole seconds, "3600 s". */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.0f s", seconds);
    }

    /** A run's elapsed time: milliseconds below a second, else seconds with one decimal ("850 ms", "12.3 s"); empty for none. */
    public static String elapsed(Long milliseconds) {
        if (milliseconds == null) {
            return "";
        }
        return milliseconds < 1000 ? milliseconds + " ms" : String.format(Locale.ROOT, "%.1f s", milliseconds / 1000.0);
    }

    /** A duration in seconds and hours, "5400 s (1.50 h)". */
    public static String secondsAndHours(double seconds) {
        return String.format(Locale.ROOT, "%.0f s (%.2f h)", seconds, seconds / 3600);
    }

    /** An offset from a start, "+HH:MM:SS" (fractions of a second kept, e.g. "+00:00:01.5"). */
    public static String offset(double seconds) {
        String sign = seconds < 0 ? "-" : "+";
        double magnitude = Math.abs(seconds);
        long whole = (long) Math.floor(magnitude);
        double fraction = magnitude - whole;
        String text = String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, whole / 3600, whole / 60 % 60, whole % 60);
        if (fraction > 1e-9) {
            text += String.format(Locale.ROOT, "%.3f", fraction).substring(1).replaceAll("0+$", "");
        }
        return text;
    }

    /** A telemetry volume in kbit with one decimal (SI: 1 kbit = 1000 bit). */
    public static String kilobits(double bits) {
        return String.format(Locale.ROOT, "%.1f kbit", bits / 1e3);
    }

    /** A telemetry volume in Mbit with one decimal; empty for no volume. */
    public static String megabits(Long bits) {
        return bits == null ? "" : megabits(bits.doubleValue());
    }

    public static String megabits(double bits) {
        return String.format(Locale.ROOT, "%.1f Mbit", bits / 1e6);
    }

    /** A telemetry rate in kbit/s with two decimals. */
    public static String kilobitsPerSecond(double bitsPerSecond) {
        return String.format(Locale.ROOT, "%.2f kbit/s", bitsPerSecond / 1e3);
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
