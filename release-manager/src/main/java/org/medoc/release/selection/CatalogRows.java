package org.medoc.release.selection;

import org.medoc.release.model.CatalogFormat;
import org.medoc.archive.catalogue.CatalogueRow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of catalog.csv, one per file, captured when a release is frozen.
 *
 * <p>SPICE collections get the 41 columns the {@code sospice} reader requires (repository solo-spice/sospice,
 * {@code sospice/catalog/file_metadata.py}, {@code required_columns}; ARCHIVE_AND_RELEASES.md §6.4), then
 * {@code FILE_PATH}, {@code WAVECOV}, {@code TIMAQUTC}, {@code NBIN3}, and medoc's {@code SIZE} and {@code SHA256}
 * (extra columns do not break the reader). Values come from the file's FITS header; an absent value is the literal
 * {@code MISSING}, as SPICE writes it. Other collections get {@link #GENERIC_COLUMNS}.
 */
public final class CatalogRows {
    private CatalogRows() {
    }

    /** sospice's required columns, in its order. */
    public static final List<String> SPICE_REQUIRED = List.of(
            "NAXIS1", "NAXIS2", "NAXIS3", "NAXIS4", "FILENAME", "LEVEL", "DATE", "PARENT",
            "DATE-BEG", "OBT_BEG", "TELAPSE", "XPOSURE",
            "SPIOBSID", "RASTERNO", "STUDY", "STUDYTYP", "MISOSTUD", "STP", "OBS_ID", "SOOPNAME", "SOOPTYPE", "NWIN",
            "DARKMAP", "COMPLETE", "SLIT_WID",
            "CRVAL1", "CDELT1", "CTYPE1", "CUNIT1", "CRVAL2", "CDELT2", "CTYPE2", "CUNIT2", "CROTA",
            "DSUN_AU", "HGLT_OBS", "HGLN_OBS",
            "PRSTEP1", "PRPROC1", "PRPVER1", "PRPARA1");

    public static final List<String> SPICE_COLUMNS = concat(SPICE_REQUIRED,
            List.of("FILE_PATH", "WAVECOV", "TIMAQUTC", "NBIN3", "SIZE", "SHA256"));

    /**
     * medoc's generic columns: where the file is, what it is, when it was observed, and how to check it.
     * Names follow FITS keywords where one exists.
     */
    public static final List<String> GENERIC_COLUMNS = List.of("FILENAME", "FILE_PATH", "OBSERVATION_ID", "MISSION",
            "INSTRUME", "DETECTOR", "LEVEL", "WAVELNTH", "DATE-BEG", "DATE-END", "XPOSURE", "NAXIS1", "NAXIS2", "SIZE", "SHA256");

    /**
     * Columns added after the format's own when a release holds derived products (ProductRows says what they hold);
     * observations have MISSING there. A release of observations only keeps exactly the format's columns.
     */
    public static final List<String> PRODUCT_COLUMNS = List.of("PRODUCT_ID", "PRODUCT_TYPE", "PRODUCT_VERSION", "DATE-REF",
            "INPUT_IDS", "SOFTWARE");

    public static final String MISSING = "MISSING";
    private static final double METRES_PER_AU = 149_597_870_700.0; // IAU 2012 Resolution B2
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    public static List<String> columns(CatalogFormat format) {
        return format == CatalogFormat.SPICE ? SPICE_COLUMNS : GENERIC_COLUMNS;
    }

    /** The columns of a release's catalog.csv: the format's, then {@link #PRODUCT_COLUMNS} if it holds a product. */
    public static List<String> columns(CatalogFormat format, List<org.medoc.release.model.ReleaseFile> files) {
        boolean products = files.stream().anyMatch(file -> file.kind() == org.medoc.release.model.FileKind.PRODUCT);
        return products ? concat(columns(format), PRODUCT_COLUMNS) : columns(format);
    }

    static Map<String, String> row(CatalogFormat format, CatalogueRow observation, String packagePath) {
        Map<String, Object> header = observation.header();
        Map<String, String> row = new LinkedHashMap<>();
        String fileName = packagePath.substring(packagePath.lastIndexOf('/') + 1);
        String filePath = packagePath.substring(0, packagePath.lastIndexOf('/'));
        for (String column : columns(format)) {
            String value = switch (column) {
                case "FILENAME" -> fileName;
                case "FILE_PATH" -> filePath;
                case "OBSERVATION_ID" -> Long.toString(observation.id());
                case "MISSION" -> observation.mission();
                case "INSTRUME" -> observation.instrument();
                case "DETECTOR" -> observation.detector();
                case "LEVEL" -> format == CatalogFormat.SPICE ? text(header.getOrDefault("LEVEL", level(observation)))
                        : observation.level();
                case "WAVELNTH" -> observation.wavelengthAngstrom() == null ? null : observation.wavelengthAngstrom().toString();
                case "DATE-BEG" -> format == CatalogFormat.SPICE && header.get("DATE-BEG") != null
                        ? text(header.get("DATE-BEG")) : iso(observation.dateObs());
                case "DATE-END" -> iso(observation.dateEnd());
                case "XPOSURE" -> header.get("XPOSURE") != null ? text(header.get("XPOSURE"))
                        : observation.exposureSeconds() == null ? null : observation.exposureSeconds().toString();
                case "DSUN_AU" -> header.get("DSUN_AU") != null ? text(header.get("DSUN_AU"))
                        : observation.dsunObsMetres() == null ? null : Double.toString(observation.dsunObsMetres() / METRES_PER_AU);
                case "NAXIS1", "NAXIS2", "NAXIS3", "NAXIS4" -> header.get(column) != null ? text(header.get(column))
                        : axis(observation.naxis(), column.charAt(5) - '1');
                case "SIZE" -> Long.toString(observation.sizeBytes());
                case "SHA256" -> observation.sha256();
                default -> text(header.get(column));
            };
            row.put(column, value == null || value.isBlank() ? MISSING : value);
        }
        return row;
    }

    private static String level(CatalogueRow observation) {
        return observation.level() == null ? null : "L" + observation.level();
    }

    private static String axis(List<Integer> naxis, int index) {
        return index < naxis.size() && naxis.get(index) != null ? naxis.get(index).toString() : null;
    }

    private static String iso(Instant time) {
        return time == null ? null : ISO.format(time.atOffset(ZoneOffset.UTC));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        // commissioning SPICE headers put "MISSING (Study Set and/or IORs not available ...)" in keywords (PLANNING.md §12)
        return text.startsWith(MISSING) ? MISSING : text;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
