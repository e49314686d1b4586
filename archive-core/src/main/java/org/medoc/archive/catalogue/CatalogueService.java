package org.medoc.archive.catalogue;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Row1;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.medoc.archive.access.Visibility;
import org.medoc.db.jooq.archive.tables.records.ObservationRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * Searches the catalogue. Public API of the catalogue feature: the REST API and the Archive view both call it.
 * Offset paging serves the first pages; a keyset cursor ({@link SearchResult#nextCursor()}) pages to any depth at
 * the same cost, because it seeks on the (sort field, id) index instead of skipping rows.
 */
@Service
@Transactional(readOnly = true)
public class CatalogueService {

    private static final double WAVELENGTH_TOLERANCE_ANGSTROM = 0.5;
    /** Must match the expression of observation_span_idx. */
    private static final Field<Double> SPAN_SECONDS = DSL.field("extract(epoch FROM {0} - {1})", Double.class,
            OBSERVATION.DATE_END, OBSERVATION.DATE_OBS);
    private final DSLContext dsl;
    private final DSLContext searchDsl;
    private final ObjectMapper json;
    private final PublishedReleases releases;
    private final SearchLimits limits;

    public CatalogueService(DSLContext dsl, ObjectMapper json, ObjectProvider<PublishedReleases> releases,
                            @Value("${medoc.catalogue.max-offset:10000}") int maxOffset,
                            @Value("${medoc.catalogue.max-keyword-filters:5}") int maxKeywordFilters,
                            @Value("${medoc.catalogue.statement-timeout:5s}") Duration statementTimeout) {
        this.dsl = dsl;
        this.limits = new SearchLimits(maxOffset, maxKeywordFilters, statementTimeout);
        // Searches inline their values: each is planned for its actual time range and filters. With bind values
        // PostgreSQL may switch to a generic plan that walks the whole date index (measured: 24 ms instead of 0.3 ms
        // for one day at 1M rows). Values are rendered by jOOQ, escaped, never concatenated by us.
        // on a copy: Settings.withStatementType changes the object it is called on, here the application's settings
        this.searchDsl = DSL.using(dsl.configuration().derive(
                org.jooq.conf.SettingsTools.clone(dsl.settings()).withStatementType(StatementType.STATIC_STATEMENT)));
        this.json = json;
        this.releases = releases.getIfAvailable(() -> PublishedReleases.NONE);
    }

    /**
     * One page of matches with their total. Every row names the published release that holds its file, if any (one
     * query for the page).
     */
    public SearchResult search(ObservationQuery query) {
        limits.check(query);
        limits.applyStatementTimeout(dsl);
        boundedKeywordScan(query);
        Condition where = where(query);
        boolean byCursor = query.cursor() != null && !query.cursor().isBlank();
        Cursor cursor = byCursor ? decodeCursor(query.cursor(), query) : null;
        List<Record> rows = rows(query, where, cursor);
        // Counting is the expensive part of a deep page (hundreds of ms over 100k matches): a cursor carries the
        // total of the first page forward, so keyset pages cost only their own rows.
        Total counted = byCursor ? new Total(cursor.total(), cursor.estimate())
                : total(where, query.keywords().isEmpty() ? exactCountLimit : Math.min(exactCountLimit, keywordExactCountLimit));
        long total = counted.value();
        List<ObservationSummary> items = withReleases(rows.stream().map(CatalogueService::summary).toList());
        String nextCursor = null;
        if (items.size() == query.size()) {
            Record last = rows.getLast();
            nextCursor = encodeCursor(query, last.get(sortField(query.sort().field())), last.get(OBSERVATION.ID), counted);
        }
        return new SearchResult(total, items, nextCursor, counted.estimate());
    }

    /** A search's total and whether it is the planner's estimate rather than a count. */
    private record Total(long value, boolean estimate) {}

    /** Searches matching more rows than this get PostgreSQL's estimate of their total (see docs/scaling.md). */
    private volatile long exactCountLimit = DEFAULT_EXACT_COUNT_LIMIT;
    static final long DEFAULT_EXACT_COUNT_LIMIT = 100_000;

    /** Set from {@code medoc.catalogue.exact-count-limit}; tests lower it. */
    @org.springframework.beans.factory.annotation.Value("${medoc.catalogue.exact-count-limit:" + DEFAULT_EXACT_COUNT_LIMIT + "}")
    void exactCountLimit(long rows) {
        this.exactCountLimit = countLimit("medoc.catalogue.exact-count-limit", rows);
    }

    private static long countLimit(String setting, long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException(setting + " must be 0 or more, not " + rows);
        }
        return rows;
    }

    /**
     * Searches with header keyword filters count exactly only up to this lower limit: the GIN index over the headers
     * is lossy, so each match costs a heap visit (one random page per row) where other counts are index-only scans.
     * At 20 M rows a bounded count of OBS_MODE = SYNOPTIC over EIT (a scan that stops at the limit) took 199 ms for
     * 5,001 matches and 40-70 ms for 1,001: hence 500 (docs/scaling.md, point 6).
     */
    private volatile long keywordExactCountLimit = DEFAULT_KEYWORD_EXACT_COUNT_LIMIT;
    static final long DEFAULT_KEYWORD_EXACT_COUNT_LIMIT = 500;

    /** Set from {@code medoc.catalogue.keyword-exact-count-limit}; tests lower it. */
    @org.springframework.beans.factory.annotation.Value("${medoc.catalogue.keyword-exact-count-limit:" + DEFAULT_KEYWORD_EXACT_COUNT_LIMIT + "}")
    void keywordExactCountLimit(long rows) {
        this.keywordExactCountLimit = countLimit("medoc.catalogue.keyword-exact-count-limit", rows);
    }

    /**
     * The exact total up to {@code limit}, counted on at most limit + 1 rows (so a broad search never counts
     * millions); above it the planner's row estimate of the same query, never less than the limit + 1 rows seen to
     * exist.
     */
    private Total total(Condition where, long limit) {
        // a bounded count stops after limit + 1 index entries: starting parallel workers for it cost more than the
        // count itself at 20 M rows (78 ms instead of 39 ms, docs/benchmarks.md); SET LOCAL ends with the search's
        // transaction
        searchDsl.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        long seen = searchDsl.fetchCount(searchDsl.selectOne().from(OBSERVATION).where(where).limit(limit + 1));
        if (seen <= limit) {
            return new Total(seen, false);
        }
        double planned = searchDsl.explain(searchDsl.selectOne().from(OBSERVATION).where(where)).rows();
        return new Total(Math.max(limit + 1, Math.round(planned)), true);
    }

    /**
     * A header keyword search bounded in time reads the interval's rows through the date indexes and checks their
     * headers, instead of AND-ing a bitmap of the GIN index over the headers: that bitmap holds every row of the whole
     * catalogue with the keyword's value (2,000,000 entries, 350-400 ms at 20 M rows for OBS_MODE = SYNOPTIC, which
     * the planner costs as cheap), whereas the interval's rows are bounded by the interval (25 ms for one month of EIT).
     * The GIN index stays in use for keyword searches without both ends of an interval, where nothing else bounds
     * them. SET LOCAL ends with the search's transaction.
     */
    private void boundedKeywordScan(ObservationQuery query) {
        if (!query.keywords().isEmpty() && query.from() != null && query.to() != null) {
            searchDsl.execute("SET LOCAL enable_bitmapscan = off");
        }
    }

    /** One page of a search without its total, for callers that counted once already (the Archive view's grid). */
    public List<ObservationSummary> page(ObservationQuery query) {
        limits.check(query);
        limits.applyStatementTimeout(dsl);
        boundedKeywordScan(query);
        Condition where = where(query);
        Cursor cursor = query.cursor() == null || query.cursor().isBlank() ? null : decodeCursor(query.cursor(), query);
        return withReleases(rows(query, where, cursor).stream().map(CatalogueService::summary).toList());
    }

    private List<ObservationSummary> withReleases(List<ObservationSummary> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, String> released = releases.identifiers(PublishedReleases.Kind.OBSERVATION,
                items.stream().map(ObservationSummary::id).toList());
        return released.isEmpty() ? items
                : items.stream().map(item -> released.containsKey(item.id()) ? item.inRelease(released.get(item.id())) : item).toList();
    }

    /** The page's rows in the query's order (ties broken by id), by offset or after the cursor. */
    private List<Record> rows(ObservationQuery query, Condition where, Cursor cursor) {
        Field<?> sortField = sortField(query.sort().field());
        List<SortField<?>> order = query.sort().ascending()
                ? List.of(sortField.asc(), OBSERVATION.ID.asc())
                : List.of(sortField.desc(), OBSERVATION.ID.desc());
        var select = searchDsl.select(summaryFields()).from(OBSERVATION).where(where)
                .and(cursor != null ? seekAfter(query, cursor) : DSL.noCondition()).orderBy(order);
        return cursor != null
                ? select.limit(query.size()).fetch()
                : select.limit(query.size()).offset((long) query.page() * query.size()).fetch();
    }

    public Optional<ObservationSummary> summary(long id) {
        return dsl.select(summaryFields()).from(OBSERVATION).where(OBSERVATION.ID.eq(id)).and(visibleToCaller())
                .fetchOptional().map(CatalogueService::summary).map(s -> withReleases(List.of(s)).getFirst());
    }

    public Optional<ObservationDetail> detail(long id) {
        ObservationRecord row = dsl.selectFrom(OBSERVATION).where(OBSERVATION.ID.eq(id)).and(visibleToCaller()).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        Map<String, Object> normalised = new LinkedHashMap<>();
        normalised.put("timeSource", row.getTimeSource());
        normalised.put("dateObsFits", row.getDateObsFits());
        normalised.put("naxis", row.getNaxis());
        normalised.put("bitpix", row.getBitpix());
        normalised.put("compressed", row.getCompressed());
        normalised.put("ctype1", row.getCtype1());
        normalised.put("ctype2", row.getCtype2());
        normalised.put("cunit1", row.getCunit1());
        normalised.put("cunit2", row.getCunit2());
        normalised.put("crpix1", row.getCrpix1());
        normalised.put("crpix2", row.getCrpix2());
        normalised.put("crval1", row.getCrval1());
        normalised.put("crval2", row.getCrval2());
        normalised.put("cdelt1", row.getCdelt1());
        normalised.put("cdelt2", row.getCdelt2());
        normalised.put("crotaDegrees", row.getCrotaDegrees());
        normalised.put("dsunObsMetres", row.getDsunObsM());
        normalised.put("hglnObsDegrees", row.getHglnObsDeg());
        normalised.put("hgltObsDegrees", row.getHgltObsDeg());
        normalised.put("crlnObsDegrees", row.getCrlnObsDeg());
        normalised.put("crltObsDegrees", row.getCrltObsDeg());
        normalised.put("rsunObsArcsec", row.getRsunObsArcsec());
        normalised.put("spiobsid", row.getSpiobsid());
        normalised.put("studyId", row.getStudyId());
        normalised.put("misostud", row.getMisostud());
        normalised.put("study", row.getStudy());
        normalised.put("soopname", row.getSoopname());
        normalised.put("stp", row.getStp());
        normalised.put("harpnum", row.getHarpnum());
        normalised.put("noaaArs", row.getNoaaArs());
        normalised.put("ingestedAt", row.getIngestedAt() == null ? null : row.getIngestedAt().toInstant());
        Map<String, Object> header = json.readValue(row.getHeader().data(), new TypeReference<LinkedHashMap<String, Object>>() { });
        List<ObservationDetail.HduHeader> hdus = json.readValue(row.getHdus().data(),
                new TypeReference<List<ObservationDetail.HduHeader>>() { });
        return Optional.of(new ObservationDetail(withReleases(List.of(summary(row))).getFirst(), normalised, header, hdus, row.getChecksumStatus()));
    }

    /** Where the file and its quicklook are kept, for downloads. */
    public Optional<StoredFile> storedFile(long id) {
        return dsl.select(STORED_FILE_FIELDS).from(OBSERVATION).where(OBSERVATION.ID.eq(id)).and(visibleToCaller())
                .fetchOptional(CatalogueService::storedFile);
    }

    /** Files of every observation matching the query, in the query's order, at most {@code limit}. */
    public List<StoredFile> storedFiles(ObservationQuery query, int limit) {
        Field<?> sortField = sortField(query.sort().field());
        return searchDsl.select(STORED_FILE_FIELDS).from(OBSERVATION).where(where(query))
                .orderBy(query.sort().ascending() ? sortField.asc() : sortField.desc(), OBSERVATION.ID.asc())
                .limit(limit)
                .fetch(CatalogueService::storedFile);
    }

    public List<StoredFile> storedFiles(List<Long> ids) {
        return dsl.select(STORED_FILE_FIELDS).from(OBSERVATION)
                .where(OBSERVATION.ID.in(ids)).and(visibleToCaller()).orderBy(OBSERVATION.ID)
                .fetch(CatalogueService::storedFile);
    }

    /**
     * The SHARP segment files (observations with a HARP number) observed in [from, to], among those a product chain may
     * use ({@link Visibility.Reader#CHAIN}: public ones), in observation time and id order, with the T_REC of their
     * header. The caller groups them into records by series, HARP and T_REC.
     */
    public List<SharpSegment> sharpSegments(Instant from, Instant to) {
        Field<String> tRec = DSL.field("{0} ->> 'T_REC'", String.class, OBSERVATION.HEADER);
        return dsl.select(OBSERVATION.ID, OBSERVATION.HARPNUM, OBSERVATION.NOAA_ARS, tRec, OBSERVATION.FILE_NAME,
                        OBSERVATION.SHA256, OBSERVATION.STORAGE_KEY, OBSERVATION.SIZE_BYTES, OBSERVATION.DATE_OBS)
                .from(OBSERVATION)
                .where(OBSERVATION.HARPNUM.isNotNull())
                .and(OBSERVATION.DATE_OBS.between(utc(from), utc(to)))
                .and(visibleTo(Visibility.Reader.CHAIN))
                .orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID)
                .fetch(r -> new SharpSegment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6().trim(),
                        r.value7(), r.value8(), r.value9().toInstant()));
    }

    /**
     * For each reference time, the AIA observation of each channel (Å, ±0.5) closest to it within ±{@code tolerance},
     * among the observations a product chain may use ({@link Visibility.Reader#CHAIN}: public ones, because products
     * are public and name their inputs). Ties in distance go to the earlier observation, then to the lower id, so the
     * choice is the same on every node and run. Reference times should be more than 2·tolerance apart (an observation
     * then belongs to one reference at most); a day of a 30-minute cadence (48 times) is one query.
     *
     * <p>Each reference time is one index range scan over ±tolerance (a LATERAL subquery), and only the chosen
     * observations leave the database: the cost follows the reference times, not the AIA cadence.
     */
    public List<AiaImage> aiaImagesNear(List<Integer> channelsAngstrom, List<Instant> referenceTimes, Duration tolerance) {
        return channelImagesNear("AIA", null, channelsAngstrom, referenceTimes, tolerance);
    }

    /**
     * {@link #aiaImagesNear} for any imager: the observations of {@code instrument} (and {@code detector}, when not
     * null, e.g. SECCHI/EUVI) closest to each reference time per channel (and per mission, so that STEREO-A and -B
     * both answer), public ones only ({@link Visibility.Reader#CHAIN}). The synoptic chain samples its ±30-day window
     * of EIT, AIA and EUVI images with it. The rows come as {@link AiaImage} records whatever the instrument.
     */
    @SuppressWarnings("unchecked")
    public List<AiaImage> channelImagesNear(String instrument, String detector, List<Integer> channelsAngstrom,
                                            List<Instant> referenceTimes, Duration tolerance) {
        if (channelsAngstrom.isEmpty() || referenceTimes.isEmpty()) {
            return List.of();
        }
        Map<Instant, Instant> requested = new HashMap<>();
        referenceTimes.forEach(t -> requested.put(t.truncatedTo(ChronoUnit.MICROS), t));
        Table<?> references = DSL.values(referenceTimes.stream().map(t -> DSL.row(utc(t))).toArray(Row1[]::new))
                .as("reference", "reference_time");
        Field<OffsetDateTime> reference = references.field("reference_time", OffsetDateTime.class);
        Condition channel = DSL.falseCondition();
        for (int wavelength : channelsAngstrom) {
            channel = channel.or(OBSERVATION.WAVELENGTH_ANGSTROM.between(wavelength - WAVELENGTH_TOLERANCE_ANGSTROM,
                    wavelength + WAVELENGTH_TOLERANCE_ANGSTROM));
        }
        Field<Double> channelKey = DSL.round(OBSERVATION.WAVELENGTH_ANGSTROM);
        Field<Double> toleranceSeconds = DSL.inline(tolerance.toNanos() / 1e9);
        Field<OffsetDateTime> earliest = DSL.field("{0} - make_interval(secs => {1})", OffsetDateTime.class, reference, toleranceSeconds);
        Field<OffsetDateTime> latest = DSL.field("{0} + make_interval(secs => {1})", OffsetDateTime.class, reference, toleranceSeconds);
        Field<Double> distance = DSL.field("abs(extract(epoch FROM {0} - {1}))", Double.class, OBSERVATION.DATE_OBS, reference);
        // LATERAL: one small index range scan per reference time. As a plain join PostgreSQL cannot estimate the
        // per-reference range and scanned every AIA row (measured: 10 s instead of 6 ms for a day at 12 s cadence).
        Table<?> nearest = DSL.select(channelKey.as("channel_angstrom"), OBSERVATION.ID, OBSERVATION.FILE_NAME, OBSERVATION.SHA256,
                        OBSERVATION.STORAGE_KEY, OBSERVATION.SIZE_BYTES, OBSERVATION.DATE_OBS)
                .distinctOn(channelKey, OBSERVATION.MISSION)
                .from(OBSERVATION)
                .where(OBSERVATION.INSTRUMENT.eq(instrument))
                .and(detector == null ? DSL.noCondition() : OBSERVATION.DETECTOR.eq(detector))
                .and(OBSERVATION.DATE_OBS.between(earliest, latest))
                .and(channel)
                .and(visibleTo(Visibility.Reader.CHAIN))
                .orderBy(channelKey, OBSERVATION.MISSION, distance, OBSERVATION.DATE_OBS, OBSERVATION.ID)
                .asTable("nearest");
        Field<Double> channelOf = nearest.field("channel_angstrom", Double.class);
        return searchDsl.select(reference, channelOf, nearest.field(OBSERVATION.ID), nearest.field(OBSERVATION.FILE_NAME),
                        nearest.field(OBSERVATION.SHA256), nearest.field(OBSERVATION.STORAGE_KEY),
                        nearest.field(OBSERVATION.SIZE_BYTES), nearest.field(OBSERVATION.DATE_OBS))
                .from(references)
                .crossJoin(DSL.lateral(nearest))
                .orderBy(reference, channelOf)
                // the caller's own instants come back (the database keeps microseconds)
                .fetch(r -> new AiaImage(requested.get(r.value1().toInstant()), (int) Math.round(r.value2()),
                        r.value3(), r.value4(), r.value5().trim(), r.value6(), r.value7(), r.value8().toInstant()));
    }

    /**
     * The SPICE observations that started in [{@code from}, {@code to}), in time order, with their planning keys: what
     * plan-versus-executed compares an STP's timeline with. Planning is a staff tool, so every access level counts
     * ({@link Visibility.Reader#STAFF}): a team's own embargoed files were executed too. Callers outside planning must
     * not show these rows to anonymous visitors.
     */
    public List<SpiceObservation> spiceObservations(Instant from, Instant to) {
        return dsl.select(OBSERVATION.ID, OBSERVATION.SPIOBSID, OBSERVATION.MISOSTUD, OBSERVATION.STUDY,
                        OBSERVATION.STUDY_ID, OBSERVATION.DATE_OBS, OBSERVATION.DATE_END)
                .from(OBSERVATION)
                .where(OBSERVATION.INSTRUMENT.eq("SPICE"))
                .and(OBSERVATION.DATE_OBS.ge(utc(from)))
                .and(OBSERVATION.DATE_OBS.lt(utc(to)))
                .and(visibleTo(Visibility.Reader.STAFF))
                .orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID)
                .fetch(r -> new SpiceObservation(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6().toInstant(), r.value7().toInstant()));
    }

    /**
     * What the catalogue holds that the caller may see, per mission, instrument and detector: the time covered (earliest
     * start, latest end), how many observations, and the levels and wavelengths (Å) present. What clients build their
     * search vocabulary from; one aggregate query.
     */
    public List<Holding> holdings() {
        Field<String[]> levels = DSL.field("array_remove(array_agg(DISTINCT {0} ORDER BY {0}), NULL)", String[].class, OBSERVATION.LEVEL);
        Field<Double[]> wavelengths = DSL.field("array_remove(array_agg(DISTINCT {0} ORDER BY {0}), NULL)", Double[].class,
                OBSERVATION.WAVELENGTH_ANGSTROM);
        return dsl.select(OBSERVATION.MISSION, OBSERVATION.INSTRUMENT, OBSERVATION.DETECTOR, DSL.min(OBSERVATION.DATE_OBS),
                        DSL.max(OBSERVATION.DATE_END), DSL.count(), levels, wavelengths)
                .from(OBSERVATION).where(visibleToCaller())
                .groupBy(OBSERVATION.MISSION, OBSERVATION.INSTRUMENT, OBSERVATION.DETECTOR)
                .orderBy(OBSERVATION.MISSION, OBSERVATION.INSTRUMENT, OBSERVATION.DETECTOR)
                .fetch(r -> new Holding(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5().toInstant(),
                        r.value6(), List.of(r.value7()), List.of(r.value8())));
    }

    /** The observations of one mission, instrument and detector (null when the instrument has none) in the catalogue. */
    public record Holding(String mission, String instrument, String detector, Instant firstObservation,
                          Instant lastObservation, long observations, List<String> levels, List<Double> wavelengthsAngstrom) {}

    /**
     * Whether any catalogued observation, whatever its access level, has header keyword {@code keyword} equal to
     * {@code value} (as in a keyword search, through the header's GIN index): housekeeping such as "is the demo data
     * there already" ({@code ORIGIN = 'medoc demo'}). It answers yes or no, never which observation.
     */
    public boolean holdsObservationWithHeader(String keyword, String value) {
        return dsl.fetchExists(OBSERVATION, headerContains(new KeywordFilter(keyword, value)));
    }

    private static final List<Field<?>> STORED_FILE_FIELDS = List.of(OBSERVATION.ID, OBSERVATION.STORAGE_KEY,
            OBSERVATION.QUICKLOOK_KEY, OBSERVATION.FILE_NAME, OBSERVATION.SIZE_BYTES, OBSERVATION.SHA256);

    private static StoredFile storedFile(Record r) {
        return new StoredFile(r.get(OBSERVATION.ID), r.get(OBSERVATION.STORAGE_KEY), r.get(OBSERVATION.QUICKLOOK_KEY),
                r.get(OBSERVATION.FILE_NAME), r.get(OBSERVATION.SIZE_BYTES), r.get(OBSERVATION.SHA256));
    }

    /** A catalogued file's storage facts. */
    public record StoredFile(long id, String storageKey, String quicklookKey, String fileName, long sizeBytes, String sha256) {}

    /** The observations the current caller may see ({@link Visibility}: anonymous visitors public ones, staff all). */
    static Condition visibleToCaller() {
        return visibleTo(Visibility.caller());
    }

    /** {@link Visibility}'s rule as a condition on the catalogue: the only place the access column is compared. */
    static Condition visibleTo(Visibility.Reader reader) {
        Set<Visibility.Access> visible = Visibility.observationsVisibleTo(reader);
        return visible.size() == Visibility.Access.values().length
                ? DSL.noCondition()
                : OBSERVATION.ACCESS.in(visible.stream().map(Visibility.Access::name).toList());
    }

    private Condition where(ObservationQuery query) {
        Condition filters = filters(query);
        return query.cadence() == null ? filters : filters.and(OBSERVATION.ID.in(onePerInterval(query, filters)));
    }

    /**
     * The cadence filter: of the observations matching {@code filters}, the first (by observation time, then id) of
     * each instrument, detector and wavelength in each interval of the cadence counted from the query's start (from
     * 1970-01-01T00:00Z without one). The choice depends only on the filters, never on the page, so offset and keyset
     * pages over it stay consistent and the total counts it exactly.
     */
    private Select<Record1<Long>> onePerInterval(ObservationQuery query, Condition filters) {
        Instant anchor = query.from() == null ? Instant.EPOCH : query.from();
        Field<Double> interval = DSL.field("floor(extract(epoch FROM {0} - {1}) / {2})", Double.class,
                OBSERVATION.DATE_OBS, DSL.val(utc(anchor), OBSERVATION.DATE_OBS), DSL.val(query.cadence().toMillis() / 1000.0));
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(OBSERVATION.INSTRUMENT, OBSERVATION.DETECTOR,
                OBSERVATION.WAVELENGTH_ANGSTROM, interval).orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID)).as("rank_in_interval");
        Table<?> ranked = DSL.select(OBSERVATION.ID, rank).from(OBSERVATION).where(filters).asTable("ranked");
        return DSL.select(ranked.field(OBSERVATION.ID)).from(ranked).where(ranked.field(rank).eq(1));
    }

    private Condition filters(ObservationQuery query) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(visibleToCaller());
        if (query.from() != null || query.to() != null) {
            // [date_obs, date_end] overlaps [from, to] (both closed, date_end >= date_obs by the table's check) written
            // as plain column comparisons rather than tstzrange(...) && tstzrange(...): the planner estimates these
            // from the columns' histograms (12,443 rows for 18,252 at 20 M rows, against 156 for the range overlap),
            // and the (instrument, date_obs, id) and (date_obs, id) indexes, which include date_end and access, serve
            // the page in order and the bounded count without visiting the table. With the overlap operator the
            // misestimate made PostgreSQL AND a GiST bitmap into a heap scan and sort: 44 ms instead of 0.2 ms for
            // "AIA, one month" (docs/benchmarks.md, 20 M rows).
            if (query.to() != null) {
                conditions.add(OBSERVATION.DATE_OBS.le(utc(query.to())));
            }
            if (query.from() != null) {
                conditions.add(OBSERVATION.DATE_END.ge(utc(query.from())));
                // implied by the overlap, so that the date index bounds its scan: an overlapping observation starts at
                // most the longest duration before 'from'
                Double longestSeconds = searchDsl.select(DSL.max(SPAN_SECONDS)).from(OBSERVATION).fetchOne(0, Double.class);
                long margin = longestSeconds == null ? 0 : (long) Math.ceil(longestSeconds);
                conditions.add(OBSERVATION.DATE_OBS.ge(utc(query.from().minusSeconds(margin))));
            }
        }
        if (hasText(query.mission())) {
            conditions.add(OBSERVATION.MISSION.eq(query.mission().trim().toUpperCase(Locale.ROOT)));
        }
        if (hasText(query.instrument())) {
            conditions.add(OBSERVATION.INSTRUMENT.eq(query.instrument().trim().toUpperCase(Locale.ROOT)));
        }
        if (hasText(query.detector())) {
            String detector = query.detector().trim().toUpperCase(Locale.ROOT);
            int slash = detector.indexOf('/');
            if (slash >= 0) {
                conditions.add(OBSERVATION.INSTRUMENT.eq(detector.substring(0, slash)));
                detector = detector.substring(slash + 1);
            }
            conditions.add(OBSERVATION.DETECTOR.eq(detector));
        }
        if (query.wavelengthAngstrom() != null) {
            conditions.add(OBSERVATION.WAVELENGTH_ANGSTROM.between(
                    query.wavelengthAngstrom() - WAVELENGTH_TOLERANCE_ANGSTROM,
                    query.wavelengthAngstrom() + WAVELENGTH_TOLERANCE_ANGSTROM));
        }
        if (query.wavelengthMinAngstrom() != null) {
            conditions.add(OBSERVATION.WAVELENGTH_ANGSTROM.ge(query.wavelengthMinAngstrom()));
        }
        if (query.wavelengthMaxAngstrom() != null) {
            conditions.add(OBSERVATION.WAVELENGTH_ANGSTROM.le(query.wavelengthMaxAngstrom()));
        }
        if (hasText(query.level())) {
            conditions.add(OBSERVATION.LEVEL.eq(Levels.normalise(query.level())));
        }
        for (KeywordFilter keyword : query.keywords()) {
            conditions.add(headerContains(keyword));
        }
        return DSL.and(conditions);
    }

    /** Uses the GIN (jsonb_path_ops) index: containment of the string form, or of the numeric form when the value is a number. */
    private Condition headerContains(KeywordFilter keyword) {
        Condition asString = OBSERVATION.HEADER.contains(JSONB.valueOf(json.writeValueAsString(Map.of(keyword.name(), keyword.value()))));
        BigDecimal number = parseNumber(keyword.value());
        if (number == null) {
            Boolean logical = switch (keyword.value().toUpperCase(Locale.ROOT)) {
                case "T", "TRUE" -> Boolean.TRUE;
                case "F", "FALSE" -> Boolean.FALSE;
                default -> null;
            };
            return logical == null ? asString
                    : asString.or(OBSERVATION.HEADER.contains(JSONB.valueOf(json.writeValueAsString(Map.of(keyword.name(), logical)))));
        }
        return asString.or(OBSERVATION.HEADER.contains(JSONB.valueOf(json.writeValueAsString(Map.of(keyword.name(), number)))));
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Field<?> sortField(ObservationSort.Field field) {
        return switch (field) {
            case DATE_OBS -> OBSERVATION.DATE_OBS;
            case WAVELENGTH -> DSL.coalesce(OBSERVATION.WAVELENGTH_ANGSTROM, DSL.inline(-1.0));
            case INSTRUMENT -> OBSERVATION.INSTRUMENT;
            case SIZE -> OBSERVATION.SIZE_BYTES;
            case ID -> OBSERVATION.ID;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition seekAfter(ObservationQuery query, Cursor cursor) {
        Field field = sortField(query.sort().field());
        if (query.sort().field() == ObservationSort.Field.ID) {
            return query.sort().ascending() ? OBSERVATION.ID.gt(cursor.id()) : OBSERVATION.ID.lt(cursor.id());
        }
        var row = DSL.row(field, OBSERVATION.ID);
        var bound = DSL.row(DSL.val(cursor.value(), field), DSL.val(cursor.id()));
        return query.sort().ascending() ? row.gt(bound) : row.lt(bound);
    }

    private record Cursor(Object value, long id, long total, boolean estimate) {}

    /** sort|last value|last id|total ("~n" when estimated)|cadence in ms (empty without one). */
    private static String encodeCursor(ObservationQuery query, Object value, long id, Total total) {
        String text = switch (value) {
            case OffsetDateTime time -> time.toInstant().toString();
            case null -> "";
            default -> value.toString();
        };
        // an estimated total is carried as "~n" so that later pages still say it is an estimate
        String raw = query.sort().asParameter() + "|" + text + "|" + id + "|" + (total.estimate() ? "~" : "")
                + total.value() + "|" + cadenceText(query);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String cadenceText(ObservationQuery query) {
        return query.cadence() == null ? "" : Long.toString(query.cadence().toMillis());
    }

    private static Cursor decodeCursor(String cursor, ObservationQuery query) {
        ObservationSort sort = query.sort();
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length < 4 || parts.length > 5 || !parts[0].equals(sort.asParameter())) {
                throw new InvalidQueryException("cursor", "cursor does not belong to a search sorted by " + sort.asParameter());
            }
            // cursors issued before cadence existed have four parts and no cadence
            if (!(parts.length == 5 ? parts[4] : "").equals(cadenceText(query))) {
                throw new InvalidQueryException("cursor", "cursor belongs to a search with another cadence: "
                        + "repeat the cadence of the search that returned it");
            }
            long id = Long.parseLong(parts[2]);
            Object value = switch (sort.field()) {
                case DATE_OBS -> OffsetDateTime.ofInstant(Instant.parse(parts[1]), ZoneOffset.UTC);
                case WAVELENGTH -> Double.valueOf(parts[1]);
                case INSTRUMENT -> parts[1];
                case SIZE, ID -> Long.valueOf(parts[1]);
            };
            boolean estimate = parts[3].startsWith("~");
            return new Cursor(value, id, Long.parseLong(estimate ? parts[3].substring(1) : parts[3]), estimate);
        } catch (InvalidQueryException e) {
            throw e;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidQueryException("cursor", "cursor is not one this server issued");
        }
    }

    static List<Field<?>> summaryFields() {
        return List.of(OBSERVATION.ID, OBSERVATION.MISSION, OBSERVATION.INSTRUMENT, OBSERVATION.DETECTOR,
                OBSERVATION.WAVELENGTH_ANGSTROM, OBSERVATION.DATE_OBS, OBSERVATION.DATE_END, OBSERVATION.EXPOSURE_SECONDS,
                OBSERVATION.LEVEL, OBSERVATION.FILE_NAME, OBSERVATION.SIZE_BYTES, OBSERVATION.SHA256,
                OBSERVATION.IMAGE_WIDTH, OBSERVATION.IMAGE_HEIGHT, OBSERVATION.QUICKLOOK_KEY);
    }

    static ObservationSummary summary(Record r) {
        long id = r.get(OBSERVATION.ID);
        return new ObservationSummary(id, r.get(OBSERVATION.MISSION), r.get(OBSERVATION.INSTRUMENT),
                r.get(OBSERVATION.DETECTOR), r.get(OBSERVATION.WAVELENGTH_ANGSTROM),
                r.get(OBSERVATION.DATE_OBS).toInstant(), r.get(OBSERVATION.DATE_END).toInstant(),
                r.get(OBSERVATION.EXPOSURE_SECONDS), r.get(OBSERVATION.LEVEL), r.get(OBSERVATION.FILE_NAME),
                r.get(OBSERVATION.SIZE_BYTES), r.get(OBSERVATION.SHA256), r.get(OBSERVATION.IMAGE_WIDTH),
                r.get(OBSERVATION.IMAGE_HEIGHT), ObservationSummary.fileUrl(id),
                r.get(OBSERVATION.QUICKLOOK_KEY) == null ? null : ObservationSummary.previewUrl(id), null);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
