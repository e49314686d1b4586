package org.medoc.ops.golf.api;

import jakarta.servlet.http.HttpServletRequest;
import org.medoc.ops.golf.log.Chronology;
import org.medoc.ops.golf.log.OpsLogService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public GOLF chronology, for anyone: server-rendered HTML and an Atom feed of the approved public log entries
 * (like IAS's GOLF chronology page).
 */
@RestController
class ChronologyController {

    static final String PAGE = "/ops/golf/chronology";
    static final String FEED = "/ops/golf/chronology.atom";

    private final OpsLogService log;

    ChronologyController(OpsLogService log) {
        this.log = log;
    }

    @GetMapping(value = PAGE, produces = "text/html;charset=UTF-8")
    String page() {
        return Chronology.html(log.chronology(), FEED);
    }

    @GetMapping(value = FEED, produces = "application/atom+xml;charset=UTF-8")
    ResponseEntity<String> feed(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return ResponseEntity.ok().header("Content-Type", "application/atom+xml;charset=UTF-8")
                .body(Chronology.atom(log.chronology(), base + FEED, base + PAGE));
    }
}
