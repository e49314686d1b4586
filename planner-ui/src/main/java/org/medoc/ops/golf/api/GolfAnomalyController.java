package org.medoc.ops.golf.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.ops.golf.anomaly.Anomaly;
import org.medoc.ops.golf.anomaly.AnomalyService;
import org.medoc.ops.golf.anomaly.AnomalyStatus;
import org.medoc.ops.golf.anomaly.DataGap;
import org.medoc.ops.golf.anomaly.DataGapService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** GOLF anomaly reports and their workflow; data gaps and rule G3. */
@Tag(name = "GOLF: anomalies", description = "Anomaly reports (open → analysing → actions planned → closed); data gaps (G3)")
@RestController
@RequestMapping("/api/v1/ops/golf")
class GolfAnomalyController {

    private final AnomalyService anomalies;
    private final DataGapService gaps;

    GolfAnomalyController(AnomalyService anomalies, DataGapService gaps) {
        this.anomalies = anomalies;
        this.gaps = gaps;
    }

    record AdvanceRequest(Integer lockVersion, AnomalyStatus status, String rootCause, String actions) {
    }

    record ExplainRequest(Long logEntryId, Long anomalyId) {
    }

    @GetMapping("/anomalies")
    List<Anomaly> list() {
        return anomalies.list();
    }

    @PostMapping("/anomalies")
    ResponseEntity<Anomaly> open(@RequestBody AnomalyService.AnomalyInput input, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(anomalies.open(input, user.getName()));
    }

    @GetMapping("/anomalies/{id}")
    Anomaly get(@PathVariable long id) {
        return anomalies.get(id);
    }

    @PostMapping("/anomalies/{id}/advance")
    Anomaly advance(@PathVariable long id, @RequestBody AdvanceRequest request) {
        if (request.lockVersion() == null) {
            throw new IllegalArgumentException("give the lockVersion of the anomaly you read");
        }
        return anomalies.advance(id, request.lockVersion(), request.status(), request.rootCause(), request.actions());
    }

    @GetMapping("/gaps")
    List<DataGap> gaps(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                       @RequestParam(defaultValue = "false") boolean unexplained) {
        return unexplained ? gaps.unexplained() : gaps.gaps(from, to);
    }

    @PostMapping("/gaps/{id}/explain")
    DataGap explain(@PathVariable long id, @RequestBody ExplainRequest request) {
        return gaps.explain(id, request.logEntryId(), request.anomalyId());
    }
}
