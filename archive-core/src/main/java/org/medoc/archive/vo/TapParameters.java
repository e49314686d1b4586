package org.medoc.archive.vo;

import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a TAP request, by name case-insensitively as DALI requires (values keep their case): from the
 * query string and from an application/x-www-form-urlencoded body alike.
 */
record TapParameters(Map<String, String> values) {

    static TapParameters of(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (given.length > 0) {
                values.put(name.toUpperCase(Locale.ROOT), given[given.length - 1]);
            }
        });
        return new TapParameters(values);
    }

    String get(String name) {
        return values.get(name.toUpperCase(Locale.ROOT));
    }

    /** Checks LANG and REQUEST, which this service accepts as ADQL and doQuery only. */
    void checkQueryRequest() {
        String lang = get("LANG");
        if (lang != null && !lang.isBlank() && !lang.trim().toUpperCase(Locale.ROOT).matches("ADQL(-2\\.[01])?")) {
            throw new AdqlException("LANG " + lang + " is not supported: use LANG=ADQL");
        }
        String request = get("REQUEST");
        if (request != null && !request.isBlank() && !"doQuery".equalsIgnoreCase(request.trim())) {
            throw new AdqlException("REQUEST " + request + " is not supported: use REQUEST=doQuery (or leave it out)");
        }
        if (get("UPLOAD") != null) {
            throw new AdqlException("UPLOAD is not supported by this service");
        }
    }

    /** MAXREC as given, or null. */
    Long maxrec() {
        String text = get("MAXREC");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new AdqlException("MAXREC must be a whole number of rows, not " + text);
        }
    }

    String format() {
        String format = get("RESPONSEFORMAT");
        return format != null ? format : get("FORMAT");
    }
}
