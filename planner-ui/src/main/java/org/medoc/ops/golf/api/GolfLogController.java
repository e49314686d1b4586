package org.medoc.ops.golf.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.ops.golf.log.DataImpact;
import org.medoc.ops.golf.log.LogCategory;
import org.medoc.ops.golf.log.LogEntry;
import org.medoc.ops.golf.log.LogFilter;
import org.medoc.ops.golf.log.LogInput;
import org.medoc.ops.golf.log.OpsLogService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The GOLF operations log: search, CSV export, new entries, approval for the public chronology. */
@Tag(name = "GOLF: operations log", description = "Log entries with links; approved public entries feed /ops/golf/chronology")
@RestController
@RequestMapping("/api/v1/ops/golf/log")
class GolfLogController {

    private final OpsLogService log;

    GolfLogController(OpsLogService log) {
        this.log = log;
    }

    @GetMapping(produces = "application/json")
    List<LogEntry> search(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                          @RequestParam(required = false) LogCategory category, @RequestParam(required = false) DataImpact dataImpact,
                          @RequestParam(required = false) String author, @RequestParam(required = false) String text,
                          @RequestParam(required = false) Boolean publicOnly) {
        return log.search(new LogFilter(from, to, category, dataImpact, author, text, publicOnly));
    }

    @Operation(summary = "The same search as CSV")
    @GetMapping(produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                               @RequestParam(required = false) LogCategory category, @RequestParam(required = false) DataImpact dataImpact,
                               @RequestParam(required = false) String author, @RequestParam(required = false) String text,
                               @RequestParam(required = false) Boolean publicOnly) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"golf-log.csv\"")
                .header("Content-Type", "text/csv;charset=UTF-8")
                .body(OpsLogService.csv(log.search(new LogFilter(from, to, category, dataImpact, author, text, publicOnly))));
    }

    @Operation(summary = "The same search as CSV, for a plain link (?format=csv)")
    @GetMapping(params = "format=csv")
    ResponseEntity<String> csvLink(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                   @RequestParam(required = false) LogCategory category,
                                   @RequestParam(required = false) DataImpact dataImpact, @RequestParam(required = false) String author,
                                   @RequestParam(required = false) String text, @RequestParam(required = false) Boolean publicOnly) {
        return csv(from, to, category, dataImpact, author, text, publicOnly);
    }

    @PostMapping
    ResponseEntity<LogEntry> write(@RequestBody LogInput input, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(log.write(input, user.getName()));
    }

    @GetMapping("/{id}")
    LogEntry get(@PathVariable long id) {
        return log.get(id);
    }

    @Operation(summary = "Approves a public entry for the chronology (by someone other than its author)")
    @PostMapping("/{id}/approve")
    LogEntry approve(@PathVariable long id, Authentication user) {
        return log.approve(id, user.getName());
    }
}
