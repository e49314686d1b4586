package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.CatalogueService.StoredFile;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.download.BulkDownload;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Bulk download of many files as one streamed tar or zip. */
@RestController
@RequestMapping("/api/v1/downloads")
@Tag(name = "Downloads", description = "Bulk download of observation files")
public class DownloadController {

    /** Either ids, or the same filters as the search (ids win when both are given). */
    public record DownloadRequest(List<Long> ids, String from, String to, String mission, String instrument,
                                  String detector, Double wavelength, Double wavelengthMin, Double wavelengthMax,
                                  String level, List<String> keyword) {}

    private final CatalogueService catalogue;
    private final BulkDownload bulk;
    private final int maxFiles;
    private final long maxBytes;

    public DownloadController(CatalogueService catalogue, BulkDownload bulk,
                              @Value("${medoc.download.max-files:10000}") int maxFiles,
                              @Value("${medoc.download.max-bytes:53687091200}") long maxBytes) {
        this.catalogue = catalogue;
        this.bulk = bulk;
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Stream the selected files as a tar (default) or zip with a SHA256SUMS file inside")
    public ResponseEntity<StreamingResponseBody> download(@RequestBody DownloadRequest request,
                                                          @RequestParam(defaultValue = "tar") String format) {
        BulkDownload.Format archiveFormat = switch (format.toLowerCase(Locale.ROOT)) {
            case "tar" -> BulkDownload.Format.TAR;
            case "zip" -> BulkDownload.Format.ZIP;
            default -> throw new InvalidQueryException("format", "format must be tar or zip, was '" + format + "'");
        };
        List<StoredFile> files;
        if (request.ids() != null && !request.ids().isEmpty()) {
            if (request.ids().size() > maxFiles) {
                throw new InvalidQueryException("ids", "at most " + maxFiles + " files per download, asked for " + request.ids().size());
            }
            files = catalogue.storedFiles(request.ids());
            if (files.size() != request.ids().stream().distinct().count()) {
                List<Long> found = files.stream().map(StoredFile::id).toList();
                List<Long> missing = request.ids().stream().filter(id -> !found.contains(id)).distinct().toList();
                throw new InvalidQueryException("ids", "no observation with id " + missing);
            }
        } else {
            ObservationQuery query = ObservationController.query(request.from(), request.to(), request.mission(),
                    request.instrument(), request.detector(), request.wavelength(), request.wavelengthMin(),
                    request.wavelengthMax(), request.level(), request.keyword(), null, 0, 1, null);
            files = catalogue.storedFiles(query, maxFiles + 1);
            if (files.size() > maxFiles) {
                throw new InvalidQueryException("filters", "the selection has more than " + maxFiles
                        + " files; narrow it (e.g. a shorter time range) or download in parts");
            }
        }
        if (files.isEmpty()) {
            throw new InvalidQueryException("ids", "the selection is empty: nothing to download");
        }
        long totalBytes = files.stream().mapToLong(StoredFile::sizeBytes).sum();
        if (totalBytes > maxBytes) {
            throw new InvalidQueryException("filters", "the selection holds " + totalBytes + " bytes, more than the "
                    + maxBytes + " allowed in one download; download in parts");
        }
        String name = archiveFormat.fileName("medoc_archive_export_", Instant.now());
        List<StoredFile> selected = files;
        StreamingResponseBody body = out -> bulk.write(selected, archiveFormat, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(archiveFormat.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Medoc-File-Count", Integer.toString(files.size()))
                .body(body);
    }
}
