package org.medoc.products.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.RunStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Map;

/**
 * The chain's runs for staff: list them, retry a failed one, and schedule (re)processing of an interval. Reading needs
 * a login; retrying and reprocessing need ARCHIVIST or ADMIN (rules in the application's security configuration).
 */
@RestController
@RequestMapping("/api/v1/product-runs")
@Tag(name = "Product runs", description = "Executions of the product chains (staff)")
public class ProductRunController {

    private final ProductChain chain;

    public ProductRunController(ProductChain chain) {
        this.chain = chain;
    }

    @GetMapping
    @Operation(summary = "Runs, newest first, optionally of one type and status")
    public ProductChain.RunPage runs(@RequestParam(required = false) String type,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        RunStatus runStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                runStatus = RunStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("status", "status must be RUNNING, SUCCEEDED, FAILED or SKIPPED, was '" + status + "'");
            }
        }
        if (page < 0) {
            throw new InvalidQueryException("page", "page must be 0 or more, was " + page);
        }
        if (size < 1 || size > 1000) {
            throw new InvalidQueryException("size", "size must be 1-1000, was " + size);
        }
        return chain.runs(type == null || type.isBlank() ? null : type.trim(), runStatus, page, size);
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Schedule the product of a failed run again, now")
    public Map<String, Object> retry(@PathVariable long id) {
        return Map.of("instance", chain.retry(id));
    }

    /** An interval to (re)process with the current version of a type. */
    public record ReprocessRequest(String type, String from, String to) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Schedule the products of an interval that the current version has not made yet",
            description = "Products of other versions are kept; the workers make the new ones")
    public Map<String, Object> reprocess(@RequestBody ReprocessRequest request) {
        RequestedInterval interval = RequestedInterval.of(request.type(), request.from(), request.to());
        int scheduled = chain.scheduleRange(interval.type(), interval.from(), interval.to());
        return Map.of("type", interval.type(), "version", chain.recipe(interval.type()).version(),
                "scheduled", scheduled);
    }
}
