package org.medoc.archive.ingest;

import org.medoc.archive.catalogue.Levels;
import org.medoc.archive.fits.FitsHduInfo;
import org.medoc.archive.fits.FitsHeader;
import org.medoc.archive.fits.FitsInspection;
import org.medoc.archive.fits.FitsRejectedException;
import org.medoc.archive.registry.Registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the headers of a FITS file into catalogue columns. Pure: no I/O, no database; the registry lookup is
 * passed in, so the normaliser can be tested and fuzzed alone.
 *
 * <p>Keywords are looked up in the data HDU first, then the primary HDU, then the other HDUs in file order,
 * because tile-compressed files (AIA, SHARP) keep everything in the extension and SPICE repeats its keys in
 * every window HDU.
 */
public final class HeaderNormaliser {

    /** Commissioning SPICE headers fill keywords with "MISSING (…)"; JSOC and SSW use a few other placeholders. */
    private static final Pattern SENTINEL = Pattern.compile("(?i)^(MISSING.*|NONE|N/A|NULL|UNKNOWN|)$");
    private static final Pattern JSOC_TIME = Pattern.compile(
            "(\\d{4})\\.(\\d{2})\\.(\\d{2})_(\\d{2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)(?:_(TAI|UTC|UT|Z))?");
    private static final Pattern OLD_DATE = Pattern.compile("(\\d{2})/(\\d{2})/(\\d{2})");

    private final Registry registry;
    private final InstrumentHints hints;

    public HeaderNormaliser(Registry registry) {
        this.registry = registry;
        this.hints = new InstrumentHints(registry);
    }

    public NormalisedHeader normalise(FitsInspection inspection) throws FitsRejectedException {
        return normalise(inspection, null);
    }

    /** As {@link #normalise(FitsInspection)}; the file name is one more hint of the instrument (JSOC series). */
    public NormalisedHeader normalise(FitsInspection inspection, String fileName) throws FitsRejectedException {
        List<FitsHeader> order = lookupOrder(inspection);
        Keys keys = new Keys(order);
        List<String> notes = new ArrayList<>();

        Registry.Match match = instrument(keys, fileName, notes);
        String detector = detector(keys, match);
        Double wavelength = wavelengthAngstrom(keys, match, notes);

        Times times = times(keys);
        FitsHduInfo data = inspection.primaryImage();
        List<Integer> naxis = new ArrayList<>();
        Integer width = null;
        Integer height = null;
        Integer bitpix = null;
        boolean compressed = false;
        if (data != null) {
            for (long axis : data.imageAxes()) {
                naxis.add((int) Math.min(axis, Integer.MAX_VALUE));
            }
            width = naxis.size() > 0 ? naxis.get(0) : null;
            height = naxis.size() > 1 ? naxis.get(1) : null;
            bitpix = data.imageBitpix();
            compressed = data.compressedImage();
        }

        NormalisedHeader.Wcs wcs = new NormalisedHeader.Wcs(
                keys.string("CTYPE1"), keys.string("CTYPE2"), keys.string("CUNIT1"), keys.string("CUNIT2"),
                keys.number("CRPIX1"), keys.number("CRPIX2"), keys.number("CRVAL1"), keys.number("CRVAL2"),
                keys.number("CDELT1"), keys.number("CDELT2"), rollDegrees(keys));
        Double rsun = keys.number("RSUN_OBS");
        if (rsun == null) {
            rsun = keys.number("RSUN_ARC");
        }
        if (rsun == null && keys.number("SOLAR_R") != null && wcs.cdelt1() != null) {
            // SoHO/EIT legacy headers give the solar radius in pixels
            rsun = keys.number("SOLAR_R") * Math.abs(wcs.cdelt1());
        }
        NormalisedHeader.Observer observer = new NormalisedHeader.Observer(
                keys.number("DSUN_OBS"), keys.number("HGLN_OBS"), keys.number("HGLT_OBS"),
                keys.number("CRLN_OBS"), keys.number("CRLT_OBS"), rsun);
        NormalisedHeader.Planning planning = new NormalisedHeader.Planning(
                keys.integer("SPIOBSID"), keys.integer("STUDY_ID"), keys.integer("MISOSTUD"),
                keys.string("STUDY"), keys.string("SOOPNAME"),
                keys.integer("STP") == null ? null : Math.toIntExact(keys.integer("STP")));
        Long harpnum = keys.integer("HARPNUM");
        String noaa = keys.string("NOAA_ARS");
        if (noaa == null && keys.integer("NOAA_AR") != null && keys.integer("NOAA_AR") > 0) {
            noaa = Long.toString(keys.integer("NOAA_AR"));
        }
        String level = keys.string("LEVEL");
        if (level == null) {
            level = keys.string("LVL_NUM");
        }

        return new NormalisedHeader(match.missionCode(), match.instrumentCode(), detector, wavelength,
                times.start(), times.end(), times.startText(), times.source(), times.exposureSeconds(),
                Levels.normalise(level), naxis, width, height, bitpix, compressed, wcs, observer, planning,
                harpnum == null ? null : Math.toIntExact(harpnum), noaa, List.copyOf(notes), keys.merged());
    }

    private static List<FitsHeader> lookupOrder(FitsInspection inspection) {
        List<FitsHeader> order = new ArrayList<>();
        FitsHduInfo data = inspection.primaryImage();
        if (data != null) {
            order.add(data.header());
        }
        for (FitsHduInfo hdu : inspection.hdus()) {
            if (hdu != data) {
                order.add(hdu.header());
            }
        }
        return order;
    }

    private Registry.Match instrument(Keys keys, String fileName, List<String> notes) throws FitsRejectedException {
        for (String keyword : List.of("OBSRVTRY", "INSTRUME", "TELESCOP")) {
            String value = keys.raw(keyword);
            if (value != null) {
                Optional<Registry.Match> match = registry.resolve(keyword, value);
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        Optional<InstrumentHints.Found> hinted = hints.find(keys::raw, fileName);
        if (hinted.isPresent()) {
            notes.add("instrument told by " + hinted.get().hint());
            return hinted.get().match();
        }
        String instrume = keys.raw("INSTRUME");
        String telescop = keys.raw("TELESCOP");
        if (instrume == null && telescop == null && keys.raw("OBSRVTRY") == null) {
            // Some cut-down files (e.g. resampled HMI test data) lose INSTRUME/TELESCOP; 6173 Å (Fe I) is HMI's line
            Double wavelength = keys.number("WAVELNTH");
            if (wavelength != null && Math.abs(wavelength - 6173) < 1) {
                notes.add("instrument inferred from WAVELNTH 6173 Å (HMI Fe I line): header has no INSTRUME/TELESCOP");
                return new Registry.Match("SDO", "HMI", "HMI");
            }
            throw new FitsRejectedException("unknown instrument: header has no INSTRUME, TELESCOP or OBSRVTRY, and"
                    + " neither DETECTOR, CAMERA, ORIGIN, CONTENT nor the file name names an instrument of the registry");
        }
        throw new FitsRejectedException("unknown instrument: INSTRUME=" + quote(instrume) + ", TELESCOP=" + quote(telescop)
                + " match no instrument of the registry, and neither DETECTOR, CAMERA, ORIGIN, CONTENT nor the file"
                + " name names one");
    }

    private String detector(Keys keys, Registry.Match match) {
        if (match.detectorCode() != null) {
            return match.detectorCode();
        }
        String declared = keys.string("DETECTOR");
        if (declared != null && registry.hasDetector(match.missionCode(), match.instrumentCode(), declared.trim())) {
            return declared.trim().toUpperCase(Locale.ROOT);
        }
        List<Registry.Detector> detectors = registry.detectorsOf(match.missionCode(), match.instrumentCode());
        return detectors.size() == 1 ? detectors.getFirst().code() : (declared == null ? null : declared.trim().toUpperCase(Locale.ROOT));
    }

    private Double wavelengthAngstrom(Keys keys, Registry.Match match, List<String> notes) {
        Double wavelength = keys.number("WAVELNTH");
        Object unit = keys.value("WAVEUNIT");
        if (wavelength == null && keys.number("WAVEMIN") != null && keys.number("WAVEMAX") != null) {
            // SPICE windows: WAVEMIN/WAVEMAX bound the window; its centre stands for the nominal wavelength
            wavelength = (keys.number("WAVEMIN") + keys.number("WAVEMAX")) / 2;
        }
        if (wavelength == null) {
            List<Registry.Detector> detectors = registry.detectorsOf(match.missionCode(), match.instrumentCode());
            if (detectors.size() == 1 && detectors.getFirst().wavelengthsAngstrom().size() == 1) {
                notes.add("wavelength from the instrument's convention (" + match.instrumentCode() + ")");
                return detectors.getFirst().wavelengthsAngstrom().getFirst();
            }
            return null;
        }
        return wavelength * angstromPerUnit(unit, match);
    }

    /** WAVEUNIT is a unit name ('angstrom', 'nm') or, in SPICE and the FITS WCS paper III style, a power of ten of the metre. */
    private static double angstromPerUnit(Object unit, Registry.Match match) {
        if (unit instanceof Number exponent) {
            return Math.pow(10, exponent.doubleValue() + 10);
        }
        String text = unit == null ? "" : unit.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "nm", "nanometer", "nanometers", "nanometre" -> 10;
            case "um", "micron", "micrometer" -> 1e4;
            case "m", "meter", "metre" -> 1e10;
            case "cm" -> 1e8;
            case "mm" -> 1e7;
            case "pm" -> 1e-2;
            case "" -> match.instrumentCode().equals("SPICE") ? 10 : 1;
            default -> 1;
        };
    }

    private record Times(Instant start, Instant end, String startText, String source, Double exposureSeconds) {}

    private static Times times(Keys keys) throws FitsRejectedException {
        Double exposure = keys.number("EXPTIME");
        if (exposure == null) {
            exposure = keys.number("XPOSURE");
        }
        Instant start = null;
        String source = null;
        String text = null;
        for (String keyword : List.of("DATE-BEG", "DATE-OBS", "DATE_OBS", "T_OBS")) {
            text = keys.string(keyword);
            if (text == null) {
                continue;
            }
            String time = keyword.equals("DATE-OBS") || keyword.equals("DATE_OBS") ? keys.string("TIME-OBS") : null;
            start = parseTime(text, time);
            if (start == null) {
                throw new FitsRejectedException("cannot place observation in time: " + keyword + " = '" + text
                        + "' is not a date-time (expected e.g. 2011-02-15T00:00:00.34 or 2011.02.15_02:00:00_TAI)");
            }
            if (keyword.equals("T_OBS") && exposure != null) {
                // T_OBS is mid-exposure in SDO headers
                start = start.minusNanos((long) (exposure * 5e8));
            }
            source = keyword;
            break;
        }
        if (start == null) {
            throw new FitsRejectedException("FITS header lacks DATE-BEG/DATE-OBS/DATE_OBS/T_OBS: cannot place observation in time");
        }
        Instant end = null;
        String endText = keys.string("DATE-END");
        if (endText != null) {
            end = parseTime(endText, null);
        }
        if (end == null && exposure != null && exposure > 0 && exposure < 1e7) {
            end = start.plusNanos((long) (exposure * 1e9));
        }
        if (end == null || end.isBefore(start)) {
            end = start;
        }
        return new Times(start, end, text, source, exposure);
    }

    /**
     * Parses the time spellings found in solar archives: ISO 8601 (with or without 'Z', any fraction), JSOC's
     * {@code 2011.02.15_02:00:00_TAI} (TAI converted to UTC), and the pre-2000 {@code dd/mm/yy} date with TIME-OBS.
     */
    static Instant parseTime(String text, String timeOfDay) {
        String value = text.trim();
        Instant plain = plainIso(value);
        if (plain != null) {
            return plain;
        }
        Matcher jsoc = JSOC_TIME.matcher(value);
        if (jsoc.matches()) {
            double seconds = Double.parseDouble(jsoc.group(6));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(jsoc.group(1)), Integer.parseInt(jsoc.group(2)),
                    Integer.parseInt(jsoc.group(3)), Integer.parseInt(jsoc.group(4)), Integer.parseInt(jsoc.group(5)))
                    .plusNanos(Math.round(seconds * 1e9));
            Instant instant = local.toInstant(ZoneOffset.UTC);
            return "TAI".equals(jsoc.group(7)) ? LeapSeconds.taiToUtc(instant) : instant;
        }
        Matcher old = OLD_DATE.matcher(value);
        if (old.matches()) {
            int year = Integer.parseInt(old.group(3));
            LocalDate date = LocalDate.of(year < 50 ? 2000 + year : 1900 + year,
                    Integer.parseInt(old.group(2)), Integer.parseInt(old.group(1)));
            return withTimeOfDay(date, timeOfDay);
        }
        if (value.endsWith("Z") || value.endsWith("z")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            if (value.length() == 10) {
                return withTimeOfDay(LocalDate.parse(value), timeOfDay);
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The commonest spelling, {@code yyyy-mm-ddThh:mm:ss[.f…]} (a space for the T, 1–9 fraction digits, an optional
     * trailing Z), read without {@code LocalDateTime.parse}'s general parser, a third of the normalisation of a small
     * file. Null for any other spelling and for impossible values (left to the general path, which gives null for them
     * as well), so the result is what the general path gives, only sooner.
     */
    private static Instant plainIso(String value) {
        int n = value.length();
        if (n > 0 && (value.charAt(n - 1) == 'Z' || value.charAt(n - 1) == 'z')) {
            n--;
        }
        if (!(n == 19 || (n >= 21 && n <= 29 && value.charAt(19) == '.'))
                || value.charAt(4) != '-' || value.charAt(7) != '-' || (value.charAt(10) != 'T' && value.charAt(10) != ' ')
                || value.charAt(13) != ':' || value.charAt(16) != ':') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int nanos = 0;
        if (n > 19) {
            nanos = digits(value, 20, n);
            for (int i = n; i < 29; i++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of chars [from, to) (at most 9), or -1 if one is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Instant withTimeOfDay(LocalDate date, String timeOfDay) {
        LocalTime time = LocalTime.MIDNIGHT;
        if (timeOfDay != null) {
            try {
                time = LocalTime.parse(timeOfDay.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return date.atTime(time).toInstant(ZoneOffset.UTC);
    }

    /** Roll angle: CROTA2 or CROTA, else from the PC matrix (for square pixels, atan2(PC2_1, PC1_1)). */
    private static Double rollDegrees(Keys keys) {
        Double crota = keys.number("CROTA2");
        if (crota == null) {
            crota = keys.number("CROTA");
        }
        if (crota == null && keys.number("PC1_1") != null && keys.number("PC2_1") != null) {
            crota = Math.toDegrees(Math.atan2(keys.number("PC2_1"), keys.number("PC1_1")));
        }
        return crota;
    }

    private static String quote(String value) {
        return value == null ? "(absent)" : "'" + value + "'";
    }

    /** Keyword lookup across HDUs, with sentinel values read as absent. */
    private static final class Keys {
        private final List<FitsHeader> headers;

        Keys(List<FitsHeader> headers) {
            this.headers = headers;
        }

        Object value(String keyword) {
            for (FitsHeader header : headers) {
                if (header.has(keyword)) {
                    Object value = header.value(keyword);
                    if (value instanceof String text && SENTINEL.matcher(text.trim()).matches()) {
                        return null;
                    }
                    return value;
                }
            }
            return null;
        }

        String raw(String keyword) {
            Object value = value(keyword);
            return value == null ? null : value.toString().trim();
        }

        String string(String keyword) {
            for (FitsHeader header : headers) {
                if (header.has(keyword)) {
                    String text = header.string(keyword);
                    return text == null || SENTINEL.matcher(text.trim()).matches() ? null : text.trim();
                }
            }
            return null;
        }

        Double number(String keyword) {
            for (FitsHeader header : headers) {
                if (header.has(keyword)) {
                    Double number = header.number(keyword);
                    return number == null || !Double.isFinite(number) ? null : number;
                }
            }
            return null;
        }

        Long integer(String keyword) {
            for (FitsHeader header : headers) {
                if (header.has(keyword)) {
                    return header.integer(keyword);
                }
            }
            return null;
        }

        Map<String, Object> merged() {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (FitsHeader header : headers) {
                header.asMap().forEach(merged::putIfAbsent);
            }
            return merged;
        }
    }

}
