package org.medoc.release.selection;

import org.medoc.db.jooq.products.tables.records.ProductFileRecord;
import org.medoc.db.jooq.products.tables.records.ProductRecord;
import org.medoc.release.model.CatalogFormat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * catalog.csv rows of derived products. A product has no observation of its own: the generic columns say what it
 * was made from ({@code MISSION}, {@code INSTRUME} of its inputs, joined with '+'; {@code DATE-BEG}/{@code DATE-END}
 * the span its inputs observed, or its reference time without inputs) and {@link CatalogRows#PRODUCT_COLUMNS} say what
 * it is ({@code PRODUCT_ID}, {@code PRODUCT_TYPE}, {@code PRODUCT_VERSION}, {@code DATE-REF} its reference time,
 * {@code INPUT_IDS} the observation ids of its inputs separated by spaces, {@code SOFTWARE} the software version that
 * made it). Columns without a value hold {@code MISSING}, as for observations.
 */
final class ProductRows {
    private ProductRows() {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    record Selected(ProductRecord product, ProductFileRecord file, String packagePath) {}

    /** What a product's inputs were, merged over its input observations. */
    record Inputs(List<Long> ids, TreeSet<String> missions, TreeSet<String> instruments, OffsetDateTime begin,
                  OffsetDateTime end) {
        static final Inputs NONE = new Inputs(List.of(), new TreeSet<>(), new TreeSet<>(), null, null);

        static Inputs of(long id, String mission, String instrument, OffsetDateTime begin, OffsetDateTime end) {
            TreeSet<String> missions = new TreeSet<>();
            TreeSet<String> instruments = new TreeSet<>();
            if (mission != null) {
                missions.add(mission);
            }
            if (instrument != null) {
                instruments.add(instrument);
            }
            return new Inputs(List.of(id), missions, instruments, begin, end == null ? begin : end);
        }

        Inputs plus(Inputs other) {
            List<Long> allIds = new ArrayList<>(ids);
            allIds.addAll(other.ids);
            TreeSet<String> allMissions = new TreeSet<>(missions);
            allMissions.addAll(other.missions);
            TreeSet<String> allInstruments = new TreeSet<>(instruments);
            allInstruments.addAll(other.instruments);
            return new Inputs(allIds, allMissions, allInstruments, min(begin, other.begin), max(end, other.end));
        }
    }

    static Map<String, String> row(CatalogFormat format, Selected selected, Inputs inputs) {
        ProductRecord product = selected.product();
        ProductFileRecord file = selected.file();
        String path = selected.packagePath();
        Map<String, String> row = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(CatalogRows.columns(format));
        columns.addAll(CatalogRows.PRODUCT_COLUMNS);
        for (String column : columns) {
            String value = switch (column) {
                case "FILENAME" -> path.substring(path.lastIndexOf('/') + 1);
                case "FILE_PATH" -> path.substring(0, path.lastIndexOf('/'));
                case "MISSION" -> String.join("+", inputs.missions());
                case "INSTRUME" -> String.join("+", inputs.instruments());
                case "DATE-BEG" -> iso(inputs.begin() != null ? inputs.begin() : product.getReferenceTime());
                case "DATE-END" -> iso(inputs.end() != null ? inputs.end() : product.getReferenceTime());
                case "DATE-REF" -> iso(product.getReferenceTime());
                case "SIZE" -> Long.toString(file.getSizeBytes());
                case "SHA256" -> file.getSha256().trim();
                case "PRODUCT_ID" -> Long.toString(product.getId());
                case "PRODUCT_TYPE" -> product.getType();
                case "PRODUCT_VERSION" -> product.getVersion();
                case "INPUT_IDS" -> inputs.ids().stream().map(String::valueOf).collect(Collectors.joining(" "));
                case "SOFTWARE" -> product.getSoftwareVersion();
                default -> null;
            };
            row.put(column, value == null || value.isBlank() ? CatalogRows.MISSING : value);
        }
        return row;
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : ISO.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
