package org.medoc.products.currents;

import org.medoc.archive.storage.Sha256;
import org.medoc.products.image.ColourMap;
import org.medoc.products.image.ColourScale;
import org.medoc.products.image.FitsKeyword;
import org.medoc.products.image.FitsProductWriter;
import org.medoc.products.image.MapPreview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Entry point of the currents kernel: the segments of one SHARP record in, one FITS file and one PNG preview out.
 *
 * <p>The FITS file has a header-only primary HDU with the record's identity (HARPNUM, NOAA_AR/NOAA_ARS, DATATYPE,
 * SERIES, T_REC), the recomputed MEANJZD, TOTUSJZ, ERRJZ and CMASK beside JSOC's values of the same record (JSOCJZD,
 * JSOCTJZ, JSOCEJZ, JSOCMASK) and the provenance; then the image extensions JZ and JZ_ERR [mA/m^2] (float32) and
 * MASK (uint8, 1 = counted in the keywords), each on the input's CEA WCS with the observer keywords, so that any FITS
 * WCS reader (astropy, sunpy) places them on the Sun as the Br segment.
 */
public final class CurrentMapMaker {

    public static final String PREVIEW_SUFFIX = "_jz.png";
    /** ±50 mA m⁻² holds the 1–99 % range of Jz inside HARP 377's mask (−44.7 … +48.9). */
    static final ColourScale JZ_SCALE = new ColourScale(ColourMap.RDBU, -50, 50, false, "Jz [mA/m^2]");
    static final int PREVIEW_SIDE = 1024;

    private static final List<String> OBSERVATION_KEYWORDS = List.of("DATE-OBS", "T_OBS", "T_REC", "TELESCOP", "INSTRUME",
            "WAVELNTH", "DSUN_OBS", "CRLN_OBS", "CRLT_OBS", "HGLN_OBS", "HGLT_OBS", "CAR_ROT", "RSUN_OBS", "RSUN_REF");
    private static final List<String> WCS_KEYWORDS = List.of("WCSNAME", "CTYPE1", "CTYPE2", "CUNIT1", "CUNIT2", "CRPIX1",
            "CRPIX2", "CRVAL1", "CRVAL2", "CDELT1", "CDELT2", "CROTA2", "PC1_1", "PC1_2", "PC2_1", "PC2_2", "LONPOLE",
            "LATPOLE");

    /**
     * What the product records about its making.
     *
     * @param inputs the input file names with their SHA-256 as catalogued; empty makes the maker hash the files itself
     */
    public record Provenance(String softwareVersion, String productVersion, Map<String, String> inputs) {
        public Provenance {
            inputs = inputs == null ? Map.of() : new LinkedHashMap<>(inputs);
        }
    }

    private final CurrentDensity kernel = new CurrentDensity();

    /** The product's base file name: {@code currents_sci_harp377_20110215_020000_TAI}. */
    static String baseName(SharpRecord record) {
        String compact = record.tRec().replace(".", "").replace(":", "").replace("_TAI", "");
        return "currents_" + record.dataType().code() + "_harp" + record.harpNumber() + "_"
                + (compact.matches("\\d{8}_\\d{6}") ? compact : DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(record.tRecUtc())) + "_TAI";
    }

    public CurrentMapResult make(List<Path> segmentFiles, Path outputDirectory, Provenance provenance) throws IOException {
        SharpRecord record = SharpRecordReader.read(segmentFiles);
        JzMap map = kernel.compute(record.patch());
        Files.createDirectories(outputDirectory);
        String base = baseName(record);
        Path fitsFile = outputDirectory.resolve(base + ".fits");
        Map<String, String> inputs = provenance.inputs();
        if (inputs.isEmpty()) {
            inputs = new LinkedHashMap<>();
            for (Path file : segmentFiles) {
                inputs.put(file.getFileName().toString(), Sha256.of(file));
            }
        }
        List<FitsKeyword> observation = FitsKeyword.copyFrom(record.brHeader(), OBSERVATION_KEYWORDS);
        List<FitsKeyword> identity = identity(record, map);
        List<FitsKeyword> primary = new ArrayList<>(observation);
        primary.addAll(identity);
        primary.addAll(productKeywords(fitsFile, record, provenance, inputs));
        List<FitsKeyword> perMap = new ArrayList<>(FitsKeyword.copyFrom(record.brHeader(), WCS_KEYWORDS));
        perMap.addAll(observation);
        perMap.addAll(identity);
        FitsProductWriter.write(fitsFile, primary, history(), List.of(
                new FitsProductWriter.ImageExtension("JZ", map.rows(map.jz()), "mA/m^2", perMap,
                        List.of("Radial current density Jz = (dBy/dx - dBx/dy)/mu0, Bx=Bp, By=-Bt")),
                new FitsProductWriter.ImageExtension("JZ_ERR", map.rows(map.sigma()), "mA/m^2", perMap,
                        List.of("1-sigma error of JZ propagated from Bp_err and Bt_err")),
                new FitsProductWriter.ImageExtension("MASK", map.maskRows(), null, perMap,
                        List.of("1 where conf_disambig >= 70 and bitmap >= 30 (SHARP keywords)"))));
        Path preview = outputDirectory.resolve(base + PREVIEW_SUFFIX);
        String title = "HMI SHARP " + record.harpNumber() + " (" + record.dataType().code() + ")"
                + (record.noaaNumbers().isEmpty() ? "" : "  NOAA " + noaaList(record)) + "  Jz  " + record.tRec();
        MapPreview.write(preview, map.rows(map.jz()), null, JZ_SCALE, title, PREVIEW_SIDE);
        return new CurrentMapResult(fitsFile, preview, record, map);
    }

    static String noaaList(SharpRecord record) {
        return record.noaaNumbers().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The record's identity and the recomputed keywords, written in every HDU. */
    private static List<FitsKeyword> identity(SharpRecord record, JzMap map) {
        List<FitsKeyword> keys = new ArrayList<>();
        keys.add(new FitsKeyword("HARPNUM", record.harpNumber(), "HARP number (of the series SERIES)"));
        keys.add(new FitsKeyword("NOAA_AR", record.noaaNumbers().isEmpty() ? 0 : record.noaaNumbers().getFirst(),
                "first NOAA active region of the HARP, 0 if none"));
        keys.add(new FitsKeyword("NOAA_NUM", record.noaaNumbers().size(), "number of NOAA regions in the HARP"));
        keys.add(new FitsKeyword("NOAA_ARS", noaaList(record), "NOAA active regions of the HARP"));
        keys.add(new FitsKeyword("DATATYPE", record.dataType().code(), "nrt (near-real-time) or sci (definitive)"));
        keys.add(new FitsKeyword("SERIES", record.dataType().series(), "JSOC series of the inputs"));
        JzKeywords k = map.keywords();
        keys.add(new FitsKeyword("CMASK", k.cmask(), "pixels in the mask (recomputed)"));
        if (k.cmask() > 0) {
            keys.add(new FitsKeyword("MEANJZD", k.meanJzd(), "[mA/m^2] mean Jz over the mask (recomputed)"));
            keys.add(new FitsKeyword("TOTUSJZ", k.totUsJz(), "[A] total unsigned Jz over the mask (recomputed)"));
            keys.add(new FitsKeyword("ERRJZ", k.errJz(), "[mA/m^2] error of MEANJZD (recomputed)"));
        }
        return keys;
    }

    private static List<FitsKeyword> productKeywords(Path fitsFile, SharpRecord record, Provenance provenance,
                                                     Map<String, String> inputs) {
        List<FitsKeyword> keys = new ArrayList<>();
        keys.add(new FitsKeyword("ORIGIN", "medoc", "institution or software that made the file"));
        keys.add(new FitsKeyword("FILENAME", fitsFile.getFileName().toString(), ""));
        keys.add(new FitsKeyword("DATE", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .replace("Z", ""), "file creation (UTC)"));
        keys.add(new FitsKeyword("DATE-REF", DateTimeFormatter.ISO_INSTANT.format(record.tRecUtc()).replace("Z", ""),
                "reference time: T_REC in UTC"));
        keys.add(new FitsKeyword("PRODTYPE", CurrentMapsRecipe.TYPE, "radial electric current density map"));
        keys.add(new FitsKeyword("PRODVER", provenance.productVersion(), "product version"));
        keys.add(new FitsKeyword("CREATOR", "medoc " + provenance.softwareVersion(), "software and version"));
        keys.add(new FitsKeyword("JZMETH", "central differences, 2nd-order one-sided edges", "JSOC sw_functions.c"));
        keys.add(new FitsKeyword("JZPIXSZ", record.patch().scale().pixelMetres(), "[m] CEA pixel size on the Sun"));
        keys.add(new FitsKeyword("JZMINCON", CurrentDensity.MIN_CONF_DISAMBIG, "mask: conf_disambig >= this"));
        keys.add(new FitsKeyword("JZMINBIT", CurrentDensity.MIN_BITMAP, "mask: bitmap >= this"));
        // JSOC's own values of this record, for comparison (the regression check of PRODUCTS.md 3.6)
        jsoc(keys, record, "MEANJZD", "JSOCJZD", "[mA/m^2] JSOC MEANJZD of the input");
        jsoc(keys, record, "TOTUSJZ", "JSOCTJZ", "[A] JSOC TOTUSJZ of the input");
        jsoc(keys, record, "ERRJZ", "JSOCEJZ", "[mA/m^2] JSOC ERRJZ of the input");
        jsoc(keys, record, "CMASK", "JSOCMASK", "JSOC CMASK of the input");
        int i = 0;
        for (Map.Entry<String, String> input : inputs.entrySet()) {
            i++;
            String name = input.getKey().length() > 68 ? input.getKey().substring(input.getKey().length() - 68) : input.getKey();
            keys.add(new FitsKeyword("INFILE" + i, name, "input file"));
            keys.add(new FitsKeyword("INSHA" + i, input.getValue(), "SHA-256 of the input file"));
        }
        return keys;
    }

    private static void jsoc(List<FitsKeyword> keys, SharpRecord record, String keyword, String as, String comment) {
        Double value = record.brHeader().number(keyword);
        if (value != null && Double.isFinite(value)) {
            keys.add(new FitsKeyword(as, value, comment));
        }
    }

    private static List<String> history() {
        return List.of(
                "Jz = (dBy/dx - dBx/dy)/mu0 with Bx = Bp, By = -Bt (Bt is +south),",
                "central differences, second-order one-sided on the edges.",
                "1 G/px = 1e-4/(mu0 dx) T/m, dx = CDELT1[arcsec] RSUN_REF/RSUN_OBS.",
                "JZ_ERR: Bp_err and Bt_err propagated in quadrature.",
                "MEANJZD = mean(Jz), TOTUSJZ = sum|Jz| dx^2, ERRJZ = sqrt(sum s^2)/N",
                "over MASK (conf_disambig >= 70 and bitmap >= 30).",
                "Method and references: medoc docs/algorithms/currents.md.");
    }
}
