package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.export.ExportService;
import org.medoc.planner.export.PredictedKeywords;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Exports: timeline per STP (CSV, JSON, iCalendar, ITL), telemetry budget, predicted keywords, study set XML, study sheet. */
@Tag(name = "Planning: exports", description = "Files for review, exchange and reconciliation")
@RestController
@RequestMapping("/api/v1/planning")
class ExportController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private final ExportService exports;
    private final TimelineService timeline;
    private final StudyService studies;
    private final org.medoc.planner.executed.ExecutionService executions;

    ExportController(ExportService exports, TimelineService timeline, StudyService studies,
                     org.medoc.planner.executed.ExecutionService executions) {
        this.exports = exports;
        this.timeline = timeline;
        this.studies = studies;
        this.executions = executions;
    }

    @Operation(summary = "Plan versus executed: timeline entries matched to archived SPICE observations, completeness")
    @GetMapping("/periods/{stpId}/executed")
    org.medoc.planner.executed.ExecutionMatcher.Report executed(@PathVariable long stpId) {
        return executions.report(stpId);
    }

    @Operation(summary = "Timeline of an STP as CSV")
    @GetMapping("/periods/{stpId}/timeline.csv")
    ResponseEntity<String> csv(@PathVariable long stpId) {
        return file(exports.timelineCsv(stpId), CSV, "timeline-" + stpId + ".csv");
    }

    @Operation(summary = "Timeline of an STP as JSON (entries, findings, budget)")
    @GetMapping("/periods/{stpId}/timeline.json")
    ResponseEntity<TimelineView> json(@PathVariable long stpId) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"timeline-" + stpId + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(timeline.timeline(stpId));
    }

    @Operation(summary = "Timeline of an STP as iCalendar (RFC 5545)")
    @GetMapping("/periods/{stpId}/timeline.ics")
    ResponseEntity<String> ics(@PathVariable long stpId) {
        return file(exports.timelineIcs(stpId), MediaType.parseMediaType("text/calendar;charset=UTF-8"), "timeline-" + stpId + ".ics");
    }

    @Operation(summary = "Timeline of an STP as ITL-style text (OBS_START/OBS_END) with a provenance header")
    @GetMapping("/periods/{stpId}/timeline.itl")
    ResponseEntity<String> itl(@PathVariable long stpId) {
        return file(exports.timelineItl(stpId), MediaType.parseMediaType("text/plain;charset=UTF-8"), "timeline-" + stpId + ".itl");
    }

    @Operation(summary = "Telemetry budget of an STP per study, with allocation and margin")
    @GetMapping("/periods/{stpId}/telemetry.csv")
    ResponseEntity<String> telemetry(@PathVariable long stpId) {
        return file(exports.telemetryCsv(stpId), CSV, "telemetry-" + stpId + ".csv");
    }

    @Operation(summary = "Predicted FITS keywords per planned run (MISOSTUD, STUDY, NRASTERS, SOOPNAME, STP, ...)")
    @GetMapping("/periods/{stpId}/keywords.json")
    List<PredictedKeywords> keywords(@PathVariable long stpId) {
        return exports.predictedKeywords(stpId);
    }

    @GetMapping("/periods/{stpId}/keywords.csv")
    ResponseEntity<String> keywordsCsv(@PathVariable long stpId) {
        return file(exports.predictedKeywordsCsv(stpId), CSV, "keywords-" + stpId + ".csv");
    }

    @Operation(summary = "Study set as XML (our format; the real schema is not public)")
    @GetMapping("/study-sets/{id}/export.xml")
    ResponseEntity<String> studySetXml(@PathVariable long id) {
        return file(exports.studySetXml(id), MediaType.parseMediaType("application/xml;charset=UTF-8"), "study-set-" + id + ".xml");
    }

    @Operation(summary = "Study sheet for review (HTML)")
    @GetMapping("/studies/{id}/sheet.html")
    ResponseEntity<String> sheetHtml(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).body(exports.studySheetHtml(id));
    }

    @Operation(summary = "Study sheet for review (JSON)")
    @GetMapping("/studies/{id}/sheet.json")
    StudyJson sheetJson(@PathVariable long id) {
        return StudyJson.of(studies.get(id));
    }

    private static ResponseEntity<String> file(String body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
