package org.medoc.release.selection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Where a file goes in a release package: {@code data/level<N>/<yyyy>/<mm>/<dd>/<file name>}, SPICE's FILE_PATH
 * layout ({@code levelN/YYYY/MM/DD}, ARCHIVE_AND_RELEASES.md §6.3) under BagIt's {@code data/} payload directory
 * (RFC 8493 §2.1.2). Names are reduced to letters, digits, '.', '_' and '-', so that no path needs escaping and none
 * can leave the package. Derived products go to {@code data/products/<type>/<version>/<yyyy>/<mm>/<dd>/<file name>},
 * dated by the product's reference time, so that versions of one product type never mix.
 */
public final class PackagePaths {
    private PackagePaths() {
    }

    public static String path(String level, OffsetDateTime observed, String fileName) {
        OffsetDateTime utc = observed.withOffsetSameInstant(ZoneOffset.UTC);
        return "data/" + levelDirectory(level) + String.format(Locale.ROOT, "/%04d/%02d/%02d/", utc.getYear(),
                utc.getMonthValue(), utc.getDayOfMonth()) + safeName(fileName);
    }

    /** A product's data file: {@code data/products/<type>/<version>/<yyyy>/<mm>/<dd>/<file name>}. */
    public static String productPath(String type, String version, OffsetDateTime reference, String fileName) {
        OffsetDateTime utc = reference.withOffsetSameInstant(ZoneOffset.UTC);
        return "data/products/" + safeName(type) + "/" + safeName(version) + String.format(Locale.ROOT, "/%04d/%02d/%02d/",
                utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth()) + safeName(fileName);
    }

    static String levelDirectory(String level) {
        return level == null || level.isBlank() ? "level-unknown" : "level" + safeName(level.toLowerCase(Locale.ROOT));
    }

    public static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("\\.{2,}", ".");
        return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
    }

    /** The same path with {@code -<id>} before the extension, for the second file of the same name on the same day. */
    static String disambiguate(String path, long id) {
        int slash = path.lastIndexOf('/');
        int dot = path.indexOf('.', slash);
        return dot < 0 ? path + "-" + id : path.substring(0, dot) + "-" + id + path.substring(dot);
    }
}
