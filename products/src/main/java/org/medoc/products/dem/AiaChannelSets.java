package org.medoc.products.dem;

import org.medoc.archive.catalogue.AiaImage;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;

/**
 * AIA multi-channel input sets, the DEM chain's rule (PRODUCTS.md §1.1): at every reference time on a fixed cadence
 * (multiples of {@code cadence} since 1970-01-01T00:00Z, so 00:00, 00:30, ... for the 30-minute DEM cadence), the
 * catalogued AIA observation of each channel closest to that time, if it lies within ±{@code tolerance}.
 *
 * <p>A set with some channels missing is still a set (its product is made from the bands available and flagged), as
 * long as it has at least {@code minimumChannels}: below three bands a Gaussian DEM (three parameters) is not
 * determined. Ties in distance go to the earlier observation, then to the lower id, so the choice is the same on every
 * node and run ({@link CatalogueService#aiaImagesNear}).
 */
public final class AiaChannelSets implements InputSetRule {

    /** The six coronal channels of the Gaussian DEM fit, in Å (PRODUCTS.md §1.1). */
    public static final List<Integer> DEM_CHANNELS = List.of(94, 131, 171, 193, 211, 335);
    /** Sets are read a day at a time, so that a year's reprocessing never holds a year of rows. */
    private static final Duration CHUNK = Duration.ofDays(1);

    private final CatalogueService catalogue;
    private final List<Integer> channels;
    private final Duration tolerance;
    private final Duration cadence;
    private final int minimumChannels;

    public AiaChannelSets(CatalogueService catalogue, List<Integer> channels, Duration tolerance, Duration cadence, int minimumChannels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("an AIA set needs at least one channel");
        }
        if (cadence.isNegative() || cadence.isZero() || cadence.toSeconds() * 1_000_000_000L != cadence.toNanos()) {
            throw new IllegalArgumentException("the set cadence must be a positive whole number of seconds, was " + cadence);
        }
        // each observation then belongs to at most one reference time
        if (tolerance.isNegative() || tolerance.multipliedBy(2).compareTo(cadence) >= 0) {
            throw new IllegalArgumentException("the channel tolerance must be under half the cadence (" + cadence
                    + "), was " + tolerance);
        }
        if (minimumChannels < 1 || minimumChannels > channels.size()) {
            throw new IllegalArgumentException("minimum channels must be 1-" + channels.size() + ", was " + minimumChannels);
        }
        this.catalogue = catalogue;
        this.channels = List.copyOf(channels);
        this.tolerance = tolerance;
        this.cadence = cadence;
        this.minimumChannels = minimumChannels;
    }

    public Duration tolerance() {
        return tolerance;
    }

    public Duration cadence() {
        return cadence;
    }

    public List<Integer> channels() {
        return channels;
    }

    public int minimumChannels() {
        return minimumChannels;
    }

    @Override
    public String describe() {
        return "AIA " + channelsInWords() + " Å observed within ±" + ProductDescription.inWords(tolerance) + " of every "
                + ProductDescription.inWords(cadence) + " (at least " + minimumChannels + " channels)";
    }

    /** The channels for people: "94, 131, 171, 193, 211 and 335". */
    public String channelsInWords() {
        String last = String.valueOf(channels.getLast());
        return channels.size() == 1 ? last : channels.stream().limit(channels.size() - 1L).map(String::valueOf)
                .collect(Collectors.joining(", ")) + " and " + last;
    }

    /** The first reference time at or after {@code time}. */
    Instant ceiling(Instant time) {
        long step = cadence.toSeconds();
        long seconds = Math.floorDiv(time.getEpochSecond() + (time.getNano() > 0 ? 1 : 0) + step - 1, step) * step;
        return Instant.ofEpochSecond(seconds);
    }

    @Override
    public List<InputSet> find(Instant from, Instant to) {
        List<InputSet> sets = new ArrayList<>();
        for (Instant chunkStart = ceiling(from); !chunkStart.isAfter(to); chunkStart = chunkStart.plus(CHUNK)) {
            Instant chunkEnd = chunkStart.plus(CHUNK).minusNanos(1).isAfter(to) ? to : chunkStart.plus(CHUNK).minusNanos(1);
            List<Instant> references = new ArrayList<>();
            for (Instant reference = ceiling(chunkStart); !reference.isAfter(chunkEnd); reference = reference.plus(cadence)) {
                references.add(reference);
            }
            sets.addAll(assemble(references));
        }
        return sets;
    }

    @Override
    public java.util.Optional<InputSet> at(Instant referenceTime) {
        // any time may be asked for (on-demand products need not sit on the cadence)
        return assemble(List.of(referenceTime)).stream().findFirst();
    }

    /** The sets of the given reference times (sorted, more than 2·tolerance apart) from one catalogue query. */
    private List<InputSet> assemble(List<Instant> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        // the catalogue picks each channel's closest public image (products are public and name their inputs, so an
        // embargoed set waits for its release before it becomes a DEM map)
        Map<Instant, Map<Integer, InputFile>> chosen = new HashMap<>();
        for (AiaImage image : catalogue.aiaImagesNear(channels, references, tolerance)) {
            chosen.computeIfAbsent(image.referenceTime(), r -> new HashMap<>()).put(image.channelAngstrom(),
                    new InputFile(image.observationId(), Integer.toString(image.channelAngstrom()), image.fileName(),
                            image.sha256(), image.storageKey(), image.sizeBytes(), image.dateObs()));
        }
        List<InputSet> sets = new ArrayList<>();
        for (Instant reference : references) {
            Map<Integer, InputFile> found = chosen.getOrDefault(reference, Map.of());
            if (found.size() < minimumChannels) {
                continue;
            }
            List<InputFile> inputs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int wavelength : channels) {
                InputFile input = found.get(wavelength);
                if (input == null) {
                    missing.add(Integer.toString(wavelength));
                } else {
                    inputs.add(input);
                }
            }
            sets.add(new InputSet(reference, inputs, missing));
        }
        return sets;
    }
}
