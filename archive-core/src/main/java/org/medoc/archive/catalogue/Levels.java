package org.medoc.archive.catalogue;

import java.util.Locale;

/**
 * Data levels in one spelling. Pipelines write "L2" (SPICE), 1.0 (AIA's LVL_NUM) or "1.5"; the catalogue stores
 * the plain number ("2", "1", "1.5") so that {@code level=2}, {@code level=L2} and {@code level=2.0} all match.
 */
public final class Levels {
    private Levels() {
    }

    public static String normalise(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        String text = level.trim().toUpperCase(Locale.ROOT);
        if (text.startsWith("LEVEL")) {
            text = text.substring(5).trim();
        } else if (text.startsWith("L")) {
            text = text.substring(1);
        }
        try {
            double number = Double.parseDouble(text);
            if (number == Math.rint(number) && Math.abs(number) < 1e6) {
                return Long.toString((long) number);
            }
            return Double.toString(number);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
