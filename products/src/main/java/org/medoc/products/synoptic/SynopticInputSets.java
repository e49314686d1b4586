package org.medoc.products.synoptic;

import org.medoc.archive.catalogue.AiaImage;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductDescription;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The synoptic chain's input rule: one set per day (reference time 00:00 UTC), made of the public EIT, AIA and
 * STEREO/EUVI images of the synoptic channels within ±{@code window} of it, sampled at most one per channel (and
 * spacecraft) every {@code sampling}: the catalogue's image closest to each sampling time, within half a step. A day
 * with no EIT or AIA image has no set (EUVI alone does not make a map). Labels are channel keys ({@code aia171},
 * {@code eit195}, {@code euvi195}); the recipe merges each EUVI band into the channels of that band.
 */
public final class SynopticInputSets implements InputSetRule {

    static final Duration CADENCE = Duration.ofDays(1);
    private static final List<Integer> EUVI_BANDS = List.of(171, 195, 284, 304);

    private final CatalogueService catalogue;
    private final Duration window;
    private final Duration sampling;

    public SynopticInputSets(CatalogueService catalogue, Duration window, Duration sampling) {
        if (window.isNegative() || window.compareTo(Duration.ofDays(60)) > 0) {
            throw new IllegalArgumentException("the synoptic window must lie within 0-60 days, was " + window);
        }
        if (sampling.compareTo(Duration.ofMinutes(1)) < 0 || sampling.compareTo(CADENCE) > 0) {
            throw new IllegalArgumentException("the synoptic sampling must lie within 1 min - 1 day, was " + sampling);
        }
        this.catalogue = catalogue;
        this.window = window;
        this.sampling = sampling;
    }

    public Duration window() {
        return window;
    }

    public Duration sampling() {
        return sampling;
    }

    @Override
    public String describe() {
        return "EIT 171, 195, 284, 304 Å or AIA 94-1700 Å, with STEREO/EUVI 171, 195, 284, 304 Å where archived, "
                + "observed within ±" + ProductDescription.inWords(window) + " of 00:00 UTC each day, one image per "
                + "channel every " + ProductDescription.inWords(sampling);
    }

    @Override
    public List<InputSet> find(Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.DAYS);
        if (first.isBefore(from)) {
            first = first.plus(CADENCE);
        }
        List<Instant> references = new ArrayList<>();
        for (Instant day = first; !day.isAfter(to); day = day.plus(CADENCE)) {
            references.add(day);
        }
        return assemble(references);
    }

    @Override
    public Optional<InputSet> at(Instant referenceTime) {
        return assemble(List.of(referenceTime)).stream().findFirst();
    }

    /** The sets of the given reference times (sorted), from one catalogue query per instrument over their windows. */
    private List<InputSet> assemble(List<Instant> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        // sampling times on a fixed grid (multiples of the step since the epoch), covering every window
        long step = sampling.toSeconds();
        Instant start = references.getFirst().minus(window);
        Instant end = references.getLast().plus(window);
        List<Instant> samples = new ArrayList<>();
        for (long t = Math.floorDiv(start.getEpochSecond(), step) * step; t <= end.getEpochSecond(); t += step) {
            samples.add(Instant.ofEpochSecond(t));
        }
        // half a step, less a second: an observation belongs to one sampling time at most
        Duration tolerance = sampling.dividedBy(2).minusSeconds(1);
        List<InputFile> images = new ArrayList<>();
        for (String instrument : List.of("AIA", "EIT")) {
            List<Integer> channels = SynopticChannel.of(instrument).stream().map(SynopticChannel::wavelengthAngstrom).toList();
            for (AiaImage image : catalogue.channelImagesNear(instrument, null, channels, samples, tolerance)) {
                images.add(input(image, instrument.toLowerCase(java.util.Locale.ROOT) + image.channelAngstrom()));
            }
        }
        for (AiaImage image : catalogue.channelImagesNear(SynopticChannel.EUVI_INSTRUMENT, SynopticChannel.EUVI_DETECTOR,
                EUVI_BANDS, samples, tolerance)) {
            images.add(input(image, "euvi" + image.channelAngstrom()));
        }
        images.sort(Comparator.comparing(InputFile::dateObs).thenComparing(InputFile::observationId));
        List<InputSet> sets = new ArrayList<>();
        for (Instant reference : references) {
            Map<Long, InputFile> inWindow = new LinkedHashMap<>();
            for (InputFile image : images) {
                if (!image.dateObs().isBefore(reference.minus(window)) && !image.dateObs().isAfter(reference.plus(window))) {
                    inWindow.putIfAbsent(image.observationId(), image);
                }
            }
            boolean primary = inWindow.values().stream().anyMatch(image -> !image.label().startsWith("euvi"));
            if (primary) {
                sets.add(new InputSet(reference, List.copyOf(inWindow.values()), List.of()));
            }
        }
        return sets;
    }

    private static InputFile input(AiaImage image, String label) {
        return new InputFile(image.observationId(), label, image.fileName(), image.sha256(), image.storageKey(),
                image.sizeBytes(), image.dateObs());
    }
}
