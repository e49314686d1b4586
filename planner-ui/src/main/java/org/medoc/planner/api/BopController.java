package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.bop.BopDetail;
import org.medoc.planner.bop.BopItem;
import org.medoc.planner.bop.BopService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** BOPs: versioned reusable blocks of timeline items, instantiated onto STPs. */
@Tag(name = "Planning: BOPs", description = "Reusable blocks of timeline items at relative offsets (working definition)")
@RestController
@RequestMapping("/api/v1/planning")
class BopController {

    private final BopService bops;

    BopController(BopService bops) {
        this.bops = bops;
    }

    record BopRequest(String code, String name, String description) {
    }

    record ItemsRequest(Integer lockVersion, List<BopItem> items) {
    }

    record InstanceRequest(Long stpId, Instant start) {
    }

    @GetMapping("/bops")
    List<BopDetail> list() {
        return bops.list();
    }

    @GetMapping("/bops/{id}")
    BopDetail get(@PathVariable long id) {
        return bops.get(id);
    }

    @PostMapping("/bops")
    ResponseEntity<BopDetail> create(@RequestBody BopRequest request, Authentication user) {
        BopDetail bop = bops.create(request.code(), request.name(), request.description(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/planning/bops/" + bop.id())).body(bop);
    }

    @Operation(summary = "Start a new draft version from the latest released one")
    @PostMapping("/bops/{id}/versions")
    BopDetail newVersion(@PathVariable long id) {
        return bops.newVersion(id);
    }

    @Operation(summary = "Replace the items of a draft version")
    @PutMapping("/bop-versions/{versionId}/items")
    BopDetail saveItems(@PathVariable long versionId, @RequestBody ItemsRequest request) {
        return bops.saveItems(versionId, InvalidPlanningRequestException.lockVersion(request.lockVersion()),
                request.items() == null ? List.of() : request.items());
    }

    @Operation(summary = "Release a version: from now on it never changes")
    @PostMapping("/bop-versions/{versionId}/release")
    BopDetail release(@PathVariable long versionId, @RequestBody LockRequest request) {
        return bops.release(versionId, InvalidPlanningRequestException.lockVersion(request.lockVersion()));
    }

    @Operation(summary = "Expand a released version onto an STP at a start time; 422 with findings if it breaks timeline rules")
    @PostMapping("/bop-versions/{versionId}/instances")
    ResponseEntity<BopService.Instance> instantiate(@PathVariable long versionId, @RequestBody InstanceRequest request, Authentication user) {
        if (request.stpId() == null || request.start() == null) {
            throw new InvalidPlanningRequestException(request.stpId() == null ? "stpId" : "start", "stpId and start are required");
        }
        BopService.Instance instance = bops.instantiate(versionId, request.stpId(), request.start(), user.getName());
        return ResponseEntity.status(201).body(instance);
    }
}
