package org.medoc.products.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.api.ObservationController;
import org.medoc.archive.api.TimeParameters;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.download.FileResponses;
import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.access.Visibility;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductDetail;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSearchResult;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.ProductInstance;
import org.medoc.products.chain.RunSummary;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Public search and download of derived products, with their provenance. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "Search derived products (DEM maps, ...) and download their files")
public class ProductController {

    private final ProductCatalogue catalogue;
    private final ProductChain chain;
    private final ArchiveStore store;

    public ProductController(ProductCatalogue catalogue, ProductChain chain, ArchiveStore store) {
        this.catalogue = catalogue;
        this.chain = chain;
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "Search products", description = "Products whose reference time lies in [from, to], newest first")
    public ProductSearchResult search(
            @Parameter(description = "product type, e.g. dem") @RequestParam(required = false) String type,
            @Parameter(description = "interval start, ISO-8601 UTC or a date") @RequestParam(required = false) String from,
            @Parameter(description = "interval end, ISO-8601 UTC or a date (whole day)") @RequestParam(required = false) String to,
            @Parameter(description = "product version, e.g. 1.0 (default: every version)") @RequestParam(required = false) String version,
            @Parameter(description = "current maps: HARP number, e.g. 377 (numbers differ between nrt and sci)") @RequestParam(required = false) String harp,
            @Parameter(description = "current maps: NOAA active region number, e.g. 11158") @RequestParam(required = false) String noaa,
            @Parameter(description = "current maps: nrt (near-real-time) or sci (definitive)") @RequestParam(required = false) String dataType,
            @Parameter(description = "page number from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1-1000") @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "cadence in seconds: at most one product per type and version in each interval "
                    + "of this length from 'from', the one closest to the interval's start")
            @RequestParam(required = false) Long cadence) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("harp", number("harp", harp));
        attributes.put("noaa", number("noaa", noaa));
        if (blankToNull(dataType) != null) {
            String code = dataType.trim().toLowerCase(java.util.Locale.ROOT);
            if (!code.equals("nrt") && !code.equals("sci")) {
                throw new InvalidQueryException("dataType", "dataType must be nrt or sci, was '" + dataType + "'");
            }
            attributes.put("dataType", code);
        }
        ProductQuery query = new ProductQuery(blankToNull(type), TimeParameters.start("from", from), TimeParameters.end("to", to),
                blankToNull(version), attributes, page, size, cadence == null ? null : ObservationController.cadenceParameter(cadence));
        if (query.type() != null) {
            TreeSet<String> known = new TreeSet<>(chain.types());
            known.addAll(catalogue.types());
            if (!known.contains(query.type())) {
                throw new InvalidQueryException("type", "unknown product type '" + query.type() + "'; known types: "
                        + String.join(", ", known));
            }
        }
        return catalogue.search(query);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product with its files and provenance (inputs, parameters, software, duration, runs)")
    public Map<String, Object> detail(@PathVariable long id) {
        ProductDetail detail = catalogue.detail(id).orElseThrow(() -> new ProductApiProblems.NotFoundException("no product " + id));
        var s = detail.summary();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("type", s.type());
        body.put("version", s.version());
        body.put("referenceTime", s.referenceTime());
        body.put("subject", s.subject());
        body.put("attributes", s.attributes());
        body.put("flags", s.flags());
        body.put("missingInputs", s.missingInputs());
        body.put("fileUrl", s.fileUrl());
        body.put("previewUrl", s.previewUrl());
        body.put("createdAt", s.createdAt());
        body.put("release", s.release());
        body.put("files", detail.files().stream().map(f -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", f.name());
            file.put("role", f.role());
            file.put("mediaType", f.mediaType());
            file.put("size", f.size());
            file.put("sha256", f.sha256());
            file.put("url", f.url());
            return file;
        }).toList());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("inputs", s.inputs());
        provenance.put("parameters", detail.parameters());
        provenance.put("softwareVersion", detail.softwareVersion());
        provenance.put("durationMs", detail.durationMs());
        provenance.put("results", detail.figures());
        List<RunSummary> runs = chain.runsOf(new ProductInstance(s.type(), s.version(), s.referenceTime(), s.subject()));
        // a run's error text names hosts, paths and internals: staff see it, the public only that a run failed
        boolean staff = Visibility.caller() == Visibility.Reader.STAFF;
        provenance.put("runs", runs.stream().map(r -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", r.id());
            run.put("attempt", r.attempt());
            run.put("trigger", r.trigger());
            run.put("node", r.node());
            run.put("status", r.status());
            run.put("startedAt", r.startedAt());
            run.put("durationMs", r.durationMs());
            if (staff) {
                run.put("error", r.error());
            }
            return run;
        }).toList());
        body.put("provenance", provenance);
        body.put("inputs", s.inputs());
        return body;
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The product's main data file (FITS)", description = "Supports HEAD, Range (206) and If-None-Match on the SHA-256 ETag")
    public ResponseEntity<Resource> file(@PathVariable long id, WebRequest request) throws IOException {
        ProductDetail.ProductFile file = catalogue.dataFile(id)
                .orElseThrow(() -> new ProductApiProblems.NotFoundException("no product " + id));
        return download(file, request);
    }

    @GetMapping("/{id}/files/{name}")
    @Operation(summary = "Any file of the product, by the name its detail lists")
    public ResponseEntity<Resource> namedFile(@PathVariable long id, @PathVariable String name, WebRequest request) throws IOException {
        ProductDetail.ProductFile file = catalogue.file(id, name)
                .orElseThrow(() -> new ProductApiProblems.NotFoundException("product " + id + " has no file '" + name + "'"));
        return download(file, request);
    }

    @GetMapping("/{id}/preview")
    @Operation(summary = "The product's preview image (PNG)")
    public ResponseEntity<Resource> preview(@PathVariable long id) throws IOException {
        if (catalogue.summary(id).isEmpty()) {
            throw new ProductApiProblems.NotFoundException("no product " + id);
        }
        ProductDetail.ProductFile file = catalogue.preview(id)
                .orElseThrow(() -> new ProductApiProblems.NotFoundException("product " + id + " has no preview"));
        return FileResponses.preview(store.resource(file.storageKey()), file.sha256());
    }

    private ResponseEntity<Resource> download(ProductDetail.ProductFile file, WebRequest request) throws IOException {
        return FileResponses.file(store.resource(file.storageKey()), file.name(), MediaType.parseMediaType(file.mediaType()),
                file.size(), file.sha256(), true, request);
    }

    /** A whole number parameter as the catalogue stores it (377, not 0377), or null when absent. */
    private static String number(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        if (!value.trim().matches("\\d{1,9}")) {
            throw new InvalidQueryException(name, name + " must be a whole number, was '" + value + "'");
        }
        return Integer.toString(Integer.parseInt(value.trim()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
