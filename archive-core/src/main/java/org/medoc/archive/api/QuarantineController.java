package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.ingest.IngestReport;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.ingest.QuarantineException;
import org.medoc.archive.ingest.QuarantineService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Quarantined files and why (ARCHIVIST; the security configuration enforces it). */
@RestController
@RequestMapping("/api/v1/quarantine")
@Tag(name = "Ingest")
public class QuarantineController {

    private final QuarantineService quarantine;
    private final IngestService ingest;
    private final Duration retryAfter;

    public QuarantineController(QuarantineService quarantine, IngestService ingest,
                                @Value("${medoc.ingest.retry-after:PT30S}") Duration retryAfter) {
        this.quarantine = quarantine;
        this.ingest = ingest;
        this.retryAfter = retryAfter;
    }

    /**
     * Evaluates a quarantined file again from its kept bytes (e.g. after a registry fix): the report of that one file,
     * ingested, quarantined again with today's reason, or failed (503 with Retry-After).
     */
    @PostMapping("/{id}/reevaluate")
    @Operation(summary = "Evaluate a quarantined file again from its kept bytes (e.g. after a registry fix)")
    public ResponseEntity<IngestReport> reevaluate(@PathVariable long id) {
        try {
            return IngestController.answer(IngestReport.of(List.of(ingest.reevaluate(id))), retryAfter);
        } catch (QuarantineException e) {
            if (e.missing()) {
                throw new ApiProblems.NotFoundException(e.getMessage());
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setTitle("Cannot re-evaluate");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
        }
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
