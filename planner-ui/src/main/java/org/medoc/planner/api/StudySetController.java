package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.studyset.StudySetDetail;
import org.medoc.planner.studyset.StudySetService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Study sets: on-board slots, window table, upload. */
@Tag(name = "Planning: study sets", description = "Up to 64 studies and 256 window-table entries uploaded together")
@RestController
@RequestMapping("/api/v1/planning/study-sets")
class StudySetController {

    private final StudySetService sets;

    StudySetController(StudySetService sets) {
        this.sets = sets;
    }

    record CreateRequest(Integer setVersion, String fileName, String notes) {
    }

    record AddStudyRequest(Integer lockVersion, Long studyId, Integer slot) {
    }

    record UploadRequest(Integer lockVersion, Integer effectiveFromStp) {
    }

    @GetMapping
    List<StudySetDetail> list() {
        return sets.list();
    }

    @GetMapping("/{id}")
    StudySetDetail get(@PathVariable long id) {
        return sets.get(id);
    }

    @Operation(summary = "The study set active on board in an STP")
    @GetMapping("/active")
    StudySetDetail active(@RequestParam int stp) {
        return sets.activeFor(stp).orElseThrow(() -> new org.medoc.planner.validation.PlanningNotFoundException("study set active in STP", stp));
    }

    @PostMapping
    ResponseEntity<StudySetDetail> create(@RequestBody CreateRequest request, Authentication user) {
        StudySetDetail set = sets.create(request.setVersion(), request.fileName(), request.notes(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/planning/study-sets/" + set.id())).body(set);
    }

    @Operation(summary = "Put an approved study into a draft set (lowest free slot unless given)")
    @PostMapping("/{id}/studies")
    StudySetDetail addStudy(@PathVariable long id, @RequestBody AddStudyRequest request) {
        if (request.studyId() == null) {
            throw new InvalidPlanningRequestException("studyId", "studyId is required");
        }
        return sets.addStudy(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), request.studyId(), request.slot());
    }

    @DeleteMapping("/{id}/studies/{studyId}")
    StudySetDetail removeStudy(@PathVariable long id, @PathVariable long studyId, @RequestParam Integer lockVersion) {
        return sets.removeStudy(id, lockVersion, studyId);
    }

    @Operation(summary = "Mark a draft set uploaded, effective from an STP")
    @PostMapping("/{id}/upload")
    StudySetDetail upload(@PathVariable long id, @RequestBody UploadRequest request) {
        if (request.effectiveFromStp() == null) {
            throw new InvalidPlanningRequestException("effectiveFromStp", "effectiveFromStp is required");
        }
        return sets.upload(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), request.effectiveFromStp());
    }
}
