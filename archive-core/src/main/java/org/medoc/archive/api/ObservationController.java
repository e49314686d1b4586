package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.catalogue.KeywordFilter;
import org.medoc.archive.catalogue.ObservationDetail;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.catalogue.ObservationSort;
import org.medoc.archive.catalogue.SearchResult;
import org.medoc.archive.download.FileResponses;
import org.medoc.archive.storage.ArchiveStore;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public search and download of catalogued observations. */
@RestController
@RequestMapping("/api/v1/observations")
@Tag(name = "Observations", description = "Search the catalogue of observations and download their files")
public class ObservationController {

    private final CatalogueService catalogue;
    private final ArchiveStore store;

    public ObservationController(CatalogueService catalogue, ArchiveStore store) {
        this.catalogue = catalogue;
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "Search observations",
            description = "Observations whose [dateObs, dateEnd] overlaps [from, to], filtered by the other criteria. "
                    + "Use page/size for the first pages and the returned nextCursor for deep paging.")
    public SearchResult search(
            @Parameter(description = "interval start, ISO-8601 UTC (e.g. 2011-02-15T00:00:00Z) or a date") @RequestParam(required = false) String from,
            @Parameter(description = "interval end, ISO-8601 UTC or a date (whole day)") @RequestParam(required = false) String to,
            @Parameter(description = "mission code, e.g. SDO, SOHO, SOLO") @RequestParam(required = false) String mission,
            @Parameter(description = "instrument code, e.g. AIA, EIT, SPICE") @RequestParam(required = false) String instrument,
            @Parameter(description = "detector, e.g. C2 or LASCO/C2") @RequestParam(required = false) String detector,
            @Parameter(description = "nominal wavelength in Å (±0.5 Å)") @RequestParam(required = false) Double wavelength,
            @Parameter(description = "minimum wavelength in Å") @RequestParam(required = false) Double wavelengthMin,
            @Parameter(description = "maximum wavelength in Å") @RequestParam(required = false) Double wavelengthMax,
            @Parameter(description = "data level, e.g. 1, 1.5, L2") @RequestParam(required = false) String level,
            @Parameter(description = "header match NAME:VALUE, repeatable (all must match)") @RequestParam(required = false) List<String> keyword,
            @Parameter(description = "page number from 0 (ignored with a cursor)") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1-1000") @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "dateObs, wavelength, instrument, size or id; ',asc' or ',desc' (default dateObs,desc)") @RequestParam(required = false) String sort,
            @Parameter(description = "the nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "cadence in seconds: at most one observation per instrument, detector and wavelength "
                    + "in each interval of this length from 'from', the one closest to the interval's start")
            @RequestParam(required = false) Long cadence) {
        ObservationQuery query = query(from, to, mission, instrument, detector, wavelength, wavelengthMin, wavelengthMax,
                level, keyword, sort, page, size, cursor);
        return catalogue.search(cadence == null ? query : query.withCadence(cadenceParameter(cadence)));
    }

    /** The {@code cadence} parameter (seconds) of observation and product searches. */
    public static Duration cadenceParameter(long seconds) {
        if (seconds < 1) {
            throw new InvalidQueryException("cadence", "cadence must be a whole number of seconds, 1 or more, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    static ObservationQuery query(String from, String to, String mission, String instrument, String detector,
                                  Double wavelength, Double wavelengthMin, Double wavelengthMax, String level,
                                  List<String> keyword, String sort, int page, int size, String cursor) {
        for (Double value : new Double[] {wavelength, wavelengthMin, wavelengthMax}) {
            if (value != null && !Double.isFinite(value)) {
                throw new InvalidQueryException("wavelength", "wavelength must be a finite number of ångström");
            }
        }
        List<KeywordFilter> keywords = keyword == null ? List.of() : keyword.stream().map(KeywordFilter::parse).toList();
        return new ObservationQuery(TimeParameters.start("from", from), TimeParameters.end("to", to), mission, instrument,
                detector, wavelength, wavelengthMin, wavelengthMax, level, keywords, ObservationSort.parse(sort), page, size, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One observation with its normalised values and full header")
    public Map<String, Object> detail(@PathVariable long id) {
        ObservationDetail detail = catalogue.detail(id)
                .orElseThrow(() -> new ApiProblems.NotFoundException("no observation " + id));
        Map<String, Object> body = new LinkedHashMap<>();
        var s = detail.summary();
        body.put("id", s.id());
        body.put("mission", s.mission());
        body.put("instrument", s.instrument());
        body.put("detector", s.detector());
        body.put("wavelength", s.wavelength());
        body.put("dateObs", s.dateObs());
        body.put("dateEnd", s.dateEnd());
        body.put("exposure", s.exposure());
        body.put("level", s.level());
        body.put("filename", s.filename());
        body.put("size", s.size());
        body.put("sha256", s.sha256());
        body.put("imageWidth", s.imageWidth());
        body.put("imageHeight", s.imageHeight());
        body.put("fileUrl", s.fileUrl());
        body.put("previewUrl", s.previewUrl());
        body.put("release", s.release());
        body.put("checksumStatus", detail.checksumStatus());
        body.putAll(detail.normalised());
        body.put("header", detail.header());
        body.put("hdus", detail.hdus());
        return body;
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The FITS file", description = "Supports HEAD, Range (206) and If-None-Match on the SHA-256 ETag")
    public ResponseEntity<Resource> file(@PathVariable long id, WebRequest request) throws IOException {
        CatalogueService.StoredFile file = catalogue.storedFile(id)
                .orElseThrow(() -> new ApiProblems.NotFoundException("no observation " + id));
        return FileResponses.file(store.resource(file.storageKey()), file.fileName(), FileResponses.FITS, file.sizeBytes(), file.sha256(),
                true, request);
    }

    @GetMapping("/{id}/preview")
    @Operation(summary = "PNG quicklook made at ingest")
    public ResponseEntity<Resource> preview(@PathVariable long id) throws IOException {
        CatalogueService.StoredFile file = catalogue.storedFile(id)
                .orElseThrow(() -> new ApiProblems.NotFoundException("no observation " + id));
        if (file.quicklookKey() == null) {
            throw new ApiProblems.NotFoundException("observation " + id + " has no image data, so no preview");
        }
        return FileResponses.preview(store.resource(file.quicklookKey()), file.sha256() + "-png");
    }
}
