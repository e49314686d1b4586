package org.medoc.release.selection;

import org.medoc.archive.catalogue.ObservationSummary;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.SelectedProduct;
import org.medoc.release.model.CatalogFormat;

import java.time.Instant;
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

    /** What a product's inputs were: their observation ids, and over those the catalogue describes, missions, instruments and span. */
    record Inputs(List<Long> ids, TreeSet<String> missions, TreeSet<String> instruments, Instant begin, Instant end) {

        static Inputs of(SelectedProduct product, Map<Long, ObservationSummary> observations) {
            TreeSet<String> missions = new TreeSet<>();
            TreeSet<String> instruments = new TreeSet<>();
            Instant begin = null;
            Instant end = null;
            for (long id : product.inputIds()) {
                ObservationSummary input = observations.get(id);
                if (input == null) {
                    continue;
                }
                if (input.mission() != null) {
                    missions.add(input.mission());
                }
                if (input.instrument() != null) {
                    instruments.add(input.instrument());
                }
                begin = begin == null || input.dateObs().isBefore(begin) ? input.dateObs() : begin;
                end = end == null || input.dateEnd().isAfter(end) ? input.dateEnd() : end;
            }
            return new Inputs(product.inputIds(), missions, instruments, begin, end);
        }
    }

    static Map<String, String> row(CatalogFormat format, SelectedProduct product, String path, Inputs inputs) {
        ProductDetail.ProductFile file = product.dataFile();
        Map<String, String> row = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(CatalogRows.columns(format));
        columns.addAll(CatalogRows.PRODUCT_COLUMNS);
        for (String column : columns) {
            String value = switch (column) {
                case "FILENAME" -> path.substring(path.lastIndexOf('/') + 1);
                case "FILE_PATH" -> path.substring(0, path.lastIndexOf('/'));
                case "MISSION" -> String.join("+", inputs.missions());
                case "INSTRUME" -> String.join("+", inputs.instruments());
                case "DATE-BEG" -> iso(inputs.begin() != null ? inputs.begin() : product.referenceTime());
                case "DATE-END" -> iso(inputs.end() != null ? inputs.end() : product.referenceTime());
                case "DATE-REF" -> iso(product.referenceTime());
                case "SIZE" -> Long.toString(file.size());
                case "SHA256" -> file.sha256();
                case "PRODUCT_ID" -> Long.toString(product.id());
                case "PRODUCT_TYPE" -> product.type();
                case "PRODUCT_VERSION" -> product.version();
                case "INPUT_IDS" -> inputs.ids().stream().map(String::valueOf).collect(Collectors.joining(" "));
                case "SOFTWARE" -> product.softwareVersion();
                default -> null;
            };
            row.put(column, value == null || value.isBlank() ? CatalogRows.MISSING : value);
        }
        return row;
    }

    private static String iso(Instant time) {
        return time == null ? null : ISO.format(time.atOffset(ZoneOffset.UTC));
    }
}
