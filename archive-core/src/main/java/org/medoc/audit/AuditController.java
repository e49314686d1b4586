package org.medoc.audit;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code GET /api/v1/admin/audit}: the audit trail for administrators (the access rule, ADMIN only, is in the
 * application's security configuration). JSON pages newest first with a cursor for the next page, or with
 * {@code Accept: text/csv} or {@code format=csv} every matching event as a streamed CSV file.
 */
@RestController
@RequestMapping("/api/v1/admin/audit")
public class AuditController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * The filters as query parameters: {@code from}, {@code to} (ISO-8601 instants), {@code actor}, {@code action}
     * (a prefix), {@code objectType}, {@code objectId}, {@code cursor} (the previous page's {@code nextCursor}) and
     * {@code limit} (default {@value AuditQuery#DEFAULT_LIMIT}, at most {@value AuditQuery#MAX_LIMIT}).
     */
    public record Filters(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                          String actor, String action, String objectType, String objectId, Long cursor, Integer limit) {

        AuditQuery query() {
            return new AuditQuery(from, to, actor, action, objectType, objectId, cursor,
                    limit == null ? AuditQuery.DEFAULT_LIMIT : limit);
        }
    }

    /** A page of events, newest first, with the cursor of the next page (null on the last). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditPage search(Filters filters) {
        return audit.search(filters.query());
    }

    /** Every matching event as CSV, asked for with {@code Accept: text/csv}. */
    @GetMapping(produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> csv(Filters filters) {
        AuditQuery query = filters.query();
        StreamingResponseBody body = out -> audit.exportCsv(query, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"medoc-audit.csv\"")
                .body(body);
    }

    /** As {@link #csv}, asked for with {@code format=csv} (a link a browser can follow). */
    @GetMapping(params = "format=csv")
    public ResponseEntity<StreamingResponseBody> csvByParameter(Filters filters) {
        return csv(filters);
    }

    @ExceptionHandler(AuditQuery.InvalidAuditQueryException.class)
    ResponseEntity<ProblemDetail> invalid(AuditQuery.InvalidAuditQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter: " + e.parameter());
        problem.setProperty("parameter", e.parameter());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
