package org.medoc.products.catalogue;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.db.jooq.products.tables.records.ProductFileRecord;
import org.medoc.db.jooq.products.tables.records.ProductRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.medoc.db.jooq.products.Tables.PRODUCT;
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

    public ProductCatalogue(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
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
                    inputs.getOrDefault(row.getId(), List.of()), row.getCreatedAt().toInstant()));
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
        return where;
    }

    private Map<String, Object> map(String text) {
        return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
