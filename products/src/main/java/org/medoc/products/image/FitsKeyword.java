package org.medoc.products.image;

import org.medoc.archive.fits.FitsHeader;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The cards of an input header to carry into a product (WCS, observer, times), with their comments; keywords the
     * header lacks, strings longer than a card and non-finite numbers are left out.
     */
    public static List<FitsKeyword> copyFrom(FitsHeader header, List<String> keywords) {
        List<FitsKeyword> out = new ArrayList<>();
        for (String keyword : keywords) {
            Object value = header.value(keyword);
            String comment = header.card(keyword) == null || header.card(keyword).comment() == null ? ""
                    : header.card(keyword).comment();
            if (value instanceof String text && text.length() <= 68) {
                out.add(new FitsKeyword(keyword, text, comment));
            } else if (value instanceof Double number && Double.isFinite(number)) {
                out.add(new FitsKeyword(keyword, number, comment));
            } else if (value instanceof Long number) {
                out.add(new FitsKeyword(keyword, number, comment));
            } else if (value instanceof Boolean flag) {
                out.add(new FitsKeyword(keyword, flag, comment));
            }
        }
        return out;
    }
}
