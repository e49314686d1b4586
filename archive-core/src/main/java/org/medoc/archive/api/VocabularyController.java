package org.medoc.archive.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.registry.Registry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The search vocabulary from the server, so that clients need no hard-coded lists of missions and detectors
 * (a complaint of users of older solar archive clients).
 */
@RestController
@Tag(name = "Observations")
public class VocabularyController {

    public record Vocabulary(List<Registry.Mission> missions, List<Registry.Instrument> instruments,
                             List<DetectorTerm> detectors) {}

    /** A detector with MEDOC's INSTRUMENT/DETECTOR name and its nominal wavelengths. */
    public record DetectorTerm(String mission, String instrument, String detector, String qualifiedName,
                               List<Double> wavelengthsAngstrom) {}

    private final Registry registry;

    public VocabularyController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/v1/observations/vocabulary")
    @Operation(summary = "Missions, instruments and detectors (with nominal wavelengths) that searches accept")
    public Vocabulary vocabulary() {
        return new Vocabulary(registry.missions(), registry.instruments(), registry.detectors().stream()
                .map(d -> new DetectorTerm(d.missionCode(), d.instrumentCode(), d.code(), d.qualifiedName(), d.wavelengthsAngstrom()))
                .toList());
    }
}
