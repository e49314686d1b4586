package org.medoc.archive.catalogue;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.medoc.archive.access.Visibility;
import org.medoc.db.jooq.archive.tables.records.ObservationRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * The catalogue as the release manager reads it: the observations a release may hold
 * ({@link Visibility.Reader#RELEASE}, public ones only) that match an {@link ObservationSelection}. Selections are
 * ordered by observation time then id, so that the same criteria over the same catalogue always list the same files
 * in the same order (a release's package paths depend on it). Counting is one aggregate query, whatever the size of
 * the selection.
 */
@Service
@Transactional(readOnly = true)
public class ReleaseSelections {

    private static final Visibility.Reader READER = Visibility.Reader.RELEASE;
    private final DSLContext dsl;
    private final ObjectMapper json;

    public ReleaseSelections(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** How many files a selection holds and their total size. */
    public record Totals(long count, long bytes) {}

    public Totals totals(ObservationSelection selection) {
        Record2<Integer, BigDecimal> totals = dsl.select(DSL.count(), DSL.sum(OBSERVATION.SIZE_BYTES))
                .from(OBSERVATION).where(condition(selection)).fetchOne();
        return new Totals(totals == null ? 0 : totals.value1(),
                totals == null || totals.value2() == null ? 0 : totals.value2().longValue());
    }

    /**
     * Hands the first {@code limit} selected observations to {@code action} in release order (time, then id), read
     * from a cursor 500 rows at a time so that a large selection is never held in memory at once. The header is
     * parsed only {@code withHeaders} (the freeze's catalogue rows need it; a preview does not).
     */
    public void forEach(ObservationSelection selection, int limit, boolean withHeaders, Consumer<CatalogueRow> action) {
        var select = dsl.selectFrom(OBSERVATION).where(condition(selection)).orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID);
        try (var cursor = (limit == Integer.MAX_VALUE ? select : select.limit(limit)).fetchSize(500).fetchLazy()) {
            for (ObservationRecord observation : cursor) {
                action.accept(row(observation, withHeaders));
            }
        }
    }

    /**
     * The access level of each of these observations that exists, whoever may see it: the release manager is told
     * why an explicit addition cannot be released ({@link Visibility#mayRead}); absent ids do not exist.
     */
    public Map<Long, Visibility.Access> accessLevels(Collection<Long> ids) {
        Map<Long, Visibility.Access> levels = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(OBSERVATION.ID, OBSERVATION.ACCESS).from(OBSERVATION).where(OBSERVATION.ID.in(ids))
                    .forEach(r -> levels.put(r.value1(), Visibility.Access.of(r.value2())));
        }
        return levels;
    }

    /** These observations as search results show them (those a release may hold), by id: e.g. a product's inputs. */
    public Map<Long, ObservationSummary> summaries(Collection<Long> ids) {
        Map<Long, ObservationSummary> summaries = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(CatalogueService.summaryFields()).from(OBSERVATION).where(OBSERVATION.ID.eq(DSL.any(array(ids))))
                    .and(CatalogueService.visibleTo(READER)).orderBy(OBSERVATION.ID)
                    .forEach(r -> summaries.put(r.get(OBSERVATION.ID), CatalogueService.summary(r)));
        }
        return summaries;
    }

    /** The span these observations cover, earliest start to latest end (DataCite's Coverage date of a release). */
    public Optional<ObservationSelection.TimeRange> span(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Record2<OffsetDateTime, OffsetDateTime> span = dsl.select(DSL.min(OBSERVATION.DATE_OBS), DSL.max(OBSERVATION.DATE_END))
                .from(OBSERVATION).where(OBSERVATION.ID.eq(DSL.any(array(ids)))).and(CatalogueService.visibleTo(READER))
                .fetchOne();
        return span == null || span.value1() == null ? Optional.empty()
                : Optional.of(new ObservationSelection.TimeRange(span.value1().toInstant(), span.value2().toInstant()));
    }

    /** The selection as one SQL condition, restricted to what a release may hold. */
    private static Condition condition(ObservationSelection selection) {
        Condition matched = DSL.falseCondition();
        if (selection.hasCriteria()) {
            List<Condition> all = new ArrayList<>();
            if (!selection.instruments().isEmpty()) {
                all.add(OBSERVATION.INSTRUMENT.in(selection.instruments()));
            }
            if (!selection.levels().isEmpty()) {
                all.add(OBSERVATION.LEVEL.in(selection.levels()));
            }
            if (!selection.timeRanges().isEmpty()) {
                all.add(DSL.or(selection.timeRanges().stream().map(range -> OBSERVATION.DATE_OBS.le(CatalogueService.utc(range.to()))
                        .and(OBSERVATION.DATE_END.ge(CatalogueService.utc(range.from())))).toList()));
            }
            if (!selection.stps().isEmpty()) {
                all.add(DSL.or(selection.stps().stream().map(range -> OBSERVATION.STP.between(range.first(), range.last())).toList()));
            }
            if (!selection.fileVersions().isEmpty()) {
                // SPICE names end in _V<NN>_<SPIOBSID>-<RASTERNO>.fits (ARCHIVE_AND_RELEASES.md §6.3)
                all.add(DSL.or(selection.fileVersions().stream()
                        .map(version -> OBSERVATION.FILE_NAME.likeIgnoreCase("%\\_" + version.replace("%", "").replace("_", "") + "\\_%", '\\'))
                        .toList()));
            }
            matched = DSL.and(all);
        }
        if (!selection.additions().isEmpty()) {
            matched = matched.or(OBSERVATION.ID.in(selection.additions()));
        }
        Condition condition = matched.and(CatalogueService.visibleTo(READER));
        if (!selection.exclusions().isEmpty()) {
            condition = condition.and(OBSERVATION.ID.notIn(selection.exclusions()));
        }
        return condition;
    }

    private CatalogueRow row(ObservationRecord o, boolean withHeader) {
        Map<String, Object> header = withHeader
                ? json.readValue(o.getHeader().data(), new TypeReference<LinkedHashMap<String, Object>>() { })
                : Map.of();
        List<Integer> naxis = o.getNaxis() == null ? List.of() : Collections.unmodifiableList(Arrays.asList(o.getNaxis()));
        return new CatalogueRow(o.getId(), o.getMission(), o.getInstrument(), o.getDetector(), o.getLevel(),
                o.getWavelengthAngstrom(), o.getDateObs().toInstant(), o.getDateEnd() == null ? null : o.getDateEnd().toInstant(),
                o.getExposureSeconds(), o.getDsunObsM(), naxis, o.getFileName(), o.getStorageKey(), o.getSha256(),
                o.getSizeBytes(), header);
    }

    private static Long[] array(Collection<Long> ids) {
        return ids.toArray(new Long[0]);
    }
}
