package org.medoc.archive.fits;

/**
 * One header card's parsed value: {@link String} (trimmed, quotes unescaped, OGIP {@code CONTINUE} long strings joined),
 * {@link Long}, {@link Double}, {@link Boolean}, or {@code null} for no value (commentary cards, empty values).
 * Unquoted values that are none of these (e.g. the {@code nan} JSOC writes) are kept as their raw text.
 */
public record FitsCard(String keyword, Object value, String comment) {
}
