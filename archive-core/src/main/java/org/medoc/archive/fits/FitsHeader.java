package org.medoc.archive.fits;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HDU's header: cards in file order. Lookups return the FIRST card with that keyword (keyword compared
 * case-insensitively).
 */
public record FitsHeader(List<FitsCard> cards) {

    public FitsHeader {
        cards = List.copyOf(cards);
    }

    public boolean has(String keyword) {
        return card(keyword) != null;
    }

    /** The first card with this keyword, or null. */
    public FitsCard card(String keyword) {
        for (FitsCard c : cards) {
            if (c.keyword().equalsIgnoreCase(keyword)) {
                return c;
            }
        }
        return null;
    }

    /** The first card's value (String, Long, Double, Boolean) or null. */
    public Object value(String keyword) {
        FitsCard c = card(keyword);
        return c == null ? null : c.value();
    }

    /**
     * The value as a string: strings as they are, numbers formatted plainly ({@code 171}, {@code 2.000191}),
     * logicals as {@code T}/{@code F}; null if absent or empty.
     */
    public String string(String keyword) {
        Object v = value(keyword);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (v instanceof Boolean b) {
            return b ? "T" : "F";
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /** The numeric value (numeric strings are parsed too, FORTRAN D exponents allowed); null if absent or not numeric. */
    public Double number(String keyword) {
        return toNumber(value(keyword));
    }

    /** The integral value (also from {@code "12"} strings or {@code 12.0}); null otherwise. */
    public Long integer(String keyword) {
        Object v = value(keyword);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim().replaceFirst("^\\+", ""));
            } catch (NumberFormatException e) {
                // maybe "12.0"
            }
        }
        Double d = toNumber(v);
        if (d != null && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        return null;
    }

    /** keyword → value, first occurrence wins, COMMENT/HISTORY/blank cards excluded, file order. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (FitsCard c : cards) {
            String k = c.keyword();
            if (k.isEmpty() || k.equals("COMMENT") || k.equals("HISTORY") || k.equals("END")) {
                continue;
            }
            if (!map.containsKey(k)) {
                map.put(k, c.value());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static Double toNumber(Object v) {
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            String t = s.trim().toUpperCase(Locale.ROOT).replace('D', 'E');
            if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(E[+-]?\\d+)?")) {
                return null;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
