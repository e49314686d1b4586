package org.medoc.archive.vo;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.ExternalTools;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service checked by an independent validator, STILTS {@code taplint} (Debian {@code stilts}): all its default
 * stages (table metadata, TAP_SCHEMA, capabilities, availability, sync GET/POST and async queries, UWS, result
 * metadata, ObsCore), plus EPN-TAP when the installed STILTS has that stage. taplint exits 0 whatever it finds, so
 * its report is read: any {@code E-} line fails the test.
 */
@SpringBootTest(classes = ArchiveTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TapLintTests {

    @LocalServerPort int port;
    @Autowired IngestService ingest;

    @Test
    void taplintFindsNoErrors() throws Exception {
        Path stilts = ExternalTools.require("stilts", "stilts");
        ingest.ingest(List.of(ArchiveTestApplication.sampleFits()), "test");
        boolean epnStage = run(List.of(stilts.toString(), "taplint", "help=stages")).contains("EPN");
        List<String> command = new ArrayList<>(List.of(stilts.toString(), "taplint",
                "tapurl=http://localhost:" + port + "/tap", "report=EWF", "maxrepeat=3", "truncate=400"));
        if (epnStage) {
            command.add("stages=+EPN");
        }
        String report = run(command);
        System.out.println(report);

        List<String> errors = report.lines().filter(line -> line.startsWith("E-")).toList();
        assertThat(errors).as("taplint errors").isEmpty();
        assertThat(report).contains("Totals:");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
