package org.medoc.release.packaging;

import org.medoc.release.model.CatalogFormat;
import org.medoc.release.selection.CatalogRows;
import org.medoc.release.model.ReleaseFile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * catalog.csv: a header of the format's columns ({@link CatalogRows}, with the product columns when the release holds
 * derived products), then one row per file in package order.
 * Fields are quoted when they hold a comma, a quote or a line break (RFC 4180); lines end in CRLF as RFC 4180 says,
 * which pandas (what sospice reads it with) accepts.
 */
public final class CatalogCsv {
    private CatalogCsv() {
    }

    public static byte[] write(CatalogFormat format, List<ReleaseFile> files) {
        List<String> columns = CatalogRows.columns(format, files);
        StringBuilder csv = new StringBuilder();
        line(csv, columns);
        for (ReleaseFile file : files) {
            line(csv, columns.stream().map(column -> file.catalogRow().getOrDefault(column, CatalogRows.MISSING)).toList());
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(values.get(i)));
        }
        csv.append("\r\n");
    }

    static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
