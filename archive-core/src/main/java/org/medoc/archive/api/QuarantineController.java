package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.ingest.QuarantineService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Quarantined files and why (ARCHIVIST; the security configuration enforces it). */
@RestController
@RequestMapping("/api/v1/quarantine")
@Tag(name = "Ingest")
public class QuarantineController {

    private final QuarantineService quarantine;

    public QuarantineController(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    @GetMapping
    @Operation(summary = "Files refused by ingest, newest first, with the reason")
    public Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidQueryException("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > 1000) {
            throw new InvalidQueryException("size", "size must be between 1 and 1000, was " + size);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", quarantine.count());
        body.put("items", quarantine.recent(page * size, size));
        return body;
    }
}
