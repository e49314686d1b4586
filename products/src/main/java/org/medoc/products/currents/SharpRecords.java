package org.medoc.products.currents;

import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.SharpSegment;
import org.medoc.products.chain.InputFile;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.InputSetRule;
import org.medoc.products.chain.ProductDescription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The current maps' input rule (PRODUCTS.md §3.1): per series and HARP, one SHARP record every {@code cadence} of T_REC
 * (3 h by default, every 15th 12-minute T_REC: 00:00, 03:00 … TAI, counted from JSOC's T_REC epoch
 * 1993.01.01_00:00:00_TAI) — the record at that T_REC, or, when it is missing, the first one after it within the
 * cadence, so that a gap in the series does not leave a HARP without a map for three hours.
 *
 * <p>A record is a set only when the catalogue holds every segment Jz needs ({@link SharpRecordReader#SEGMENTS}); the
 * reference time is its T_REC in UTC and the subject {@code <dataType>-<HARP>} ({@code sci-377}), since HARP numbers
 * of the nrt and definitive series are independent. Only public files are used ({@code CHAIN} visibility).
 */
public final class SharpRecords implements InputSetRule {

    private static final Instant T_REC_EPOCH_TAI = LocalDateTime.of(1993, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Duration T_REC_STEP = Duration.ofMinutes(12);
    /** DATE-OBS, which the catalogue indexes, precedes T_REC by a few minutes; T_REC in UTC precedes its TAI label. */
    private static final Duration OBSERVATION_MARGIN = Duration.ofMinutes(15);
    private static final Duration CHUNK = Duration.ofDays(1);

    private final CatalogueService catalogue;
    private final Duration cadence;

    public SharpRecords(CatalogueService catalogue, Duration cadence) {
        if (cadence.isNegative() || cadence.isZero() || cadence.toSeconds() % T_REC_STEP.toSeconds() != 0
                || cadence.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("the current map cadence must be a whole number of 12-minute T_REC steps, was "
                    + cadence);
        }
        this.catalogue = catalogue;
        this.cadence = cadence;
    }

    public Duration cadence() {
        return cadence;
    }

    @Override
    public String describe() {
        return "HMI SHARP CEA records (hmi.sharp_cea_720s and _nrt) with Br, Bp, Bt, their errors, bitmap and "
                + "conf_disambig, one per HARP every " + ProductDescription.inWords(cadence) + " of T_REC";
    }

    /** The start of the cadence window holding this TAI time (a multiple of the cadence since the T_REC epoch). */
    private long window(Instant tai) {
        return Math.floorDiv(Duration.between(T_REC_EPOCH_TAI, tai).toSeconds(), cadence.toSeconds());
    }

    @Override
    public List<InputSet> find(Instant from, Instant to) {
        List<InputSet> sets = new ArrayList<>();
        for (Instant chunkStart = from; !chunkStart.isAfter(to); chunkStart = chunkStart.plus(CHUNK)) {
            Instant chunkEnd = chunkStart.plus(CHUNK).minusNanos(1).isAfter(to) ? to : chunkStart.plus(CHUNK).minusNanos(1);
            sets.addAll(assemble(chunkStart, chunkEnd));
        }
        return sets;
    }

    @Override
    public Optional<InputSet> at(Instant referenceTime) {
        return find(referenceTime, referenceTime).stream().filter(set -> set.referenceTime().equals(referenceTime)).findFirst();
    }

    /** The chosen records whose T_REC (UTC) lies in [from, to], by reference time then subject. */
    private List<InputSet> assemble(Instant from, Instant to) {
        // whole windows around the interval, so that the choice in a window does not depend on where a query starts
        Instant queryFrom = from.minus(cadence).minus(OBSERVATION_MARGIN);
        Instant queryTo = to.plus(OBSERVATION_MARGIN);
        Map<String, Record> records = new LinkedHashMap<>();
        for (SharpSegment segment : catalogue.sharpSegments(queryFrom, queryTo)) {
            Optional<SharpFileName> name = SharpFileName.parse(segment.fileName());
            if (name.isEmpty() || !SharpRecordReader.SEGMENTS.contains(name.get().segment())) {
                continue;
            }
            Instant tai;
            try {
                tai = segment.tRec() != null ? SharpRecordReader.tRecTai(segment.tRec())
                        : SharpRecordReader.compactTRecTai(name.get().compactTRec());
            } catch (RuntimeException unreadable) {
                continue;
            }
            Record record = records.computeIfAbsent(name.get().recordKey(), k -> new Record(name.get(), tai, new HashMap<>()));
            record.segments().putIfAbsent(name.get().segment(), segment);
        }
        // per series and HARP, per cadence window, the earliest complete record
        Map<String, TreeMap<Long, Record>> chosen = new TreeMap<>();
        for (Record record : records.values()) {
            if (!record.segments().keySet().containsAll(SharpRecordReader.SEGMENTS)) {
                continue;
            }
            String subject = record.name().dataType().code() + "-" + record.name().harpNumber();
            chosen.computeIfAbsent(subject, s -> new TreeMap<>())
                    .merge(window(record.tai()), record, (a, b) -> a.tai().isAfter(b.tai()) ? b : a);
        }
        List<InputSet> sets = new ArrayList<>();
        chosen.forEach((subject, byWindow) -> byWindow.values().forEach(record -> {
            Instant reference = org.medoc.archive.ingest.LeapSeconds.taiToUtc(record.tai());
            if (!reference.isBefore(from) && !reference.isAfter(to)) {
                List<InputFile> inputs = SharpRecordReader.SEGMENTS.stream().map(segmentName -> {
                    SharpSegment s = record.segments().get(segmentName);
                    return new InputFile(s.observationId(), segmentName, s.fileName(), s.sha256(), s.storageKey(),
                            s.sizeBytes(), s.dateObs());
                }).toList();
                sets.add(new InputSet(reference, subject, inputs, List.of()));
            }
        }));
        sets.sort(Comparator.comparing(InputSet::referenceTime).thenComparing(InputSet::subject));
        return sets;
    }

    private record Record(SharpFileName name, Instant tai, Map<String, SharpSegment> segments) {
    }
}
