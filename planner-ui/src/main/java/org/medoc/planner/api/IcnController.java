package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.icn.IcnCategory;
import org.medoc.planner.icn.IcnDetail;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.icn.IcnStatus;
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

/** ICNs: change records with review (draft, submitted, approved/rejected, implemented, closed). */
@Tag(name = "Planning: ICNs", description = "Instrument change notices (working definition) with approval workflow and audit")
@RestController
@RequestMapping("/api/v1/planning/icns")
class IcnController {

    private final IcnService icns;

    IcnController(IcnService icns) {
        this.icns = icns;
    }

    record IcnRequest(Integer lockVersion, String title, String rationale, String category, Integer effectiveStp,
                      List<IcnDetail.AffectedItem> affected) {

        IcnService.IcnInput input() {
            return new IcnService.IcnInput(title, rationale,
                    InvalidPlanningRequestException.enumValue(IcnCategory.class, category, "category", null), effectiveStp, affected);
        }
    }

    record DecisionRequest(Integer lockVersion, String decision, String role, String comment) {
    }

    record ImplementRequest(Integer lockVersion, Long producedStudySetId) {
    }

    record CommentRequest(String text) {
    }

    @GetMapping
    List<IcnDetail> list(@RequestParam(required = false) String status) {
        return icns.list(status == null ? null : InvalidPlanningRequestException.enumValue(IcnStatus.class, status, "status", null));
    }

    @GetMapping("/{id}")
    IcnDetail get(@PathVariable long id) {
        return icns.get(id);
    }

    @PostMapping
    ResponseEntity<IcnDetail> create(@RequestBody IcnRequest request, Authentication user) {
        IcnDetail icn = icns.create(request.input(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/planning/icns/" + icn.id())).body(icn);
    }

    @PutMapping("/{id}")
    IcnDetail update(@PathVariable long id, @RequestBody IcnRequest request, Authentication user) {
        return icns.update(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), request.input(), user.getName());
    }

    @PostMapping("/{id}/submit")
    IcnDetail submit(@PathVariable long id, @RequestBody LockRequest request, Authentication user) {
        return icns.submit(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName());
    }

    @Operation(summary = "Approve or reject a submitted ICN (never by its author)")
    @PostMapping("/{id}/decision")
    IcnDetail decide(@PathVariable long id, @RequestBody DecisionRequest request, Authentication user) {
        String decision = request.decision() == null ? "" : request.decision().toUpperCase(java.util.Locale.ROOT);
        if (!decision.equals("APPROVED") && !decision.equals("REJECTED")) {
            throw new InvalidPlanningRequestException("decision", "decision must be APPROVED or REJECTED");
        }
        String role = deciderRole(request.role(), user);
        return icns.decide(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName(), role,
                decision.equals("APPROVED"), request.comment());
    }

    /**
     * The role the decision is recorded under comes from the authenticated user, never from the request: a caller
     * may name one of its own deciding roles (ADMIN or PLANNER), otherwise its strongest one is used.
     */
    static String deciderRole(String requested, Authentication user) {
        java.util.Set<String> held = user.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).collect(java.util.stream.Collectors.toSet());
        java.util.List<String> deciding = java.util.stream.Stream.of("ADMIN", "PLANNER").filter(held::contains).toList();
        if (requested == null || requested.isBlank()) {
            if (deciding.isEmpty()) {
                throw new InvalidPlanningRequestException("role", "only a planner or an administrator decides on an ICN");
            }
            return deciding.getFirst();
        }
        String wanted = requested.strip().toUpperCase(java.util.Locale.ROOT);
        if (!deciding.contains(wanted)) {
            throw new InvalidPlanningRequestException("role", "you cannot decide as " + wanted
                    + ": your deciding roles are " + deciding);
        }
        return wanted;
    }

    @PostMapping("/{id}/implement")
    IcnDetail implement(@PathVariable long id, @RequestBody ImplementRequest request, Authentication user) {
        return icns.implement(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), request.producedStudySetId(), user.getName());
    }

    @PostMapping("/{id}/close")
    IcnDetail close(@PathVariable long id, @RequestBody LockRequest request, Authentication user) {
        return icns.close(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName());
    }

    @PostMapping("/{id}/withdraw")
    IcnDetail withdraw(@PathVariable long id, @RequestBody LockRequest request, Authentication user) {
        return icns.withdraw(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName(), request.comment());
    }

    @PostMapping("/{id}/rework")
    IcnDetail rework(@PathVariable long id, @RequestBody LockRequest request, Authentication user) {
        return icns.rework(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), user.getName());
    }

    @PostMapping("/{id}/comments")
    IcnDetail comment(@PathVariable long id, @RequestBody CommentRequest request, Authentication user) {
        return icns.comment(id, user.getName(), request.text());
    }
}
