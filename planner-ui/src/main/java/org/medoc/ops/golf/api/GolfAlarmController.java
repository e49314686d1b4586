package org.medoc.ops.golf.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmEvent;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.alarm.AlarmSummary;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/** GOLF housekeeping alarms: list, summary, history, acknowledge, shelve. */
@Tag(name = "GOLF: alarms", description = "Limit violations: acknowledge with a comment, shelve for a while; history kept")
@RestController
@RequestMapping("/api/v1/ops/golf/alarms")
class GolfAlarmController {

    private final AlarmService alarms;

    GolfAlarmController(AlarmService alarms) {
        this.alarms = alarms;
    }

    record AcknowledgeRequest(String comment) {
    }

    /** {@code duration} is ISO-8601 (PT2H); {@code minutes} is accepted instead. */
    record ShelveRequest(Duration duration, Long minutes, String comment) {
    }

    @GetMapping
    List<Alarm> list(@RequestParam(defaultValue = "false") boolean all) {
        return alarms.list(all);
    }

    @GetMapping("/summary")
    AlarmSummary summary() {
        return alarms.summary();
    }

    @GetMapping("/{id}")
    Alarm get(@PathVariable long id) {
        return alarms.get(id);
    }

    @GetMapping("/{id}/history")
    List<AlarmEvent> history(@PathVariable long id) {
        return alarms.history(id);
    }

    @PostMapping("/{id}/acknowledge")
    Alarm acknowledge(@PathVariable long id, @RequestBody AcknowledgeRequest request, Authentication user) {
        return alarms.acknowledge(id, user.getName(), request.comment());
    }

    @PostMapping("/{id}/shelve")
    Alarm shelve(@PathVariable long id, @RequestBody ShelveRequest request, Authentication user) {
        Duration duration = request.duration() != null ? request.duration()
                : request.minutes() != null ? Duration.ofMinutes(request.minutes()) : null;
        return alarms.shelve(id, duration, user.getName(), request.comment());
    }

    @PostMapping("/{id}/unshelve")
    Alarm unshelve(@PathVariable long id, Authentication user) {
        return alarms.unshelve(id, user.getName());
    }
}
