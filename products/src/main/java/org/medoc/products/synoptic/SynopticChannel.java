package org.medoc.products.synoptic;

import java.util.List;
import java.util.Optional;

/**
 * The channels a synoptic map is made for (PRODUCTS.md §2.1): SoHO/EIT's four (1996–2010) and SDO/AIA's nine (from
 * 2010), each with the STEREO/EUVI band that joins its merge from a second viewpoint (AIA 193 and EIT 195 with EUVI
 * 195, as in sunpy's AIA + EUVI full-Sun example), or none.
 */
public enum SynopticChannel {
    EIT_171("EIT", 171, 171), EIT_195("EIT", 195, 195), EIT_284("EIT", 284, 284), EIT_304("EIT", 304, 304),
    AIA_94("AIA", 94, 0), AIA_131("AIA", 131, 0), AIA_171("AIA", 171, 171), AIA_193("AIA", 193, 195),
    AIA_211("AIA", 211, 0), AIA_304("AIA", 304, 304), AIA_335("AIA", 335, 0), AIA_1600("AIA", 1600, 0),
    AIA_1700("AIA", 1700, 0);

    /** Instrument and detector of the second viewpoint in the catalogue. */
    public static final String EUVI_INSTRUMENT = "SECCHI";
    public static final String EUVI_DETECTOR = "EUVI";

    private final String instrument;
    private final int wavelengthAngstrom;
    private final int euviWavelengthAngstrom;

    SynopticChannel(String instrument, int wavelengthAngstrom, int euviWavelengthAngstrom) {
        this.instrument = instrument;
        this.wavelengthAngstrom = wavelengthAngstrom;
        this.euviWavelengthAngstrom = euviWavelengthAngstrom;
    }

    /** The catalogue's instrument code, {@code EIT} or {@code AIA}. */
    public String instrument() {
        return instrument;
    }

    public int wavelengthAngstrom() {
        return wavelengthAngstrom;
    }

    /** The EUVI band merged with this channel, if EUVI has one. */
    public Optional<Integer> euviWavelengthAngstrom() {
        return euviWavelengthAngstrom == 0 ? Optional.empty() : Optional.of(euviWavelengthAngstrom);
    }

    /** File-name and label form: {@code aia171}, {@code eit195}. */
    public String key() {
        return instrument.toLowerCase(java.util.Locale.ROOT) + wavelengthAngstrom;
    }

    /** For people: "AIA 171 Å". */
    public String title() {
        return instrument + " " + wavelengthAngstrom + " Å";
    }

    /** The input label of an EUVI image merged into this channel's map: {@code euvi195>aia193}. */
    public String euviLabel() {
        return "euvi" + euviWavelengthAngstrom + ">" + key();
    }

    public static List<SynopticChannel> of(String instrument) {
        return java.util.Arrays.stream(values()).filter(c -> c.instrument.equals(instrument)).toList();
    }

    /** The channel of a key ({@code aia171}), if any. */
    public static Optional<SynopticChannel> ofKey(String key) {
        return java.util.Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
    }
}
