package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.period.ConstraintEffect;
import org.medoc.planner.period.ConstraintWindowRecord;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.period.SoopInstance;
import org.medoc.planner.period.StpCalendar;
import org.medoc.planner.validation.PlanningNotFoundException;
import org.springframework.http.ResponseEntity;
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
import java.util.List;
import java.util.Map;

/** Planning periods, constraint windows, SOOPs and telemetry allocations. */
@Tag(name = "Planning: periods", description = "LTP/MTP/STP/VSTP with deadlines; constraint windows; SOOPs; TM allocations")
@RestController
@RequestMapping("/api/v1/planning")
class PeriodController {

    private final PeriodService periods;

    PeriodController(PeriodService periods) {
        this.periods = periods;
    }

    record PeriodRequest(String kind, Integer number, Instant start, Instant end, Instant iorDeliveryOpens, Instant iorDeadline,
                         String mibVersion, String notes) {
    }

    record PeriodUpdate(Integer lockVersion, Instant iorDeadline, String mibVersion, String status, String notes) {
    }

    record ConstraintRequest(String source, String type, String effect, Instant start, Instant end, String description) {
    }

    record SoopRequest(String name, String kitchenId, String fitsTypeCode, String pointingRequirement, Double defaultDurationHours) {
    }

    record SoopInstanceRequest(Instant start, Instant end, String notes) {
    }

    record AllocationRequest(Long allocatedBits, String sourceFile) {
    }

    @GetMapping("/periods")
    List<Period> list(@RequestParam(required = false) String kind) {
        return periods.list(kind == null ? null : InvalidPlanningRequestException.enumValue(PeriodKind.class, kind, "kind", null));
    }

    @GetMapping("/periods/{id}")
    Period get(@PathVariable long id) {
        return periods.get(id);
    }

    @Operation(summary = "The stored STP of a number (404 if none); see /periods/stp-calendar for the default dates")
    @GetMapping("/periods/stp/{number}")
    Period stp(@PathVariable int number) {
        return periods.findStp(number).orElseThrow(() -> new PlanningNotFoundException("STP", number));
    }

    @Operation(summary = "Default STP/LTP dates from the numbering rule (STP122 = 2020-11-16 anchor)")
    @GetMapping("/periods/stp-calendar")
    Map<String, Object> calendar(@RequestParam(required = false) Integer stp, @RequestParam(required = false) Instant at) {
        int number = stp != null ? stp : StpCalendar.stpAt(at != null ? at : Instant.now());
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("stp", number);
        answer.put("start", StpCalendar.stpStart(number));
        answer.put("end", StpCalendar.stpEnd(number));
        answer.put("defaultIorDeadline", StpCalendar.defaultIorDeadline(number));
        if (number >= StpCalendar.FIRST_QUARTER_LTP_STP) {
            answer.put("ltp", StpCalendar.ltpOf(number));
        }
        return answer;
    }

    @Operation(summary = "Create a period; STP and LTP dates default to the numbering rule")
    @PostMapping("/periods")
    ResponseEntity<Period> create(@RequestBody PeriodRequest request) {
        if (request.number() == null) {
            throw new InvalidPlanningRequestException("number", "number is required");
        }
        Period period = periods.create(new PeriodService.PeriodInput(
                InvalidPlanningRequestException.enumValue(PeriodKind.class, request.kind(), "kind", null), request.number(),
                request.start(), request.end(), request.iorDeliveryOpens(), request.iorDeadline(), request.mibVersion(), request.notes()));
        return ResponseEntity.created(URI.create("/api/v1/planning/periods/" + period.id())).body(period);
    }

    @PutMapping("/periods/{id}")
    Period update(@PathVariable long id, @RequestBody PeriodUpdate request) {
        return periods.update(id, InvalidPlanningRequestException.lockVersion(request.lockVersion()), request.iorDeadline(),
                request.mibVersion(), request.status(), request.notes());
    }

    @Operation(summary = "Record SPICE's telemetry allocation (TM corridor) for a period")
    @PutMapping("/periods/{id}/allocation")
    Map<String, Object> allocation(@PathVariable long id, @RequestBody AllocationRequest request) {
        if (request.allocatedBits() == null) {
            throw new InvalidPlanningRequestException("allocatedBits", "allocatedBits is required");
        }
        periods.setAllocation(id, request.allocatedBits(), request.sourceFile());
        return Map.of("periodId", id, "allocatedBits", request.allocatedBits());
    }

    @GetMapping("/constraints")
    List<ConstraintWindowRecord> constraints(@RequestParam Instant from, @RequestParam Instant to) {
        return periods.constraints(from, to);
    }

    @PostMapping("/constraints")
    ConstraintWindowRecord addConstraint(@RequestBody ConstraintRequest request) {
        ConstraintEffect effect = request.effect() == null ? null
                : InvalidPlanningRequestException.enumValue(ConstraintEffect.class, request.effect(), "effect", null);
        return periods.addConstraint(request.source() == null ? "MANUAL" : request.source(), request.type(), effect,
                request.start(), request.end(), request.description());
    }

    @DeleteMapping("/constraints/{id}")
    ResponseEntity<Void> deleteConstraint(@PathVariable long id) {
        periods.deleteConstraint(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/soops")
    Map<String, Object> createSoop(@RequestBody SoopRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new InvalidPlanningRequestException("name", "a SOOP needs a name");
        }
        long id = periods.createSoop(request.name(), request.kitchenId(), request.fitsTypeCode(), request.pointingRequirement(),
                request.defaultDurationHours());
        return Map.of("id", id, "name", request.name());
    }

    @PostMapping("/soops/{id}/instances")
    SoopInstance addSoopInstance(@PathVariable long id, @RequestBody SoopInstanceRequest request) {
        return periods.addSoopInstance(id, request.start(), request.end(), request.notes());
    }

    @GetMapping("/soop-instances")
    List<SoopInstance> soopInstances(@RequestParam Instant from, @RequestParam Instant to) {
        return periods.soopInstances(from, to);
    }
}
