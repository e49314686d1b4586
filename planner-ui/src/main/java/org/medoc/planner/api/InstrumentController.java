package org.medoc.planner.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** SPICE instrument configuration (reference data; ADMIN edits) and the line list. */
@Tag(name = "Planning: instrument", description = "Detectors, slits, limits, overheads, compression table, line list")
@RestController
@RequestMapping("/api/v1/planning")
class InstrumentController {

    private final InstrumentConfigurationService configurations;

    InstrumentController(InstrumentConfigurationService configurations) {
        this.configurations = configurations;
    }

    /** The configuration with the parameters' units and lock versions. */
    record InstrumentJson(InstrumentConfiguration configuration, List<InstrumentConfigurationService.Parameter> parameters) {
    }

    record ParameterRequest(Double value, Integer lockVersion) {
    }

    @Operation(summary = "The instrument configuration every formula and rule reads")
    @GetMapping("/instrument")
    InstrumentJson instrument() {
        return new InstrumentJson(configurations.load(), configurations.parameters());
    }

    @Operation(summary = "Change a limit or overhead (ADMIN)")
    @PutMapping("/instrument/parameters/{name}")
    InstrumentConfigurationService.Parameter updateParameter(@PathVariable String name, @RequestBody ParameterRequest request) {
        if (request.value() == null) {
            throw new InvalidPlanningRequestException("value", "value is required");
        }
        return configurations.updateParameter(name, request.value(), InvalidPlanningRequestException.lockVersion(request.lockVersion()));
    }

    @Operation(summary = "The line list (wavelength to ion), to pick windows by spectral line")
    @GetMapping("/lines")
    List<InstrumentConfigurationService.SpectralLine> lines() {
        return configurations.lines();
    }
}
