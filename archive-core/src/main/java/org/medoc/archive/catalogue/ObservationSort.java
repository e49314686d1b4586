package org.medoc.archive.catalogue;

import java.util.Locale;

/** Result order: a field and a direction. Ties are always broken by id in the same direction, so keyset paging is exact. */
public record ObservationSort(Field field, boolean ascending) {

    public static final ObservationSort DEFAULT = new ObservationSort(Field.DATE_OBS, false);

    public enum Field { DATE_OBS, WAVELENGTH, INSTRUMENT, SIZE, ID }

    /** Parses {@code dateObs}, {@code -dateObs}, {@code dateObs,desc} or {@code wavelength,asc}. */
    public static ObservationSort parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return DEFAULT;
        }
        String text = expression.trim();
        boolean ascending = true;
        if (text.startsWith("-")) {
            ascending = false;
            text = text.substring(1);
        }
        int comma = text.indexOf(',');
        if (comma >= 0) {
            String direction = text.substring(comma + 1).trim().toLowerCase(Locale.ROOT);
            text = text.substring(0, comma).trim();
            ascending = switch (direction) {
                case "asc" -> true;
                case "desc" -> false;
                default -> throw new InvalidQueryException("sort", "sort direction must be asc or desc, was '" + direction + "'");
            };
        }
        Field field = switch (text.toLowerCase(Locale.ROOT)) {
            case "dateobs", "date_obs", "date" -> Field.DATE_OBS;
            case "wavelength" -> Field.WAVELENGTH;
            case "instrument" -> Field.INSTRUMENT;
            case "size" -> Field.SIZE;
            case "id" -> Field.ID;
            default -> throw new InvalidQueryException("sort",
                    "cannot sort by '" + text + "'; use dateObs, wavelength, instrument, size or id");
        };
        return new ObservationSort(field, ascending);
    }

    public String asParameter() {
        String name = switch (field) {
            case DATE_OBS -> "dateObs";
            case WAVELENGTH -> "wavelength";
            case INSTRUMENT -> "instrument";
            case SIZE -> "size";
            case ID -> "id";
        };
        return name + (ascending ? ",asc" : ",desc");
    }
}
