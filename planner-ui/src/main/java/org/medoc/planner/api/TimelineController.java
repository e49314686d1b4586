package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.timeline.EntryInput;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/** The timeline of an STP with live rule findings and the telemetry budget. */
@Tag(name = "Planning: timeline", description = "Study runs placed in time within an STP; rules T1-T11, B3, B4 checked on every read and write")
@RestController
@RequestMapping("/api/v1/planning")
class TimelineController {

    private final TimelineService timeline;

    TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    /** A run to place or the new values of an entry; {@code lockVersion} is required for changes. */
    record EntryRequest(Integer lockVersion, Long studyId, Instant start, Integer rasters, Double xOffsetArcsec, String pointingId,
                        String pointingKind, Long soopInstanceId, String targetText, Boolean spansNextStp,
                        Boolean highRateApproved, Integer priority, Boolean locked) {

        EntryInput input() {
            if (studyId == null) {
                throw new InvalidPlanningRequestException("studyId", "studyId is required");
            }
            if (start == null) {
                throw new InvalidPlanningRequestException("start", "start is required (ISO 8601 UTC, e.g. 2025-03-10T06:00:00Z)");
            }
            return new EntryInput(studyId, start, rasters, xOffsetArcsec, pointingId, pointingKind, soopInstanceId, targetText,
                    spansNextStp, highRateApproved, priority, locked);
        }
    }

    @Operation(summary = "The STP's entries with their findings, the period findings and the telemetry budget")
    @GetMapping("/periods/{stpId}/timeline")
    TimelineView get(@PathVariable long stpId) {
        return timeline.timeline(stpId);
    }

    @Operation(summary = "Place a run of an approved study; answers the entry with its findings")
    @PostMapping("/periods/{stpId}/timeline")
    ResponseEntity<TimelineView.CheckedEntry> place(@PathVariable long stpId, @RequestBody EntryRequest request, Authentication user) {
        TimelineView.CheckedEntry entry = timeline.place(stpId, request.input(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/planning/timeline/" + entry.entry().id())).body(entry);
    }

    @GetMapping("/timeline/{entryId}")
    Object entry(@PathVariable long entryId) {
        return timeline.entry(entryId);
    }

    @Operation(summary = "Change an entry (an entry expanded from a BOP becomes detached); 409 on a stale lockVersion")
    @PutMapping("/timeline/{entryId}")
    TimelineView.CheckedEntry update(@PathVariable long entryId, @RequestBody EntryRequest request, Authentication user) {
        return timeline.update(entryId, InvalidPlanningRequestException.lockVersion(request.lockVersion()), request.input(), user.getName());
    }

    @DeleteMapping("/timeline/{entryId}")
    ResponseEntity<Void> delete(@PathVariable long entryId, @RequestParam Integer lockVersion) {
        timeline.delete(entryId, lockVersion);
        return ResponseEntity.noContent().build();
    }
}
