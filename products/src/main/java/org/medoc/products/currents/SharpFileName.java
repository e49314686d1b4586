package org.medoc.products.currents;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a SHARP segment's JSOC export name says: {@code hmi.sharp_cea_720s[_nrt].<HARP>.<yyyymmdd_hhmmss>_TAI.<segment>.fits}.
 * The series is known only from the name (the headers do not carry it), so this is how a record's data type is told.
 */
public record SharpFileName(SharpDataType dataType, int harpNumber, String compactTRec, String segment) {

    private static final Pattern NAME = Pattern.compile(
            "(hmi\\.sharp_cea_720s(?:_nrt)?)\\.(\\d{1,9})\\.(\\d{8}_\\d{6})_TAI\\.([A-Za-z_]+)\\.fits", Pattern.CASE_INSENSITIVE);

    /** The parts of a file name (last path element), if it is a SHARP CEA segment name. */
    public static Optional<SharpFileName> parse(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return SharpDataType.ofSeries(m.group(1)).map(type -> new SharpFileName(type, Integer.parseInt(m.group(2)),
                m.group(3), m.group(4)));
    }

    /** The record this segment belongs to: series, HARP and T_REC. */
    public String recordKey() {
        return dataType.code() + "-" + harpNumber + "-" + compactTRec;
    }
}
