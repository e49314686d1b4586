package org.medoc.archive.vo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import static uk.ac.starlink.votable.VOSerializer.formatAttribute;
import static uk.ac.starlink.votable.VOSerializer.formatText;

/** Asynchronous TAP queries at {@code /tap/async}: the UWS 1.1 job list, jobs and their results. */
@RestController
@RequestMapping("/tap/async")
public class UwsController {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private static final String UWS_NAMESPACES = " xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private final UwsJobs jobs;

    public UwsController(UwsJobs jobs) {
        this.jobs = jobs;
    }

    private static String asyncUrl() {
        return TapController.baseUrl() + "/tap/async";
    }

    @GetMapping
    public ResponseEntity<String> list() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:jobs version=\"1.1\"")
                .append(UWS_NAMESPACES).append(">\n");
        for (UwsJob job : jobs.list()) {
            xml.append("<uws:jobref").append(formatAttribute("id", job.id))
                    .append(formatAttribute("xlink:href", asyncUrl() + "/" + job.id)).append(">")
                    .append("<uws:phase>").append(job.phase()).append("</uws:phase>");
            if (job.runId != null) {
                xml.append("<uws:runId>").append(formatText(job.runId)).append("</uws:runId>");
            }
            xml.append("<uws:creationTime>").append(time(job.creationTime)).append("</uws:creationTime></uws:jobref>\n");
        }
        return ResponseEntity.ok().contentType(TapController.XML).body(xml.append("</uws:jobs>\n").toString());
    }

    /** Creates a job from the request's parameters and sends the client to it (303). */
    @PostMapping
    public void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UwsJob job;
        try {
            job = jobs.create(TapParameters.of(request).values(), TapController.baseUrl());
        } catch (UwsJobs.TooManyJobsException e) {
            TapController.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        seeOther(response, asyncUrl() + "/" + job.id);
    }

    @GetMapping("/{id}")
    public ResponseEntity<String> job(@PathVariable String id) {
        UwsJob job = find(id);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:job version=\"1.1\"")
                .append(UWS_NAMESPACES).append(">\n")
                .append("<uws:jobId>").append(formatText(job.id)).append("</uws:jobId>\n");
        if (job.runId != null) {
            xml.append("<uws:runId>").append(formatText(job.runId)).append("</uws:runId>\n");
        }
        xml.append("<uws:ownerId xsi:nil=\"true\"/>\n")
                .append("<uws:phase>").append(job.phase()).append("</uws:phase>\n")
                .append("<uws:quote xsi:nil=\"true\"/>\n")
                .append("<uws:creationTime>").append(time(job.creationTime)).append("</uws:creationTime>\n")
                .append(nillable("startTime", job.startTime()))
                .append(nillable("endTime", job.endTime()))
                .append("<uws:executionDuration>").append(job.executionDurationSeconds()).append("</uws:executionDuration>\n")
                .append(nillable("destruction", job.destruction()))
                .append(parameters(job))
                .append(results(job));
        if (job.phase() == UwsJob.Phase.ERROR) {
            xml.append("<uws:errorSummary type=\"fatal\" hasDetail=\"true\"><uws:message>")
                    .append(formatText(job.error())).append("</uws:message></uws:errorSummary>\n");
        }
        return ResponseEntity.ok().contentType(TapController.XML).body(xml.append("</uws:job>\n").toString());
    }

    /** UWS 1.1: POST ACTION=DELETE on the job deletes it, as DELETE does. */
    @PostMapping("/{id}")
    public void postToJob(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        UwsJob job = find(id);
        TapParameters parameters = TapParameters.of(request);
        if ("DELETE".equalsIgnoreCase(parameters.get("ACTION"))) {
            jobs.delete(job.id);
            seeOther(response, asyncUrl());
            return;
        }
        throw new UwsProblem(HttpStatus.BAD_REQUEST, "POST to a job takes ACTION=DELETE");
    }

    @DeleteMapping("/{id}")
    public void delete(@PathVariable String id, HttpServletResponse response) throws IOException {
        jobs.delete(find(id).id);
        seeOther(response, asyncUrl());
    }

    @GetMapping("/{id}/phase")
    public ResponseEntity<String> phase(@PathVariable String id) {
        return text(find(id).phase().name());
    }

    @PostMapping("/{id}/phase")
    public void changePhase(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        UwsJob job = find(id);
        String phase = String.valueOf(TapParameters.of(request).get("PHASE")).toUpperCase(Locale.ROOT);
        switch (phase) {
            case "RUN" -> jobs.run(job);
            case "ABORT" -> jobs.abort(job);
            default -> throw new UwsProblem(HttpStatus.BAD_REQUEST, "PHASE must be RUN or ABORT");
        }
        seeOther(response, asyncUrl() + "/" + job.id);
    }

    @GetMapping("/{id}/executionduration")
    public ResponseEntity<String> executionDuration(@PathVariable String id) {
        return text(Long.toString(find(id).executionDurationSeconds()));
    }

    @PostMapping("/{id}/executionduration")
    public void changeExecutionDuration(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UwsJob job = find(id);
        String value = TapParameters.of(request).get("EXECUTIONDURATION");
        try {
            long seconds = Long.parseLong(String.valueOf(value).trim());
            long hard = jobs.maxExecutionSeconds();
            if (job.phase() == UwsJob.Phase.PENDING) {
                job.executionDurationSeconds(seconds <= 0 ? hard : Math.min(seconds, hard));
            }
        } catch (NumberFormatException e) {
            throw new UwsProblem(HttpStatus.BAD_REQUEST, "EXECUTIONDURATION is a whole number of seconds");
        }
        seeOther(response, asyncUrl() + "/" + job.id);
    }

    @GetMapping("/{id}/destruction")
    public ResponseEntity<String> destruction(@PathVariable String id) {
        return text(time(find(id).destruction()));
    }

    @PostMapping("/{id}/destruction")
    public void changeDestruction(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UwsJob job = find(id);
        String value = TapParameters.of(request).get("DESTRUCTION");
        try {
            Instant wanted = Instant.parse(String.valueOf(value).trim().endsWith("Z") ? value.trim() : value.trim() + "Z");
            Instant latest = job.creationTime.plus(jobs.retention());
            job.destruction(wanted.isAfter(latest) ? latest : wanted);
        } catch (DateTimeParseException e) {
            throw new UwsProblem(HttpStatus.BAD_REQUEST, "DESTRUCTION is an ISO 8601 time, e.g. 2030-01-01T00:00:00Z");
        }
        seeOther(response, asyncUrl() + "/" + job.id);
    }

    @GetMapping("/{id}/quote")
    public ResponseEntity<String> quote(@PathVariable String id) {
        find(id);
        return text("");
    }

    @GetMapping("/{id}/owner")
    public ResponseEntity<String> owner(@PathVariable String id) {
        find(id);
        return text("");
    }

    @GetMapping("/{id}/parameters")
    public ResponseEntity<String> parameterList(@PathVariable String id) {
        return ResponseEntity.ok().contentType(TapController.XML).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + parameters(find(id)).replace("<uws:parameters>", "<uws:parameters" + UWS_NAMESPACES + ">"));
    }

    /** UWS: a PENDING job's parameters may be changed by POSTing them here. */
    @PostMapping("/{id}/parameters")
    public void changeParameters(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        UwsJob job = find(id);
        if (!job.setParameters(TapParameters.of(request).values())) {
            throw new UwsProblem(HttpStatus.CONFLICT, "job " + id + " is " + job.phase() + ": parameters change only while PENDING");
        }
        seeOther(response, asyncUrl() + "/" + job.id);
    }

    @GetMapping("/{id}/results")
    public ResponseEntity<String> resultList(@PathVariable String id) {
        return ResponseEntity.ok().contentType(TapController.XML).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + results(find(id)).replace("<uws:results>", "<uws:results" + UWS_NAMESPACES + ">"));
    }

    @GetMapping("/{id}/results/result")
    public void result(@PathVariable String id, HttpServletResponse response) throws IOException {
        UwsJob job = find(id);
        if (job.phase() != UwsJob.Phase.COMPLETED || job.result() == null) {
            throw new UwsProblem(HttpStatus.NOT_FOUND, "job " + id + " has no result (phase " + job.phase() + ")");
        }
        response.setContentType(job.output().mediaType() + ";charset=UTF-8");
        response.setContentLengthLong(Files.size(job.result()));
        try (InputStream in = Files.newInputStream(job.result())) {
            in.transferTo(response.getOutputStream());
        }
    }

    @GetMapping("/{id}/error")
    public void error(@PathVariable String id, HttpServletResponse response) throws IOException {
        UwsJob job = find(id);
        if (job.phase() != UwsJob.Phase.ERROR) {
            throw new UwsProblem(HttpStatus.NOT_FOUND, "job " + id + " has no error (phase " + job.phase() + ")");
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/x-votable+xml;charset=UTF-8");
        TapOutput.writeError(job.error(), response.getOutputStream());
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(UwsProblem.class)
    ResponseEntity<String> problem(UwsProblem problem) {
        return ResponseEntity.status(problem.status).contentType(TEXT).body(problem.getMessage());
    }

    private UwsJob find(String id) {
        return jobs.job(id).orElseThrow(() -> new UwsProblem(HttpStatus.NOT_FOUND, "no job " + id));
    }

    private String parameters(UwsJob job) {
        StringBuilder xml = new StringBuilder("<uws:parameters>\n");
        for (Map.Entry<String, String> parameter : job.parameters().entrySet()) {
            xml.append("<uws:parameter").append(formatAttribute("id", parameter.getKey().toLowerCase(Locale.ROOT)))
                    .append(">").append(formatText(parameter.getValue())).append("</uws:parameter>\n");
        }
        return xml.append("</uws:parameters>\n").toString();
    }

    private String results(UwsJob job) {
        StringBuilder xml = new StringBuilder("<uws:results>\n");
        if (job.phase() == UwsJob.Phase.COMPLETED) {
            xml.append("<uws:result id=\"result\"")
                    .append(formatAttribute("xlink:href", asyncUrl() + "/" + job.id + "/results/result"))
                    .append(formatAttribute("mime-type", job.output().mediaType())).append("/>\n");
        }
        return xml.append("</uws:results>\n").toString();
    }

    private static String nillable(String element, Instant value) {
        return value == null ? "<uws:" + element + " xsi:nil=\"true\"/>\n"
                : "<uws:" + element + ">" + time(value) + "</uws:" + element + ">\n";
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static ResponseEntity<String> text(String body) {
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", URI.create(location).toString());
    }

    /** A UWS request that cannot be served, answered as plain text with its status. */
    static final class UwsProblem extends RuntimeException {
        final HttpStatus status;

        UwsProblem(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }
}
