package org.medoc.release.selection;

import org.medoc.archive.access.Visibility;
import org.medoc.archive.catalogue.CatalogueRow;
import org.medoc.archive.catalogue.ObservationSelection;
import org.medoc.archive.catalogue.ObservationSummary;
import org.medoc.archive.catalogue.ReleaseSelections;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductSelection;
import org.medoc.products.catalogue.SelectedProduct;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;
import org.medoc.release.model.ValidationProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a draft's {@link SelectionRules} into files of the archive's catalogue and of the product catalogue: a live
 * count and size with a preview for the draft, and the full list with catalogue rows for the freeze. The catalogues
 * are read through their owners' services ({@link ReleaseSelections}, {@link ProductCatalogue}), which decide what a
 * release may hold. The order is fixed (observations by time then id, then products by type, version, reference time
 * and id), so the same rules over the same catalogues always give the same package paths.
 *
 * <p>A selected product contributes its main data file: its first DATA file, what the product catalogue serves as
 * the product's download ({@code ProductCatalogue.dataFile}). Its PNG previews are quick-looks made from that file and
 * stay available from the products API; they are not part of a citable release (docs/releases.md, "Derived products").
 */
@Service
@Transactional(readOnly = true)
public class SelectionService {

    static final String FITS = "application/fits";
    private final ReleaseSelections observations;
    private final ProductCatalogue products;

    public SelectionService(ReleaseSelections observations, ProductCatalogue products) {
        this.observations = observations;
        this.products = products;
    }

    /** Count, total size, the first {@code previewSize} files and the problems of the selection as it is now. */
    public SelectionSummary summarise(SelectionRules rules, int previewSize) {
        ReleaseSelections.Totals totals = observations.totals(observationSelection(rules));
        long count = totals.count();
        long bytes = totals.bytes();
        if (rules.hasProductCriteria()) {
            ProductCatalogue.SelectionTotals productTotals = products.totals(productSelection(rules));
            count += productTotals.count();
            bytes += productTotals.bytes();
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
            Map<Long, Visibility.Access> found = observations.accessLevels(rules.additions());
            for (Long id : rules.additions()) {
                Visibility.Access access = found.get(id);
                if (access == null) {
                    problems.add(ValidationProblem.error("/selection/additions", "observation " + id + " does not exist"));
                } else if (!Visibility.mayRead(Visibility.Reader.RELEASE, access)) {
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

    /**
     * The span "start/end" that these frozen files observed: observations from their start to their end, products at
     * their reference time (DataCite's Coverage date).
     */
    public Optional<String> coverage(List<Long> observationIds, List<Long> productIds) {
        Instant begin = null;
        Instant end = null;
        var observed = observations.span(observationIds);
        if (observed.isPresent()) {
            begin = observed.get().from();
            end = observed.get().to();
        }
        var referenced = products.referenceSpan(productIds);
        if (referenced.isPresent()) {
            begin = begin == null || referenced.get().from().isBefore(begin) ? referenced.get().from() : begin;
            end = end == null || referenced.get().to().isAfter(end) ? referenced.get().to() : end;
        }
        return begin == null ? Optional.empty() : Optional.of(begin + "/" + end);
    }

    private List<ReleaseFile> files(SelectionRules rules, CatalogFormat format, int limit, boolean withRows) {
        List<ReleaseFile> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        observations.forEach(observationSelection(rules), limit, withRows,
                observation -> files.add(observationFile(observation, format, withRows, paths)));
        if (rules.hasProductCriteria() && files.size() < limit) {
            files.addAll(productFiles(rules, format, limit - files.size(), withRows, paths));
        }
        return files;
    }

    private static ReleaseFile observationFile(CatalogueRow observation, CatalogFormat format, boolean withRow, Set<String> paths) {
        String path = PackagePaths.path(observation.level(), observation.dateObs().atOffset(ZoneOffset.UTC),
                observation.fileName());
        if (!paths.add(path)) {
            path = PackagePaths.disambiguate(path, observation.id());
            paths.add(path);
        }
        Map<String, String> row = withRow ? CatalogRows.row(format, observation, path) : Map.of();
        return new ReleaseFile(FileKind.OBSERVATION, observation.id(), observation.storageKey(), observation.sha256(), null,
                observation.sizeBytes(), path, FITS, row);
    }

    /**
     * The selected products' main data files. Catalogue rows need the products' inputs (mission, instrument, time
     * span): the product catalogue names them and the archive's catalogue describes them, in one query each per 500
     * products rather than one per product.
     */
    private List<ReleaseFile> productFiles(SelectionRules rules, CatalogFormat format, int limit, boolean withRows,
                                           Set<String> paths) {
        List<SelectedProduct> selected = products.selected(productSelection(rules), limit, withRows);
        List<ReleaseFile> files = new ArrayList<>(selected.size());
        for (int from = 0; from < selected.size(); from += 500) {
            List<SelectedProduct> batch = selected.subList(from, Math.min(selected.size(), from + 500));
            Map<Long, ObservationSummary> inputs = withRows ? observations.summaries(batch.stream()
                    .flatMap(p -> p.inputIds().stream()).collect(Collectors.toCollection(LinkedHashSet::new)))
                    : Map.of();
            for (SelectedProduct product : batch) {
                String path = PackagePaths.productPath(product.type(), product.version(),
                        product.referenceTime().atOffset(ZoneOffset.UTC), product.dataFile().name());
                if (!paths.add(path)) {
                    path = PackagePaths.disambiguate(path, product.id());
                    paths.add(path);
                }
                Map<String, String> row = withRows ? ProductRows.row(format, product, path, ProductRows.Inputs.of(product, inputs))
                        : Map.of();
                files.add(new ReleaseFile(FileKind.PRODUCT, product.id(), product.dataFile().storageKey(),
                        product.dataFile().sha256(), null, product.dataFile().size(), path, product.dataFile().mediaType(), row));
            }
        }
        return files;
    }

    /** Product types or versions that the catalogue does not hold at all: most likely a typing error. */
    private List<ValidationProblem> productProblems(SelectionRules rules) {
        List<ValidationProblem> problems = new ArrayList<>();
        ProductSelection selection = productSelection(rules);
        Set<String> types = new HashSet<>(products.types());
        for (String type : rules.productTypes()) {
            if (!types.contains(type.trim().toLowerCase(Locale.ROOT))) {
                problems.add(ValidationProblem.warning("/selection/productTypes", "no product of type '" + type.trim()
                        + "' is catalogued (catalogued types: " + types.stream().sorted().toList() + ")"));
            }
        }
        Set<String> versions = new HashSet<>(products.versions(selection.types()));
        for (String version : rules.productVersions()) {
            if (!versions.contains(version.trim())) {
                problems.add(ValidationProblem.warning("/selection/productVersions", "no product of version '" + version.trim()
                        + "'" + (rules.productTypes().isEmpty() ? "" : " and type " + rules.productTypes()) + " is catalogued"));
            }
        }
        return problems;
    }

    /**
     * The rules as the archive's catalogue understands them. Time ranges select observations only together with
     * another observation criterion when the rules also select products ({@link SelectionRules#hasObservationCriteria}).
     */
    static ObservationSelection observationSelection(SelectionRules rules) {
        boolean criteria = rules.hasObservationCriteria();
        return new ObservationSelection(
                criteria ? rules.instruments() : List.of(),
                criteria ? rules.levels() : List.of(),
                criteria ? rules.timeRanges().stream().map(r -> new ObservationSelection.TimeRange(r.from(), r.to())).toList() : List.of(),
                criteria ? rules.stps().stream().map(r -> new ObservationSelection.StpRange(r.first(), r.last())).toList() : List.of(),
                criteria ? rules.fileVersions() : List.of(),
                rules.additions(), rules.exclusions());
    }

    /** The product rules as the product catalogue understands them. */
    static ProductSelection productSelection(SelectionRules rules) {
        return rules.hasProductCriteria()
                ? new ProductSelection(rules.productTypes(), rules.productVersions(),
                        rules.timeRanges().stream().map(r -> new ProductSelection.TimeRange(r.from(), r.to())).toList())
                : new ProductSelection(List.of(), List.of(), List.of());
    }
}
