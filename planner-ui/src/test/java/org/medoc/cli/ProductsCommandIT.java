package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.products.dem.DemSyntheticSets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's {@code products run} command as a user runs it: DEM maps of ingested AIA sets are made once, and
 * usage errors are clear and exit with 2.
 */
class ProductsCommandIT {

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
    void makesTheDemMapsOfTheIngestedAiaSetsOfAnIntervalOnceAndSkipsThemTheSecondTime() throws Exception {
        Path incoming = work.resolve("incoming");
        Instant reference = Instant.parse("2021-06-01T10:30:00Z");
        new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, 32, reference, 11, true, incoming);
        Run ingest = medoc("ingest", incoming.toString());
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();

        Run first = medoc("products", "run", "dem", "--from", "2021-06-01T10:00:00Z", "--to", "2021-06-01T11:00:00Z");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("dem: 1 sets, made 1, skipped 0 (already catalogued), failed 0");

        Run second = medoc("products", "run", "dem", "--from", "2021-06-01T10:00:00Z", "--to", "2021-06-01T11:00:00Z");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("dem: 1 sets, made 0, skipped 1 (already catalogued), failed 0");
    }

    @Test
    void anUnknownTypeOrABadTimeIsAUsageErrorWithoutAStackTrace() throws Exception {
        Run unknown = medoc("products", "run", "nonsense", "--from", "2024-01-01", "--to=2024-01-02");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown product type 'nonsense'").contains("usage: medoc products run")
                .doesNotContain("\tat ");

        Run badTime = medoc("products", "run", "dem", "--from", "yesterday", "--to", "2024-01-02");
        assertThat(badTime.exitCode()).as(badTime.output()).isEqualTo(2);
        assertThat(badTime.output()).contains("'yesterday' is not an ISO-8601 UTC time");

        Run incomplete = medoc("products", "run");
        assertThat(incomplete.exitCode()).isEqualTo(2);
        assertThat(incomplete.output()).contains("usage: medoc products run <type> --from");
    }
}
