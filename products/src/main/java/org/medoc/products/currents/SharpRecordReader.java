package org.medoc.products.currents;

import org.medoc.archive.fits.FitsHduInfo;
import org.medoc.archive.fits.FitsHeader;
import org.medoc.archive.fits.FitsImageReader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsInspector;
import org.medoc.archive.fits.FitsLimits;
import org.medoc.archive.fits.FitsRejectedException;
import org.medoc.archive.fits.ImagePlane;
import org.medoc.archive.ingest.LeapSeconds;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the segments of one SHARP CEA record (file names as JSOC exports them, {@link SharpFileName}) with
 * archive-core's guarded FITS reader, BSCALE/BZERO and BLANK applied. All segments must be of the same series, HARP and
 * T_REC and of the same size; the identity and the geometry come from the Br segment's header.
 */
public final class SharpRecordReader {

    /** The segments the current map needs. */
    public static final List<String> SEGMENTS = List.of("Br", "Bp", "Bt", "Bp_err", "Bt_err", "bitmap", "conf_disambig");
    private static final DateTimeFormatter T_REC = DateTimeFormatter.ofPattern("yyyy.MM.dd_HH:mm:ss");

    private SharpRecordReader() {
    }

    public static SharpRecord read(List<Path> files) throws IOException {
        Map<String, Path> bySegment = new HashMap<>();
        SharpFileName first = null;
        for (Path file : files) {
            String name = file.getFileName().toString();
            SharpFileName parsed = SharpFileName.parse(name).orElse(null);
            if (parsed == null) {
                // inputs fetched under a duplicate name get the observation id in front (ProductEngine)
                parsed = SharpFileName.parse(name.replaceFirst("^\\d+_", "")).orElseThrow(() -> new InvalidSharpInputException(
                        name + ": not a SHARP CEA segment name (hmi.sharp_cea_720s[_nrt].<HARP>.<yyyymmdd_hhmmss>_TAI.<segment>.fits)"));
            }
            if (first == null) {
                first = parsed;
            } else if (!first.recordKey().equals(parsed.recordKey())) {
                throw new InvalidSharpInputException(name + " belongs to record " + parsed.recordKey() + ", not "
                        + first.recordKey() + ": give the segments of one record (series, HARP, T_REC)");
            }
            if (SEGMENTS.contains(parsed.segment()) && bySegment.put(parsed.segment(), file) != null) {
                throw new InvalidSharpInputException("two " + parsed.segment() + " segments given for record " + parsed.recordKey());
            }
        }
        List<String> missing = SEGMENTS.stream().filter(s -> !bySegment.containsKey(s)).toList();
        if (first == null || !missing.isEmpty()) {
            throw new InvalidSharpInputException("SHARP record " + (first == null ? "" : first.recordKey() + " ")
                    + "lacks the segments " + missing + ": Jz needs " + SEGMENTS);
        }
        Map<String, ImagePlane> planes = new HashMap<>();
        FitsHeader brHeader = null;
        for (String segment : SEGMENTS) {
            Path file = bySegment.get(segment);
            FitsInspection inspection;
            try {
                inspection = FitsInspector.inspect(file, FitsLimits.defaults());
                FitsHduInfo hdu = inspection.primaryImage();
                if (hdu == null) {
                    throw new InvalidSharpInputException(file.getFileName() + ": no image in the file");
                }
                planes.put(segment, FitsImageReader.readPlane(file, inspection, hdu, FitsLimits.defaults()));
                if (segment.equals("Br")) {
                    brHeader = hdu.header();
                }
            } catch (FitsRejectedException e) {
                throw new InvalidSharpInputException(file.getFileName() + ": not a readable FITS image: " + e.getMessage());
            }
        }
        ImagePlane br = planes.get("Br");
        for (String segment : SEGMENTS) {
            ImagePlane plane = planes.get(segment);
            if (plane.width() != br.width() || plane.height() != br.height()) {
                throw new InvalidSharpInputException(bySegment.get(segment).getFileName() + " is " + plane.width() + "×"
                        + plane.height() + " but Br is " + br.width() + "×" + br.height());
            }
        }
        CeaPixelScale scale = scale(brHeader, bySegment.get("Br"));
        SharpPatch patch = new SharpPatch(br.width(), br.height(), br.values(), planes.get("Bp").values(),
                planes.get("Bt").values(), planes.get("Bp_err").values(), planes.get("Bt_err").values(),
                integers(planes.get("bitmap")), integers(planes.get("conf_disambig")), scale);
        Long harp = brHeader.integer("HARPNUM");
        if (harp != null && harp != first.harpNumber()) {
            throw new InvalidSharpInputException(bySegment.get("Br").getFileName() + ": HARPNUM " + harp
                    + " differs from the file name's HARP " + first.harpNumber());
        }
        String tRec = brHeader.string("T_REC");
        Instant tRecUtc = LeapSeconds.taiToUtc(tRec == null ? compactTRecTai(first.compactTRec()) : tRecTai(tRec));
        return new SharpRecord(first.dataType(), first.harpNumber(),
                tRec != null ? tRec : first.compactTRec() + "_TAI", tRecUtc, noaaNumbers(brHeader), patch, brHeader);
    }

    private static CeaPixelScale scale(FitsHeader header, Path file) {
        String ctype1 = header.string("CTYPE1");
        if (ctype1 == null || !ctype1.trim().toUpperCase(java.util.Locale.ROOT).endsWith("-CEA")) {
            throw new InvalidSharpInputException(file.getFileName() + ": CTYPE1 '" + ctype1
                    + "' is not a CEA projection: current maps are made from the sharp_cea series");
        }
        Double cdelt1 = header.number("CDELT1");
        if (cdelt1 == null || !(Math.abs(cdelt1) > 0)) {
            throw new InvalidSharpInputException(file.getFileName() + ": CDELT1 is missing or zero: the pixel size is unknown");
        }
        Double rsunRef = header.number("RSUN_REF");
        Double dsun = header.number("DSUN_OBS");
        Double rsunObs = header.number("RSUN_OBS");
        return new CeaPixelScale(Math.abs(cdelt1), rsunRef != null && rsunRef > 0 ? rsunRef : CeaPixelScale.SDO_RSUN_REF,
                dsun == null ? Double.NaN : dsun, rsunObs == null ? Double.NaN : rsunObs);
    }

    private static int[] integers(ImagePlane plane) {
        float[] values = plane.values();
        int[] integers = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            // a missing (BLANK) code is below every threshold
            integers[i] = Float.isNaN(values[i]) ? Integer.MIN_VALUE : Math.round(values[i]);
        }
        return integers;
    }

    /** NOAA_ARS ("11158" or "11158,11160"), else NOAA_AR when positive; empty when the HARP has no NOAA number. */
    static List<Integer> noaaNumbers(FitsHeader header) {
        List<Integer> numbers = new ArrayList<>();
        String list = header.string("NOAA_ARS");
        if (list != null) {
            for (String part : list.split("[,\\s]+")) {
                if (part.matches("\\d{1,9}") && Integer.parseInt(part) > 0) {
                    numbers.add(Integer.parseInt(part));
                }
            }
        }
        Long single = header.integer("NOAA_AR");
        if (numbers.isEmpty() && single != null && single > 0) {
            numbers.add(Math.toIntExact(single));
        }
        return numbers;
    }

    /** {@code 2011.02.15_02:00:00_TAI} → UTC. */
    public static Instant tRecUtc(String tRec) {
        return LeapSeconds.taiToUtc(tRecTai(tRec));
    }

    /** {@code 2011.02.15_02:00:00_TAI} → the instant on the TAI scale (read as if it were UTC). */
    public static Instant tRecTai(String tRec) {
        String text = tRec.trim();
        if (!text.endsWith("_TAI")) {
            throw new InvalidSharpInputException("T_REC '" + tRec + "' is not a JSOC TAI time (yyyy.MM.dd_HH:mm:ss_TAI)");
        }
        try {
            return LocalDateTime.parse(text.substring(0, text.length() - 4), T_REC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidSharpInputException("T_REC '" + tRec + "' is not a JSOC TAI time (yyyy.MM.dd_HH:mm:ss_TAI)");
        }
    }

    /** {@code 20110215_020000} of a file name → the instant on the TAI scale. */
    static Instant compactTRecTai(String compact) {
        try {
            return LocalDateTime.parse(compact, DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidSharpInputException("'" + compact + "' is not a JSOC file-name time (yyyyMMdd_HHmmss)");
        }
    }
}
