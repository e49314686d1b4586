package org.medoc.ops.golf.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.ops.golf.command.CommandRequest;
import org.medoc.ops.golf.command.CommandService;
import org.medoc.ops.golf.mode.ModeChange;
import org.medoc.ops.golf.mode.ModePeriod;
import org.medoc.ops.golf.mode.ModeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** GOLF modes (history, current, planned changes) and command requests. */
@Tag(name = "GOLF: modes and commands", description = "Mode history and planned changes; command requests with approval (G2)")
@RestController
@RequestMapping("/api/v1/ops/golf")
class GolfOperationsController {

    private final ModeService modes;
    private final CommandService commands;

    GolfOperationsController(ModeService modes, CommandService commands) {
        this.modes = modes;
        this.commands = commands;
    }

    record ModeOverview(ModePeriod current, List<ModePeriod> history, List<ModeChange> planned, List<String> findings) {
    }

    record ModeChangeRequest(Instant planned, String mode, String reason) {
    }

    record CommandRequestInput(Instant plannedExecution, String commands, String reason, String overrideReason) {
    }

    record Decision(Boolean approve) {
    }

    record Stamp(Instant at, String result) {
    }

    record Cancellation(String reason) {
    }

    @GetMapping("/modes")
    ModeOverview modes() {
        return new ModeOverview(modes.current().orElse(null), modes.history(), modes.planned(), modes.historyFindings());
    }

    @PostMapping("/modes/changes")
    ResponseEntity<ModeChange> plan(@RequestBody ModeChangeRequest request, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(modes.plan(request.planned(), request.mode(), request.reason(), user.getName()));
    }

    @PostMapping("/modes/changes/{id}/apply")
    ModePeriod apply(@PathVariable long id, Authentication user) {
        return modes.apply(id, user.getName());
    }

    @PostMapping("/modes/changes/{id}/cancel")
    ModeChange cancel(@PathVariable long id, Authentication user) {
        return modes.cancel(id, user.getName());
    }

    @GetMapping("/commands")
    List<CommandRequest> commands() {
        return commands.list();
    }

    @PostMapping("/commands")
    ResponseEntity<CommandRequest> request(@RequestBody CommandRequestInput input, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(commands.request(input.plannedExecution(), input.commands(),
                input.reason(), input.overrideReason(), user.getName()));
    }

    @GetMapping("/commands/{id}")
    CommandRequest command(@PathVariable long id) {
        return commands.get(id);
    }

    @PostMapping("/commands/{id}/decision")
    CommandRequest decide(@PathVariable long id, @RequestBody Decision decision, Authentication user) {
        if (decision.approve() == null) {
            throw new IllegalArgumentException("say whether the request is approved (approve: true or false)");
        }
        return commands.decide(id, decision.approve(), user.getName());
    }

    @PostMapping("/commands/{id}/sent")
    CommandRequest sent(@PathVariable long id, @RequestBody Stamp stamp, Authentication user) {
        return commands.markSent(id, user.getName(), stamp.at() == null ? Instant.now() : stamp.at());
    }

    @PostMapping("/commands/{id}/cancel")
    CommandRequest cancelCommand(@PathVariable long id, @RequestBody Cancellation cancellation, Authentication user) {
        return commands.cancel(id, user.getName(), cancellation.reason());
    }

    @PostMapping("/commands/{id}/verified")
    CommandRequest verified(@PathVariable long id, @RequestBody Stamp stamp, Authentication user) {
        return commands.markVerified(id, user.getName(), stamp.at() == null ? Instant.now() : stamp.at(), stamp.result());
    }
}
