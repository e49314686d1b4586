package org.medoc.ops.golf.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImportReport;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.hk.HkParameter;
import org.medoc.ops.golf.hk.HkPlotService;
import org.medoc.ops.golf.hk.LimitVersion;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.hk.PlotSeries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** GOLF housekeeping: the parameter catalogue and limits, imports, plot data and sample export. */
@Tag(name = "GOLF: housekeeping", description = "HK parameter catalogue, versioned limits, streaming imports, min/max plot bins")
@RestController
@RequestMapping("/api/v1/ops/golf/hk")
class GolfHkController {

    private final HkCatalogueService catalogue;
    private final HkImporter importer;
    private final HkPlotService plots;

    GolfHkController(HkCatalogueService catalogue, HkImporter importer, HkPlotService plots) {
        this.catalogue = catalogue;
        this.importer = importer;
        this.plots = plots;
    }

    record ParameterRequest(String mnemonic, String description, HkParameter.Subsystem subsystem, String unit,
                            List<Double> polynomial, List<double[]> table, Integer samplingSeconds, Integer lockVersion) {

        HkCatalogueService.ParameterInput input() {
            Calibration calibration = polynomial != null && !polynomial.isEmpty()
                    ? new Calibration(Calibration.Type.POLYNOMIAL, polynomial, List.of())
                    : table != null && !table.isEmpty() ? Calibration.table(table) : Calibration.IDENTITY;
            return new HkCatalogueService.ParameterInput(mnemonic, description, subsystem, unit, calibration, samplingSeconds);
        }
    }

    record LimitRequest(Instant validFrom, Double watchLow, Double watchHigh, Double warningLow, Double warningHigh,
                        Double criticalLow, Double criticalHigh, String reason) {
    }

    @GetMapping("/parameters")
    List<HkParameter> parameters() {
        return catalogue.list();
    }

    @PostMapping("/parameters")
    ResponseEntity<HkParameter> create(@RequestBody ParameterRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(catalogue.create(request.input()));
    }

    @PutMapping("/parameters/{mnemonic}")
    HkParameter update(@PathVariable String mnemonic, @RequestBody ParameterRequest request) {
        if (request.lockVersion() == null) {
            throw new IllegalArgumentException("give the lockVersion of the parameter you edited");
        }
        return catalogue.update(mnemonic, request.lockVersion(), request.input());
    }

    @GetMapping("/parameters/{mnemonic}/limits")
    List<LimitVersion> limits(@PathVariable String mnemonic) {
        return catalogue.limits(mnemonic).versions();
    }

    @Operation(summary = "Adds a limit version in force from validFrom (who, when and why are recorded)")
    @PostMapping("/parameters/{mnemonic}/limits")
    ResponseEntity<LimitVersion> setLimits(@PathVariable String mnemonic, @RequestBody LimitRequest request, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(catalogue.setLimits(mnemonic, request.validFrom(),
                new Limits(request.watchLow(), request.watchHigh(), request.warningLow(), request.warningHigh(),
                        request.criticalLow(), request.criticalHigh()), user.getName(), request.reason()));
    }

    @Operation(summary = "Imports HK samples: a CSV body (time_utc,mnemonic,raw) or a multipart 'file' (CSV or FITS "
            + "binary table); answers the counts and the violations. The whole file or nothing; re-imports add nothing.")
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    HkImportReport importCsv(HttpServletRequest request, @RequestParam(defaultValue = "upload.csv") String fileName,
                             Authentication user) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return importer.importStream(body, fileName, HkImporter.Format.CSV, user.getName(), null);
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    HkImportReport importFile(@RequestPart("file") MultipartFile file, Authentication user) throws IOException {
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return importer.importStream(in, name, HkImporter.Format.of(name), user.getName(), null);
        }
    }

    @Operation(summary = "Plot data: min/max/mean per bin over [from, to), limit versions and alarms of the range")
    @GetMapping("/{mnemonic}")
    PlotSeries plot(@PathVariable String mnemonic, @RequestParam Instant from, @RequestParam Instant to,
                    @RequestParam(defaultValue = "1000") int bins) {
        return plots.series(mnemonic, from, to, bins);
    }

    @Operation(summary = "The samples of [from, to) as CSV (time_utc,mnemonic,raw,eng), streamed")
    @GetMapping(value = "/{mnemonic}/samples.csv", produces = "text/csv")
    void samples(@PathVariable String mnemonic, @RequestParam Instant from, @RequestParam Instant to,
                 HttpServletResponse response) throws IOException {
        catalogue.get(mnemonic);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + mnemonic + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        plots.exportSamples(mnemonic, from, to, out);
        out.flush();
    }
}
