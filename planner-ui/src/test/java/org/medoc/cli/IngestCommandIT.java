package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar's batch command, run as a user runs it: {@code java -jar medoc.jar ingest <directory>}. */
class IngestCommandIT {

    private static final List<String> SAMPLES = List.of("aia_171_level1.fits", "efz20040301.000010_s.fits",
            "solo_L2_spice-n-sit_20200620T235901_V01_16777431-000.fits");

    @TempDir Path work;

    private record Run(int exitCode, String output) {}

    private Run medoc(String... arguments) throws IOException, InterruptedException {
        Path jar = Path.of("target/medoc.jar");
        assertThat(jar).as("the packaged application (mvn package builds it)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        command.add("--medoc.data-dir=" + work.resolve("data"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void ingestsADirectoryThenSkipsItAndFailsOnQuarantine() throws Exception {
        Path shared = Path.of(System.getProperty("medoc.shared-data", "../../shared/data")).resolve("fits");
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        for (String sample : SAMPLES) {
            Files.copy(shared.resolve(sample), incoming.resolve(sample));
        }
        Files.writeString(incoming.resolve("zz-junk.fits"), "this is not FITS");

        Run first = medoc("ingest", incoming.toString());
        assertThat(first.output()).contains("quarantined zz-junk.fits: not a FITS file")
                .contains("ingested 3, skipped 0 (already present), quarantined 1");
        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);

        Files.delete(incoming.resolve("zz-junk.fits"));
        Run second = medoc("ingest", incoming.toString());
        assertThat(second.output()).contains("ingested 0, skipped 3 (already present), quarantined 0");
        assertThat(second.exitCode()).as(second.output()).isZero();
    }

    @Test
    void aMissingPathIsReportedWithoutAStackTrace() throws Exception {
        Run run = medoc("ingest", work.resolve("no-such-dir").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("no such file or directory").doesNotContain("\tat ");
    }
}
