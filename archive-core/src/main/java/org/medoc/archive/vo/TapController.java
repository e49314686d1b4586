package org.medoc.archive.vo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The TAP 1.1 service at {@code /tap}: VOSI capabilities, availability and tables, and synchronous queries (GET and
 * POST). Asynchronous queries are served by {@link UwsController}. Anonymous: every caller sees the public
 * catalogue only, whoever is logged in.
 */
@RestController
@RequestMapping("/tap")
public class TapController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TapController.class);
    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final TapQueryService queries;
    private final DataSource dataSource;

    public TapController(TapQueryService queries, DataSource dataSource) {
        this.queries = queries;
        this.dataSource = dataSource;
    }

    /** The application root as the client reached it, e.g. {@code https://medoc.example.org}. */
    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    @GetMapping("/capabilities")
    public ResponseEntity<String> capabilities() {
        return ResponseEntity.ok().contentType(XML).header("Server", "medoc").body(VosiDocuments.capabilities(baseUrl() + "/tap", queries.settings()));
    }

    @GetMapping("/availability")
    public ResponseEntity<String> availability() {
        boolean available;
        String note;
        try (Connection connection = dataSource.getConnection()) {
            available = connection.isValid(5);
            note = available ? "the service is accepting queries" : "the catalogue database does not answer";
        } catch (SQLException e) {
            available = false;
            note = "the catalogue database does not answer";
        }
        return ResponseEntity.ok().contentType(XML).body(VosiDocuments.availability(available, note));
    }

    @GetMapping("/tables")
    public ResponseEntity<String> tables() {
        return ResponseEntity.ok().contentType(XML).body(VosiDocuments.tables(queries.tables(baseUrl())));
    }

    @GetMapping("/examples")
    public ResponseEntity<String> examples() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xhtml+xml;charset=UTF-8"))
                .body(TapExamples.document());
    }

    /** Runs an ADQL query and streams its result; a query that cannot run gets a VOTable error document (400). */
    @RequestMapping(path = "/sync", method = {RequestMethod.GET, RequestMethod.POST})
    public void sync(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TapParameters parameters = TapParameters.of(request);
        TapQueryService.QueryResult result;
        TapOutput output;
        try {
            parameters.checkQueryRequest();
            output = TapOutput.named(parameters.format());
            long maxrec = queries.maxrec(parameters.maxrec());
            result = queries.open(parameters.get("QUERY"), maxrec, baseUrl());
        } catch (AdqlException e) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("TAP query failed: {}", parameters.get("QUERY"), e);
            error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "the service failed to run the query");
            return;
        }
        try (result) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(output.mediaType() + ";charset=UTF-8");
            OutputStream out = response.getOutputStream();
            output.write(result, out);
            out.flush();
        }
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/x-votable+xml;charset=UTF-8");
        TapOutput.writeError(message, response.getOutputStream());
    }
}
