package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.storage.IncompleteFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Ingest by upload (ARCHIVIST role; the security configuration enforces it). */
@RestController
@RequestMapping("/api/v1/ingest")
@Tag(name = "Ingest", description = "Add FITS files to the archive (ARCHIVIST)")
public class IngestController {

    private final IngestService ingest;
    private final Path incoming;
    private final Duration retryAfter;

    public IngestController(IngestService ingest, @Value("${medoc.data-dir:./medoc-data}") String dataDir,
                            @Value("${medoc.ingest.retry-after:PT30S}") Duration retryAfter) {
        this.ingest = ingest;
        this.incoming = Path.of(dataDir).toAbsolutePath().normalize().resolve("incoming");
        this.retryAfter = retryAfter;
    }

    /**
     * The report, with status 200; or 503 with {@code Retry-After} when a file failed for a fault of the
     * infrastructure (database, storage, all decoding threads busy): the client sends the same files again later,
     * and those already ingested are then skipped.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload FITS files; each is ingested, skipped (already present), quarantined with a reason,"
            + " or failed (retryable: the answer is then 503 with Retry-After)")
    public ResponseEntity<IngestReport> upload(@RequestParam("file") List<MultipartFile> files, Authentication user)
            throws IOException {
        if (files.isEmpty()) {
            throw new org.medoc.archive.catalogue.InvalidQueryException("file", "no file uploaded");
        }
        Files.createDirectories(incoming);
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (MultipartFile upload : files) {
            Path temporary = IncompleteFiles.create(incoming, "upload-");
            try {
                try (InputStream in = upload.getInputStream()) {
                    Files.copy(in, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                String source = "upload by " + (user == null ? "unknown" : user.getName());
                outcomes.add(ingest.ingestFile(temporary, IngestService.safeFileName(upload.getOriginalFilename()), source));
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return answer(IngestReport.of(outcomes), retryAfter);
    }

    /** 200 with the report, or 503 with Retry-After when any file failed for a retryable fault. */
    static ResponseEntity<IngestReport> answer(IngestReport report, Duration retryAfter) {
        if (report.failed() > 0) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                    .body(report);
        }
        return ResponseEntity.ok(report);
    }
}
