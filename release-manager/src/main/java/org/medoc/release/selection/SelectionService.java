package org.medoc.release.selection;

import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.SelectionSummary;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.medoc.archive.catalogue.Levels;
import org.medoc.db.jooq.archive.tables.records.ObservationRecord;
import org.medoc.release.model.ValidationProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;
import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.PRODUCT_FILE;
import static org.medoc.db.jooq.products.Tables.PRODUCT_INPUT;

/**
 * Turns a draft's {@link SelectionRules} into files of the archive's catalogue and of the product catalogue: a live
 * count and size with a preview for the draft, and the full list with catalogue rows for the freeze. The order is
 * fixed (observations by time then id, then products by type, version, reference time and id), so the same rules over
 * the same catalogues always give the same package paths.
 *
 * <p>A selected product contributes its main data file: its first DATA file, what the product catalogue serves as
 * the product's download ({@code ProductCatalogue.dataFile}). Its PNG previews are quick-looks made from that file and
 * stay available from the products API; they are not part of a citable release (docs/releases.md, "Derived products").
 */
@Service
@Transactional(readOnly = true)
public class SelectionService {

    static final String FITS = "application/fits";
    private final DSLContext dsl;
    private final ObjectMapper json;

    public SelectionService(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** Count, total size, the first {@code previewSize} files and the problems of the selection as it is now. */
    public SelectionSummary summarise(SelectionRules rules, int previewSize) {
        Condition where = condition(rules);
        Record2<Integer, BigDecimal> totals = dsl.select(DSL.count(), DSL.sum(OBSERVATION.SIZE_BYTES))
                .from(OBSERVATION).where(where).fetchOne();
        long count = totals == null ? 0 : totals.value1();
        long bytes = totals == null || totals.value2() == null ? 0 : totals.value2().longValue();
        if (rules.hasProductCriteria()) {
            Record2<Integer, BigDecimal> products = dsl.select(DSL.count(), DSL.sum(PRODUCT_FILE.SIZE_BYTES))
                    .from(PRODUCT).join(PRODUCT_FILE).on(mainDataFile()).where(productCondition(rules)).fetchOne();
            count += products == null ? 0 : products.value1();
            bytes += products == null || products.value2() == null ? 0 : products.value2().longValue();
        }
        List<ReleaseFile> preview = files(rules, CatalogFormat.GENERIC, previewSize, false);
        return new SelectionSummary(count, bytes, preview, problems(rules, count));
    }

    /** Every selected file with its catalogue row, in package order, as the freeze records them. */
    public List<ReleaseFile> resolve(SelectionRules rules, CatalogFormat format) {
        return files(rules, format, Integer.MAX_VALUE, true);
    }

    /** What is wrong with the rules: explicit additions that are not public or do not exist, an empty selection. */
    public List<ValidationProblem> problems(SelectionRules rules, long count) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (!rules.additions().isEmpty()) {
            Map<Long, String> found = dsl.select(OBSERVATION.ID, OBSERVATION.ACCESS).from(OBSERVATION)
                    .where(OBSERVATION.ID.in(rules.additions())).fetchMap(OBSERVATION.ID, OBSERVATION.ACCESS);
            for (Long id : rules.additions()) {
                String access = found.get(id);
                if (access == null) {
                    problems.add(ValidationProblem.error("/selection/additions", "observation " + id + " does not exist"));
                } else if (!access.equals("PUBLIC")) {
                    problems.add(ValidationProblem.error("/selection/additions", "observation " + id + " is " + access
                            + " and a release is public: change its access or remove it from the additions"));
                }
            }
        }
        if (rules.hasProductCriteria()) {
            problems.addAll(productProblems(rules));
        }
        if (count == 0) {
            problems.add(ValidationProblem.error("/selection", rules.hasCriteria() || !rules.additions().isEmpty()
                    ? "the selection matches no public file" : "the selection has no rule and no explicit addition"));
        }
        return problems;
    }

    private List<ReleaseFile> files(SelectionRules rules, CatalogFormat format, int limit, boolean withRows) {
        List<ReleaseFile> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        var select = dsl.selectFrom(OBSERVATION).where(condition(rules)).orderBy(OBSERVATION.DATE_OBS, OBSERVATION.ID);
        try (var cursor = (limit == Integer.MAX_VALUE ? select : select.limit(limit)).fetchSize(500).fetchLazy()) {
            for (ObservationRecord observation : cursor) {
                String path = PackagePaths.path(observation.getLevel(), observation.getDateObs(), observation.getFileName());
                if (!paths.add(path)) {
                    path = PackagePaths.disambiguate(path, observation.getId());
                    paths.add(path);
                }
                Map<String, String> row = withRows ? CatalogRows.row(format, observation, header(observation), path) : Map.of();
                files.add(new ReleaseFile(FileKind.OBSERVATION, observation.getId(), observation.getStorageKey(),
                        observation.getSha256(), null, observation.getSizeBytes(), path, FITS, row));
            }
        }
        if (rules.hasProductCriteria() && files.size() < limit) {
            files.addAll(productFiles(rules, format, limit - files.size(), withRows, paths));
        }
        return files;
    }

    /**
     * The selected products' main data files. Catalogue rows need the products' inputs (mission, instrument, time
     * span), read in one query per 500 products rather than one per product.
     */
    private List<ReleaseFile> productFiles(SelectionRules rules, CatalogFormat format, int limit, boolean withRows,
                                           Set<String> paths) {
        var select = dsl.select(PRODUCT.fields()).select(PRODUCT_FILE.fields())
                .from(PRODUCT).join(PRODUCT_FILE).on(mainDataFile()).where(productCondition(rules))
                .orderBy(PRODUCT.TYPE, PRODUCT.VERSION, PRODUCT.REFERENCE_TIME, PRODUCT.ID);
        List<ReleaseFile> files = new ArrayList<>();
        List<ProductRows.Selected> batch = new ArrayList<>();
        try (var cursor = (limit == Integer.MAX_VALUE ? select : select.limit(limit)).fetchSize(500).fetchLazy()) {
            for (var record : cursor) {
                var product = record.into(PRODUCT);
                var file = record.into(PRODUCT_FILE);
                String path = PackagePaths.productPath(product.getType(), product.getVersion(), product.getReferenceTime(),
                        file.getName());
                if (!paths.add(path)) {
                    path = PackagePaths.disambiguate(path, product.getId());
                    paths.add(path);
                }
                batch.add(new ProductRows.Selected(product, file, path));
                if (batch.size() == 500) {
                    files.addAll(productBatch(batch, format, withRows));
                    batch.clear();
                }
            }
        }
        files.addAll(productBatch(batch, format, withRows));
        return files;
    }

    private List<ReleaseFile> productBatch(List<ProductRows.Selected> batch, CatalogFormat format, boolean withRows) {
        Map<Long, ProductRows.Inputs> inputs = withRows ? inputs(batch.stream().map(s -> s.product().getId()).toList()) : Map.of();
        List<ReleaseFile> files = new ArrayList<>(batch.size());
        for (ProductRows.Selected selected : batch) {
            var file = selected.file();
            Map<String, String> row = withRows ? ProductRows.row(format, selected,
                    inputs.getOrDefault(selected.product().getId(), ProductRows.Inputs.NONE)) : Map.of();
            files.add(new ReleaseFile(FileKind.PRODUCT, selected.product().getId(), file.getStorageKey(), file.getSha256().trim(),
                    null, file.getSizeBytes(), selected.packagePath(), file.getMediaType(), row));
        }
        return files;
    }

    /** What each product was made from: input observation ids, missions, instruments and observed span. */
    private Map<Long, ProductRows.Inputs> inputs(List<Long> productIds) {
        Map<Long, ProductRows.Inputs> inputs = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return inputs;
        }
        dsl.select(PRODUCT_INPUT.PRODUCT_ID, OBSERVATION.ID, OBSERVATION.MISSION, OBSERVATION.INSTRUMENT,
                        OBSERVATION.DATE_OBS, OBSERVATION.DATE_END)
                .from(PRODUCT_INPUT).join(OBSERVATION).on(OBSERVATION.ID.eq(PRODUCT_INPUT.OBSERVATION_ID))
                .where(PRODUCT_INPUT.PRODUCT_ID.in(productIds))
                .orderBy(PRODUCT_INPUT.PRODUCT_ID, OBSERVATION.ID)
                .forEach(r -> inputs.merge(r.value1(), ProductRows.Inputs.of(r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6()), ProductRows.Inputs::plus));
        return inputs;
    }

    /** A product's main data file: its DATA file of lowest position. */
    static Condition mainDataFile() {
        var other = PRODUCT_FILE.as("other");
        return PRODUCT_FILE.PRODUCT_ID.eq(PRODUCT.ID).and(PRODUCT_FILE.ROLE.eq("DATA"))
                .and(PRODUCT_FILE.POSITION.eq(DSL.select(DSL.min(other.POSITION)).from(other)
                        .where(other.PRODUCT_ID.eq(PRODUCT.ID)).and(other.ROLE.eq("DATA"))));
    }

    /** The product rules as one SQL condition: type, version, and a reference time inside any time range. */
    static Condition productCondition(SelectionRules rules) {
        if (!rules.hasProductCriteria()) {
            return DSL.falseCondition();
        }
        List<Condition> all = new ArrayList<>();
        if (!rules.productTypes().isEmpty()) {
            // product types are catalogued in lower case (products.product CHECK)
            all.add(PRODUCT.TYPE.in(rules.productTypes().stream().map(type -> type.trim().toLowerCase(Locale.ROOT)).toList()));
        }
        if (!rules.productVersions().isEmpty()) {
            all.add(PRODUCT.VERSION.in(rules.productVersions().stream().map(String::trim).toList()));
        }
        if (!rules.timeRanges().isEmpty()) {
            all.add(DSL.or(rules.timeRanges().stream().map(range -> PRODUCT.REFERENCE_TIME.between(
                    range.from().atOffset(ZoneOffset.UTC), range.to().atOffset(ZoneOffset.UTC))).toList()));
        }
        return DSL.and(all);
    }

    /** Product types or versions that the catalogue does not hold at all: most likely a typing error. */
    private List<ValidationProblem> productProblems(SelectionRules rules) {
        List<ValidationProblem> problems = new ArrayList<>();
        Set<String> types = new HashSet<>(dsl.selectDistinct(PRODUCT.TYPE).from(PRODUCT).fetch(PRODUCT.TYPE));
        for (String type : rules.productTypes()) {
            if (!types.contains(type.trim().toLowerCase(Locale.ROOT))) {
                problems.add(ValidationProblem.warning("/selection/productTypes", "no product of type '" + type.trim()
                        + "' is catalogued (catalogued types: " + types.stream().sorted().toList() + ")"));
            }
        }
        Set<String> versions = new HashSet<>(dsl.selectDistinct(PRODUCT.VERSION).from(PRODUCT)
                .where(rules.productTypes().isEmpty() ? DSL.noCondition() : PRODUCT.TYPE.in(rules.productTypes().stream()
                        .map(type -> type.trim().toLowerCase(Locale.ROOT)).toList()))
                .fetch(PRODUCT.VERSION));
        for (String version : rules.productVersions()) {
            if (!versions.contains(version.trim())) {
                problems.add(ValidationProblem.warning("/selection/productVersions", "no product of version '" + version.trim()
                        + "'" + (rules.productTypes().isEmpty() ? "" : " and type " + rules.productTypes()) + " is catalogued"));
            }
        }
        return problems;
    }

    private Map<String, Object> header(ObservationRecord observation) {
        return json.readValue(observation.getHeader().data(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** The rules as one SQL condition; public observations only. */
    static Condition condition(SelectionRules rules) {
        Condition matched = DSL.falseCondition();
        if (rules.hasObservationCriteria()) {
            List<Condition> all = new ArrayList<>();
            if (!rules.instruments().isEmpty()) {
                all.add(OBSERVATION.INSTRUMENT.in(rules.instruments().stream()
                        .map(code -> code.trim().toUpperCase(Locale.ROOT)).toList()));
            }
            if (!rules.levels().isEmpty()) {
                all.add(OBSERVATION.LEVEL.in(rules.levels().stream().map(Levels::normalise).filter(Objects::nonNull).toList()));
            }
            if (!rules.timeRanges().isEmpty()) {
                all.add(DSL.or(rules.timeRanges().stream().map(range -> OBSERVATION.DATE_OBS.le(range.to().atOffset(ZoneOffset.UTC))
                        .and(OBSERVATION.DATE_END.ge(range.from().atOffset(ZoneOffset.UTC)))).toList()));
            }
            if (!rules.stps().isEmpty()) {
                all.add(DSL.or(rules.stps().stream().map(range -> OBSERVATION.STP.between(range.first(), range.last())).toList()));
            }
            if (!rules.fileVersions().isEmpty()) {
                // SPICE names end in _V<NN>_<SPIOBSID>-<RASTERNO>.fits (ARCHIVE_AND_RELEASES.md §6.3)
                all.add(DSL.or(rules.fileVersions().stream()
                        .map(version -> OBSERVATION.FILE_NAME.likeIgnoreCase("%\\_" + version.trim().replace("%", "").replace("_", "") + "\\_%", '\\'))
                        .toList()));
            }
            matched = DSL.and(all);
        }
        if (!rules.additions().isEmpty()) {
            matched = matched.or(OBSERVATION.ID.in(rules.additions()));
        }
        Condition condition = matched.and(OBSERVATION.ACCESS.eq("PUBLIC"));
        if (!rules.exclusions().isEmpty()) {
            condition = condition.and(OBSERVATION.ID.notIn(rules.exclusions()));
        }
        return condition;
    }
}
