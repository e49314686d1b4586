package org.medoc.products.image;

/**
 * One header card to write: a FITS keyword (≤ 8 characters, upper case), a value (String of at most 68 characters,
 * Boolean, Integer/Long, Double) and a comment.
 */
public record FitsKeyword(String name, Object value, String comment) {

    public FitsKeyword {
        if (name == null || name.isEmpty() || name.length() > 8 || !name.matches("[A-Z0-9_-]+")) {
            throw new IllegalArgumentException("invalid FITS keyword name: " + name);
        }
        if (value instanceof String text && text.length() > 68) {
            throw new IllegalArgumentException("value of " + name + " is longer than one card (68 characters)");
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            throw new IllegalArgumentException("value of " + name + " is not finite");
        }
        if (!(value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double)) {
            throw new IllegalArgumentException("unsupported value type for " + name + ": " + value);
        }
        comment = comment == null ? "" : comment;
    }
}
