package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.ingest.IngestOutcome;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
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
import java.util.ArrayList;
import java.util.List;

/** Ingest by upload (ARCHIVIST role; the security configuration enforces it). */
@RestController
@RequestMapping("/api/v1/ingest")
@Tag(name = "Ingest", description = "Add FITS files to the archive (ARCHIVIST)")
public class IngestController {

    private final IngestService ingest;
    private final Path incoming;

    public IngestController(IngestService ingest, @Value("${medoc.data-dir:./medoc-data}") String dataDir) {
        this.ingest = ingest;
        this.incoming = Path.of(dataDir).toAbsolutePath().normalize().resolve("incoming");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload FITS files; each is ingested, skipped (already present) or quarantined with a reason")
    public IngestReport upload(@RequestParam("file") List<MultipartFile> files, Authentication user) throws IOException {
        if (files.isEmpty()) {
            throw new org.medoc.archive.catalogue.InvalidQueryException("file", "no file uploaded");
        }
        Files.createDirectories(incoming);
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (MultipartFile upload : files) {
            Path temporary = Files.createTempFile(incoming, "upload-", ".part");
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
        return IngestReport.of(outcomes);
    }
}
