package org.medoc.products.dem;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * AIA multi-channel input sets, the DEM chain's rule (PRODUCTS.md §1.1): at every reference time on a fixed cadence
 * (multiples of {@code cadence} since 1970-01-01T00:00Z, so 00:00, 00:30, ... for the 30-minute DEM cadence), the
 * catalogued AIA observation of each channel closest to that time, if it lies within ±{@code tolerance}.
 *
 * <p>A set with some channels missing is still a set (its product is made from the bands available and flagged), as
 * long as it has at least {@code minimumChannels}: below three bands a Gaussian DEM (three parameters) is not
 * determined. Ties in distance go to the lower observation id, so the choice is the same on every node and run.
 */
public final class AiaChannelSets implements InputSetRule {

    /** The six coronal channels of the Gaussian DEM fit, in Å (PRODUCTS.md §1.1). */
    public static final List<Integer> DEM_CHANNELS = List.of(94, 131, 171, 193, 211, 335);
    private static final double WAVELENGTH_TOLERANCE_ANGSTROM = 0.5;
    /** Sets are read a day at a time, so that a year's reprocessing never holds a year of rows. */
    private static final Duration CHUNK = Duration.ofDays(1);

    private final DSLContext dsl;
    private final List<Integer> channels;
    private final Duration tolerance;
    private final Duration cadence;
    private final int minimumChannels;

    public AiaChannelSets(DSLContext dsl, List<Integer> channels, Duration tolerance, Duration cadence, int minimumChannels) {
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
        this.dsl = dsl;
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
        return "AIA " + channels + " Å observed within ±" + tolerance.toSeconds() + " s of every "
                + (cadence.toSeconds() % 60 == 0 ? cadence.toMinutes() + " min" : cadence.toSeconds() + " s")
                + " (at least " + minimumChannels + " channels)";
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

    /** The sets of the given reference times (sorted, at least 2·tolerance apart) from one query. */
    private List<InputSet> assemble(List<Instant> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        Instant first = references.getFirst().minus(tolerance);
        Instant last = references.getLast().plus(tolerance);
        Condition channel = DSL.falseCondition();
        for (int wavelength : channels) {
            channel = channel.or(OBSERVATION.WAVELENGTH_ANGSTROM.between(wavelength - WAVELENGTH_TOLERANCE_ANGSTROM,
                    wavelength + WAVELENGTH_TOLERANCE_ANGSTROM));
        }
        List<? extends Record> rows = dsl.select(OBSERVATION.ID, OBSERVATION.WAVELENGTH_ANGSTROM, OBSERVATION.DATE_OBS,
                        OBSERVATION.FILE_NAME, OBSERVATION.SHA256, OBSERVATION.STORAGE_KEY, OBSERVATION.SIZE_BYTES)
                .from(OBSERVATION)
                .where(OBSERVATION.INSTRUMENT.eq("AIA"))
                // products are public, with their inputs' names and checksums in the provenance: they are made of
                // public observations only, so an embargoed set waits for its release before it becomes a DEM map
                .and(OBSERVATION.ACCESS.eq("PUBLIC"))
                .and(OBSERVATION.DATE_OBS.between(first.atOffset(ZoneOffset.UTC), last.atOffset(ZoneOffset.UTC)))
                .and(channel)
                .orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID)
                .fetch();
        TreeMap<Instant, Integer> index = new TreeMap<>();
        for (int i = 0; i < references.size(); i++) {
            index.put(references.get(i), i);
        }
        List<Map<Integer, Candidate>> chosen = new ArrayList<>();
        references.forEach(r -> chosen.add(new HashMap<>()));
        for (Record row : rows) {
            Instant observed = row.get(OBSERVATION.DATE_OBS).toInstant();
            Map.Entry<Instant, Integer> nearest = nearest(index, observed);
            long distanceNanos = Duration.between(nearest.getKey(), observed).abs().toNanos();
            if (distanceNanos > tolerance.toNanos()) {
                continue;
            }
            int wavelength = (int) Math.round(row.get(OBSERVATION.WAVELENGTH_ANGSTROM));
            InputFile input = new InputFile(row.get(OBSERVATION.ID), Integer.toString(wavelength), row.get(OBSERVATION.FILE_NAME),
                    row.get(OBSERVATION.SHA256).trim(), row.get(OBSERVATION.STORAGE_KEY), row.get(OBSERVATION.SIZE_BYTES), observed);
            // rows come in (date, id) order, so a later row wins only when strictly closer
            chosen.get(nearest.getValue()).merge(wavelength, new Candidate(input, distanceNanos),
                    (kept, offered) -> offered.distanceNanos() < kept.distanceNanos() ? offered : kept);
        }
        List<InputSet> sets = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Map<Integer, Candidate> found = chosen.get(i);
            if (found.size() < minimumChannels) {
                continue;
            }
            List<InputFile> inputs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int wavelength : channels) {
                Candidate candidate = found.get(wavelength);
                if (candidate == null) {
                    missing.add(Integer.toString(wavelength));
                } else {
                    inputs.add(candidate.input());
                }
            }
            sets.add(new InputSet(references.get(i), inputs, missing));
        }
        return sets;
    }

    private static Map.Entry<Instant, Integer> nearest(TreeMap<Instant, Integer> index, Instant time) {
        Map.Entry<Instant, Integer> below = index.floorEntry(time);
        Map.Entry<Instant, Integer> above = index.ceilingEntry(time);
        if (below == null) {
            return above;
        }
        if (above == null) {
            return below;
        }
        return Duration.between(below.getKey(), time).compareTo(Duration.between(time, above.getKey())) <= 0 ? below : above;
    }

    private record Candidate(InputFile input, long distanceNanos) {}
}
