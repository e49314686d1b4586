package org.medoc.products.currents;

import java.util.Locale;
import java.util.Optional;

/**
 * Which SHARP series a record comes from (PRODUCTS.md §3.1): {@link #SCI} the definitive {@code hmi.sharp_cea_720s}
 * (about five weeks after the observation), {@link #NRT} the near-real-time {@code hmi.sharp_cea_720s_nrt} (about three
 * hours). HARP numbers are assigned per series, so HARP 377 of one is not HARP 377 of the other: a product names both.
 */
public enum SharpDataType {
    SCI("hmi.sharp_cea_720s"),
    NRT("hmi.sharp_cea_720s_nrt");

    private final String series;

    SharpDataType(String series) {
        this.series = series;
    }

    /** The JSOC series name. */
    public String series() {
        return series;
    }

    /** {@code sci} or {@code nrt}, as the API and the catalogue write it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From a JSOC series name ({@code hmi.sharp_cea_720s_nrt}). */
    public static Optional<SharpDataType> ofSeries(String series) {
        for (SharpDataType type : values()) {
            if (type.series.equalsIgnoreCase(series)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** From {@code sci}/{@code nrt} (any case). */
    public static SharpDataType ofCode(String code) {
        for (SharpDataType type : values()) {
            if (type.code().equalsIgnoreCase(code.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("data type must be nrt or sci, was '" + code + "'");
    }
}
