package org.medoc.products.chain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the Products area and the API say about one product type, given by its recipe: everything a visitor needs to
 * know what the product is and how to read it, so that a new chain brings its own service page and no view is written
 * for one type.
 *
 * @param name          a few words for a tab or a menu, e.g. "DEM maps"
 * @param title         one line: what the product is
 * @param paragraphs    what the product is and how it is made, one paragraph per element (plain text)
 * @param inputRule     which observations make one product, in words (usually the rule's {@link InputSetRule#describe()})
 * @param cadence       the time between two reference times of the regular production
 * @param previews      the product's preview images in the order the recipe writes them, with what each shows; the
 *                      first is the thumbnail (the catalogue serves the first PREVIEW file as the product's preview)
 * @param reading       how to read the previews: the display rules (masked pixels, thresholds, flags), plain text
 * @param documentation the algorithm's page in the Documentation area, relative to it, e.g. {@code algorithms/dem};
 *                      null when the product has none
 */
public record ProductDescription(String name, String title, List<String> paragraphs, String inputRule, Duration cadence,
                                 List<Preview> previews, String reading, String documentation) {

    public ProductDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(inputRule, "inputRule");
        Objects.requireNonNull(cadence, "cadence");
        if (cadence.isNegative() || cadence.isZero()) {
            throw new IllegalArgumentException("the cadence must be positive, was " + cadence);
        }
        paragraphs = List.copyOf(paragraphs);
        previews = List.copyOf(previews);
        reading = reading == null ? "" : reading;
        if (documentation != null && (documentation.isBlank() || documentation.startsWith("/"))) {
            throw new IllegalArgumentException("the documentation page is relative to the Documentation area, e.g. "
                    + "algorithms/dem, was '" + documentation + "'");
        }
    }

    /** The cadence for people: "30 min", "1 h", "1 day", "45 s". */
    public String cadenceInWords() {
        return inWords(cadence);
    }

    /** A duration for people, in the largest whole unit among days, hours, minutes and seconds: "30 min", "2 h". */
    public static String inWords(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + (seconds == 86_400 ? " day" : " days");
        }
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    /** The thumbnail's preview, if the product has previews. */
    public java.util.Optional<Preview> thumbnail() {
        return previews.stream().findFirst();
    }

    /**
     * One preview image of the product.
     *
     * @param suffix how its file name ends, e.g. {@code _em.png}, to tell it among the product's files
     * @param legend what it shows and its colour bar, e.g. "EM: total emission measure [cm⁻⁵], 10²⁵–10²⁹, log scale"
     */
    public record Preview(String suffix, String legend) {
        public Preview {
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(legend, "legend");
        }
    }
}
