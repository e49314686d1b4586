package org.medoc.archive.catalogue;

import java.util.Locale;

/**
 * A match on the stored FITS header: keyword {@code name} equal to {@code value}. Numbers match numerically
 * ({@code WAVELNTH:171} finds 171 and 171.0), strings exactly after trimming.
 */
public record KeywordFilter(String name, String value) {

    public KeywordFilter {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,8}")) {
            throw new InvalidQueryException("keyword", "keyword name must be a FITS keyword of 1-8 letters, digits, '_' or '-', was '" + name + "'");
        }
        if (value == null) {
            throw new InvalidQueryException("keyword", "keyword " + name + " has no value; use NAME:VALUE");
        }
        name = name.toUpperCase(Locale.ROOT);
    }

    /** Parses MEDOC's {@code NAME:VALUE} form. */
    public static KeywordFilter parse(String expression) {
        int colon = expression == null ? -1 : expression.indexOf(':');
        if (colon <= 0) {
            throw new InvalidQueryException("keyword", "keyword filter must look like NAME:VALUE, was '" + expression + "'");
        }
        return new KeywordFilter(expression.substring(0, colon).trim(), expression.substring(colon + 1).trim());
    }
}
