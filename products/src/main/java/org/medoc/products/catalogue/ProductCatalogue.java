package org.medoc.products.catalogue;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.medoc.db.jooq.products.tables.records.ProductFileRecord;
import org.medoc.db.jooq.products.tables.records.ProductRecord;
import org.medoc.archive.catalogue.PublishedReleases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.PRODUCT_ATTRIBUTE;
import static org.medoc.db.jooq.products.Tables.PRODUCT_FILE;
import static org.medoc.db.jooq.products.Tables.PRODUCT_INPUT;

/**
 * Searches the product catalogue: the public API and the Products view both call it. Products are public, like the
 * archive's public observations; each page costs one query for its products, one for their files and one for their
 * inputs, whatever its size.
 */
@Service
@Transactional(readOnly = true)
public class ProductCatalogue {

    private final DSLContext dsl;
    private final ObjectMapper json;
    private final PublishedReleases releases;

    public ProductCatalogue(DSLContext dsl, ObjectMapper json, ObjectProvider<PublishedReleases> releases) {
        this.dsl = dsl;
        this.json = json;
        this.releases = releases.getIfAvailable(() -> PublishedReleases.NONE);
    }

    public ProductSearchResult search(ProductQuery query) {
        Condition where = where(query);
        long total = dsl.fetchCount(PRODUCT, where);
        List<ProductRecord> rows = dsl.selectFrom(PRODUCT).where(where)
                .orderBy(PRODUCT.REFERENCE_TIME.desc(), PRODUCT.ID.desc())
                .limit(query.size()).offset((long) query.page() * query.size())
                .fetch();
        return new ProductSearchResult(total, summaries(rows));
    }

    /** The products of one type and version in the catalogue: how many, earliest and latest reference time. */
    public record Holding(String type, String version, long products, java.time.Instant firstReferenceTime,
                          java.time.Instant lastReferenceTime) {}

    /** Every type and version in the catalogue with its count and time span, by type then version; one aggregate query. */
    public List<Holding> holdings() {
        return dsl.select(PRODUCT.TYPE, PRODUCT.VERSION, DSL.count(), DSL.min(PRODUCT.REFERENCE_TIME), DSL.max(PRODUCT.REFERENCE_TIME))
                .from(PRODUCT).groupBy(PRODUCT.TYPE, PRODUCT.VERSION).orderBy(PRODUCT.TYPE, PRODUCT.VERSION)
                .fetch(r -> new Holding(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5().toInstant()));
    }

    /** Product types present in the catalogue (installed or not). */
    public List<String> types() {
        return dsl.selectDistinct(PRODUCT.TYPE).from(PRODUCT).orderBy(PRODUCT.TYPE).fetch(PRODUCT.TYPE);
    }

    public Optional<ProductSummary> summary(long id) {
        return Optional.ofNullable(dsl.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id)).fetchOne())
                .map(row -> summaries(List.of(row)).getFirst());
    }

    public Optional<ProductDetail> detail(long id) {
        ProductRecord row = dsl.selectFrom(PRODUCT).where(PRODUCT.ID.eq(id)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<ProductDetail.ProductFile> files = files(id);
        return Optional.of(new ProductDetail(summaries(List.of(row)).getFirst(), files, map(row.getParameters().data()),
                map(row.getSummary().data()), row.getSoftwareVersion(), row.getDurationMs()));
    }

    /** The product's main data file (its first DATA file). */
    public Optional<ProductDetail.ProductFile> dataFile(long id) {
        return files(id).stream().filter(f -> f.role().equals("DATA")).findFirst();
    }

    /** The product's thumbnail (its first PREVIEW file). */
    public Optional<ProductDetail.ProductFile> preview(long id) {
        return files(id).stream().filter(f -> f.role().equals("PREVIEW")).findFirst();
    }

    /** One file by its catalogued name; the name is matched against the catalogue, never used as a path. */
    public Optional<ProductDetail.ProductFile> file(long id, String name) {
        return files(id).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private List<ProductDetail.ProductFile> files(long id) {
        return dsl.selectFrom(PRODUCT_FILE).where(PRODUCT_FILE.PRODUCT_ID.eq(id)).orderBy(PRODUCT_FILE.POSITION)
                .fetch(ProductCatalogue::file);
    }

    private static ProductDetail.ProductFile file(ProductFileRecord f) {
        return new ProductDetail.ProductFile(f.getPosition(), f.getName(), f.getRole(), f.getMediaType(), f.getSizeBytes(),
                f.getSha256().trim(), f.getStorageKey(), "/api/v1/products/" + f.getProductId() + "/files/"
                        + UriUtils.encodePathSegment(f.getName(), StandardCharsets.UTF_8));
    }

    private List<ProductSummary> summaries(List<ProductRecord> rows) {
        List<Long> ids = rows.stream().map(ProductRecord::getId).toList();
        Map<Long, List<ProductFileRecord>> files = new LinkedHashMap<>();
        dsl.selectFrom(PRODUCT_FILE).where(PRODUCT_FILE.PRODUCT_ID.in(ids)).orderBy(PRODUCT_FILE.PRODUCT_ID, PRODUCT_FILE.POSITION)
                .forEach(f -> files.computeIfAbsent(f.getProductId(), k -> new ArrayList<>()).add(f));
        Map<Long, List<ProductSummary.Input>> inputs = new LinkedHashMap<>();
        dsl.selectFrom(PRODUCT_INPUT).where(PRODUCT_INPUT.PRODUCT_ID.in(ids))
                .orderBy(PRODUCT_INPUT.PRODUCT_ID, PRODUCT_INPUT.OBSERVATION_ID)
                .forEach(i -> inputs.computeIfAbsent(i.getProductId(), k -> new ArrayList<>())
                        .add(new ProductSummary.Input(i.getObservationId(), i.getLabel(), i.getFileName(), i.getSha256().trim())));
        Map<Long, String> released = releases.identifiers(PublishedReleases.Kind.PRODUCT, ids);
        Map<Long, Map<String, List<String>>> attributes = new LinkedHashMap<>();
        dsl.selectFrom(PRODUCT_ATTRIBUTE).where(PRODUCT_ATTRIBUTE.PRODUCT_ID.in(ids))
                .orderBy(PRODUCT_ATTRIBUTE.PRODUCT_ID, PRODUCT_ATTRIBUTE.NAME, PRODUCT_ATTRIBUTE.VALUE)
                .forEach(a -> attributes.computeIfAbsent(a.getProductId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(a.getName(), k -> new ArrayList<>()).add(a.getValue()));
        List<ProductSummary> summaries = new ArrayList<>();
        for (ProductRecord row : rows) {
            List<ProductFileRecord> own = files.getOrDefault(row.getId(), List.of());
            ProductFileRecord data = own.stream().filter(f -> f.getRole().equals("DATA")).findFirst().orElse(null);
            boolean hasPreview = own.stream().anyMatch(f -> f.getRole().equals("PREVIEW"));
            summaries.add(new ProductSummary(row.getId(), row.getType(), row.getVersion(), row.getReferenceTime().toInstant(),
                    List.of(row.getFlags()), List.of(row.getMissingInputs()),
                    data == null ? null : data.getName(), data == null ? 0 : data.getSizeBytes(),
                    data == null ? null : data.getSha256().trim(),
                    ProductSummary.fileUrl(row.getId()), hasPreview ? ProductSummary.previewUrl(row.getId()) : null,
                    inputs.getOrDefault(row.getId(), List.of()), row.getCreatedAt().toInstant(), row.getSubject(),
                    attributes.getOrDefault(row.getId(), Map.of()), released.get(row.getId())));
        }
        return summaries;
    }

    private static Condition where(ProductQuery query) {
        Condition where = DSL.noCondition();
        if (query.type() != null) {
            where = where.and(PRODUCT.TYPE.eq(query.type()));
        }
        if (query.version() != null) {
            where = where.and(PRODUCT.VERSION.eq(query.version()));
        }
        if (query.from() != null) {
            where = where.and(PRODUCT.REFERENCE_TIME.ge(query.from().atOffset(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            where = where.and(PRODUCT.REFERENCE_TIME.le(query.to().atOffset(ZoneOffset.UTC)));
        }
        for (Map.Entry<String, String> attribute : query.attributes().entrySet()) {
            where = where.and(DSL.exists(DSL.selectOne().from(PRODUCT_ATTRIBUTE)
                    .where(PRODUCT_ATTRIBUTE.PRODUCT_ID.eq(PRODUCT.ID))
                    .and(PRODUCT_ATTRIBUTE.NAME.eq(attribute.getKey()))
                    .and(PRODUCT_ATTRIBUTE.VALUE.eq(attribute.getValue()))));
        }
        return query.cadence() == null ? where : where.and(PRODUCT.ID.in(onePerInterval(query, where)));
    }

    /**
     * The cadence filter: of the products matching {@code filters}, the first (by reference time, then id) of each type,
     * version and subject (e.g. one HARP) in each interval of the cadence counted from the query's start
     * (1970-01-01T00:00Z without one); it depends only on the filters, so every page and the total agree.
     */
    private static Select<Record1<Long>> onePerInterval(ProductQuery query, Condition filters) {
        Instant anchor = query.from() == null ? Instant.EPOCH : query.from();
        Field<Double> interval = DSL.field("floor(extract(epoch FROM {0} - {1}) / {2})", Double.class,
                PRODUCT.REFERENCE_TIME, DSL.val(anchor.atOffset(ZoneOffset.UTC), PRODUCT.REFERENCE_TIME),
                DSL.val(query.cadence().toMillis() / 1000.0));
        Field<Integer> rank = DSL.rowNumber().over(DSL.partitionBy(PRODUCT.TYPE, PRODUCT.VERSION, PRODUCT.SUBJECT, interval)
                .orderBy(PRODUCT.REFERENCE_TIME, PRODUCT.ID)).as("rank_in_interval");
        Table<?> ranked = DSL.select(PRODUCT.ID, rank).from(PRODUCT).where(filters).asTable("ranked");
        return DSL.select(ranked.field(PRODUCT.ID)).from(ranked).where(ranked.field(rank).eq(1));
    }

    private Map<String, Object> map(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    // ---------------------------------------------------------------- release selections

    /** How many products a selection holds and the total size of their main data files. */
    public record SelectionTotals(long count, long bytes) {}

    /** Count and size of a selection's main data files, in one aggregate query. */
    public SelectionTotals totals(ProductSelection selection) {
        Record2<Integer, BigDecimal> totals = dsl.select(DSL.count(), DSL.sum(PRODUCT_FILE.SIZE_BYTES))
                .from(PRODUCT).join(PRODUCT_FILE).on(mainDataFile()).where(condition(selection)).fetchOne();
        return new SelectionTotals(totals == null ? 0 : totals.value1(),
                totals == null || totals.value2() == null ? 0 : totals.value2().longValue());
    }

    /**
     * The first {@code limit} selected products with their main data file, in release order (type, version, reference
     * time, id), so that the same selection over the same catalogue always lists the same files. Inputs, when asked
     * for, are read in one query per 500 products rather than one per product.
     */
    public List<SelectedProduct> selected(ProductSelection selection, int limit, boolean withInputs) {
        var select = dsl.select(PRODUCT.fields()).select(PRODUCT_FILE.fields())
                .from(PRODUCT).join(PRODUCT_FILE).on(mainDataFile()).where(condition(selection))
                .orderBy(PRODUCT.TYPE, PRODUCT.VERSION, PRODUCT.REFERENCE_TIME, PRODUCT.ID);
        List<SelectedProduct> selected = new ArrayList<>();
        List<SelectedProduct> batch = new ArrayList<>();
        try (var cursor = (limit == Integer.MAX_VALUE ? select : select.limit(limit)).fetchSize(500).fetchLazy()) {
            for (var record : cursor) {
                ProductRecord product = record.into(PRODUCT);
                batch.add(new SelectedProduct(product.getId(), product.getType(), product.getVersion(),
                        product.getReferenceTime().toInstant(), product.getSoftwareVersion(), file(record.into(PRODUCT_FILE)),
                        List.of()));
                if (batch.size() == 500) {
                    selected.addAll(withInputs ? withInputs(batch) : batch);
                    batch.clear();
                }
            }
        }
        selected.addAll(withInputs ? withInputs(batch) : batch);
        return selected;
    }

    /** The versions catalogued for any of these types (any type when empty), in no particular order. */
    public List<String> versions(Collection<String> types) {
        return dsl.selectDistinct(PRODUCT.VERSION).from(PRODUCT)
                .where(types.isEmpty() ? DSL.noCondition() : PRODUCT.TYPE.in(types)).fetch(PRODUCT.VERSION);
    }

    /** The earliest and latest reference times of these products (DataCite's Coverage date of a release). */
    public Optional<ProductSelection.TimeRange> referenceSpan(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Record2<OffsetDateTime, OffsetDateTime> span = dsl.select(DSL.min(PRODUCT.REFERENCE_TIME), DSL.max(PRODUCT.REFERENCE_TIME))
                .from(PRODUCT).where(PRODUCT.ID.eq(DSL.any(ids.toArray(new Long[0])))).fetchOne();
        return span == null || span.value1() == null ? Optional.empty()
                : Optional.of(new ProductSelection.TimeRange(span.value1().toInstant(), span.value2().toInstant()));
    }

    private List<SelectedProduct> withInputs(List<SelectedProduct> batch) {
        if (batch.isEmpty()) {
            return batch;
        }
        Map<Long, List<Long>> inputs = new LinkedHashMap<>();
        dsl.select(PRODUCT_INPUT.PRODUCT_ID, PRODUCT_INPUT.OBSERVATION_ID).from(PRODUCT_INPUT)
                .where(PRODUCT_INPUT.PRODUCT_ID.in(batch.stream().map(SelectedProduct::id).toList()))
                .orderBy(PRODUCT_INPUT.PRODUCT_ID, PRODUCT_INPUT.OBSERVATION_ID)
                .forEach(r -> inputs.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return batch.stream().map(p -> new SelectedProduct(p.id(), p.type(), p.version(), p.referenceTime(),
                p.softwareVersion(), p.dataFile(), List.copyOf(inputs.getOrDefault(p.id(), List.of())))).toList();
    }

    /** A product's main data file: its DATA file of lowest position. */
    private static Condition mainDataFile() {
        var other = PRODUCT_FILE.as("other");
        return PRODUCT_FILE.PRODUCT_ID.eq(PRODUCT.ID).and(PRODUCT_FILE.ROLE.eq("DATA"))
                .and(PRODUCT_FILE.POSITION.eq(DSL.select(DSL.min(other.POSITION)).from(other)
                        .where(other.PRODUCT_ID.eq(PRODUCT.ID)).and(other.ROLE.eq("DATA"))));
    }

    /** The selection as one SQL condition: type, version, and a reference time inside any time range. */
    private static Condition condition(ProductSelection selection) {
        if (!selection.selectsAnything()) {
            return DSL.falseCondition();
        }
        List<Condition> all = new ArrayList<>();
        if (!selection.types().isEmpty()) {
            all.add(PRODUCT.TYPE.in(selection.types()));
        }
        if (!selection.versions().isEmpty()) {
            all.add(PRODUCT.VERSION.in(selection.versions()));
        }
        if (!selection.timeRanges().isEmpty()) {
            all.add(DSL.or(selection.timeRanges().stream().map(range -> PRODUCT.REFERENCE_TIME.between(
                    range.from().atOffset(ZoneOffset.UTC), range.to().atOffset(ZoneOffset.UTC))).toList()));
        }
        return DSL.and(all);
    }
}
