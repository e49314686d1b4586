package org.medoc.archive.vo;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.ExternalTools;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * An independent client: pyvo (Debian {@code python3-pyvo}) queries both tables sync and async and follows an
 * access_url; the file it downloads must have the catalogue's SHA-256.
 */
@SpringBootTest(classes = ArchiveTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TapPyvoTests {

    @LocalServerPort int port;
    @Autowired IngestService ingest;
    @Autowired org.jooq.DSLContext dsl;
    @Autowired ObjectMapper json;

    @Test
    void pyvoQueriesBothTablesSyncAndAsyncAndDownloadsTheCataloguedFile() throws Exception {
        // Debian's interpreter, where apt installs python3-pyvo (a pyenv python on PATH would not see it)
        Path python = Files.isExecutable(Path.of("/usr/bin/python3")) ? Path.of("/usr/bin/python3")
                : ExternalTools.require("python3", "python3");
        requirePyvo(python);
        ingest.ingest(List.of(ArchiveTestApplication.sampleFits()), "test");
        Path script = Files.createTempFile("pyvo_client", ".py");
        try (InputStream in = getClass().getResourceAsStream("/vo/pyvo_client.py")) {
            Files.write(script, in.readAllBytes());
        }

        Process process = new ProcessBuilder(python.toString(), script.toString(), "http://localhost:" + port + "/tap").start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        JsonNode report = json.readTree(stdout);

        int aia = Math.min(5, dsl.fetchCount(OBSERVATION, OBSERVATION.INSTRUMENT.eq("AIA")));
        assertThat(aia).isPositive();
        for (String result : List.of("sync_epn", "sync_obscore", "async_epn", "async_obscore")) {
            assertThat(report.get(result)).as(result).hasSize(aia);
            for (JsonNode row : report.get(result)) {
                assertThat(row.get(1).asString()).isEqualTo("AIA");
            }
            for (int i = 1; i < report.get(result).size(); i++) {
                assertThat(report.get(result).get(i).get(2).asDouble())
                        .isGreaterThanOrEqualTo(report.get(result).get(i - 1).get(2).asDouble());
            }
        }
        assertThat(report.get("async_epn_phase").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("async_epn")).isEqualTo(report.get("sync_epn"));

        String url = report.get("download").get("url").asString();
        long id = Long.parseLong(url.replaceAll(".*/observations/(\\d+)/file$", "$1"));
        String catalogued = dsl.select(OBSERVATION.SHA256).from(OBSERVATION).where(OBSERVATION.ID.eq(id)).fetchOne(OBSERVATION.SHA256);
        assertThat(report.get("download").get("sha256").asString()).isEqualTo(catalogued);
    }

    private static void requirePyvo(Path python) throws Exception {
        Process check = new ProcessBuilder(python.toString(), "-c", "import pyvo").start();
        if (check.waitFor(1, TimeUnit.MINUTES) && check.exitValue() != 0) {
            String message = "pyvo is not installed: apt-get install python3-pyvo";
            if (System.getenv("CI") != null) {
                org.junit.jupiter.api.Assertions.fail(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
    }
}
