package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's batch command, run as a user runs it: {@code java -jar medoc.jar ingest <directory>}. This IT
 * starts {@code target/medoc.jar} itself, never the extracted jar with the build's AOT cache the other ITs may use
 * ({@link PackagedMedoc#shipped}), so that the file users get is always run as it is.
 */
class IngestCommandIT {

    private static final List<String> SAMPLES = List.of("aia_171_level1.fits", "efz20040301.000010_s.fits",
            "solo_L2_spice-n-sit_20200620T235901_V01_16777431-000.fits");

    @TempDir Path work;

    private PackagedMedoc.Run medoc(String... arguments) throws IOException, InterruptedException {
        return PackagedMedoc.shipped(work.resolve("data")).run(arguments);
    }

    @Test
    void ingestsADirectoryThenSkipsItAndFailsOnQuarantine() throws Exception {
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        for (String sample : SAMPLES) {
            Files.copy(TestData.fits(sample), incoming.resolve(sample));
        }
        Files.writeString(incoming.resolve("zz-junk.fits"), "this is not FITS");

        PackagedMedoc.Run first = medoc("ingest", incoming.toString());
        assertThat(first.output()).contains("quarantined zz-junk.fits: not a FITS file")
                .contains("ingested 3, skipped 0 (already present), quarantined 1");
        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);

        Files.delete(incoming.resolve("zz-junk.fits"));
        PackagedMedoc.Run second = medoc("ingest", incoming.toString());
        assertThat(second.output()).contains("ingested 0, skipped 3 (already present), quarantined 0");
        assertThat(second.exitCode()).as(second.output()).isZero();
    }

    @Test
    void aMissingPathIsReportedWithoutAStackTrace() throws Exception {
        PackagedMedoc.Run run = medoc("ingest", work.resolve("no-such-dir").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("no such file or directory").doesNotContain("\tat ");
    }
}
