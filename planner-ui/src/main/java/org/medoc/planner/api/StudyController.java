package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** SPICE studies: create, preview, edit (approved studies get a new revision), review, approve, clone. */
@Tag(name = "Planning: studies", description = "SPICE study generator. Reading needs a login; changes need the PLANNER role.")
@RestController
@RequestMapping("/api/v1/planning/studies")
class StudyController {

    private final StudyService studies;
    private final InstrumentConfigurationService configurations;

    StudyController(StudyService studies, InstrumentConfigurationService configurations) {
        this.studies = studies;
        this.configurations = configurations;
    }

    @Operation(summary = "List studies, optionally by name fragment and status")
    @GetMapping
    List<StudyJson> list(@RequestParam(required = false) String name, @RequestParam(required = false) String status) {
        StudyStatus wanted = status == null ? null : InvalidPlanningRequestException.enumValue(StudyStatus.class, status, "status", null);
        return studies.list(name, wanted).stream().map(StudyJson::of).toList();
    }

    @Operation(summary = "One study with its estimate and rule findings")
    @GetMapping("/{id}")
    StudyJson get(@PathVariable long id) {
        return StudyJson.of(studies.get(id));
    }

    @Operation(summary = "Every revision of the study's lineage, oldest first")
    @GetMapping("/{id}/revisions")
    List<StudyJson> revisions(@PathVariable long id) {
        return studies.revisions(id).stream().map(StoredStudy::id).map(studies::get).map(StudyJson::of).toList();
    }

    @Operation(summary = "Estimate, findings and proposed name of unsaved parameters (what the editor shows live)")
    @PostMapping("/preview")
    StudyService.StudyPreview preview(@RequestBody StudyRequest request, Authentication user) {
        return studies.preview(parameters(request, user), null);
    }

    @Operation(summary = "Create a draft study; the name is proposed from the parameters when omitted")
    @PostMapping
    ResponseEntity<StudyJson> create(@RequestBody StudyRequest request, Authentication user) {
        StudyDetail created = studies.create(parameters(request, user), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/planning/studies/" + created.study().id())).body(StudyJson.of(created));
    }

    @Operation(summary = "Change a study: a draft is updated (200); an approved study gets a new draft revision (201). "
            + "409 when lockVersion is out of date.")
    @PutMapping("/{id}")
    ResponseEntity<StudyJson> update(@PathVariable long id, @RequestBody StudyRequest request, Authentication user) {
        int lockVersion = InvalidPlanningRequestException.lockVersion(request.lockVersion());
        StudyDetail saved = studies.update(id, lockVersion, parameters(request, user), user.getName());
        if (saved.study().id() != id) {
            return ResponseEntity.created(URI.create("/api/v1/planning/studies/" + saved.study().id())).body(StudyJson.of(saved));
        }
        return ResponseEntity.ok(StudyJson.of(saved));
    }

    @Operation(summary = "Submit a draft for review")
    @PostMapping("/{id}/submit")
    StudyJson submit(@PathVariable long id, @RequestBody LockRequest request, Authentication user) {
        return StudyJson.of(studies.submit(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName()));
    }

    @Operation(summary = "Approve a study without rule errors; hands out its ground ID (MISOSTUD)")
    @PostMapping("/{id}/approve")
    StudyJson approve(@PathVariable long id, @RequestBody LockRequest request, Authentication user) {
        return StudyJson.of(studies.approve(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName()));
    }

    @Operation(summary = "Retire an approved study")
    @PostMapping("/{id}/retire")
    StudyJson retire(@PathVariable long id, @RequestBody LockRequest request, Authentication user) {
        return StudyJson.of(studies.retire(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName()));
    }

    @Operation(summary = "Clone a study into a new draft lineage")
    @PostMapping("/{id}/clone")
    ResponseEntity<StudyJson> cloneStudy(@PathVariable long id, Authentication user) {
        StudyDetail copy = studies.cloneStudy(id, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/planning/studies/" + copy.study().id()))
                .body(StudyJson.of(copy));
    }

    private StudyParameters parameters(StudyRequest request, Authentication user) {
        InstrumentConfiguration configuration = configurations.load();
        return request.toParameters(configuration, configurations.lines(), user.getName());
    }
}
