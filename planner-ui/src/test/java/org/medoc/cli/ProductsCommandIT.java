package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.products.dem.DemSyntheticSets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's {@code products run} command as a user runs it: DEM maps of ingested AIA sets are made once, and
 * usage errors are clear and exit with 2.
 */
class ProductsCommandIT {

    @TempDir Path work;

    private PackagedMedoc.Run medoc(String... arguments) throws IOException, InterruptedException {
        return new PackagedMedoc(work.resolve("data")).run(arguments);
    }

    @Test
    void makesTheDemMapsOfTheIngestedAiaSetsOfAnIntervalOnceAndSkipsThemTheSecondTime() throws Exception {
        Path incoming = work.resolve("incoming");
        Instant reference = Instant.parse("2021-06-01T10:30:00Z");
        new DemSyntheticSets().write(DemSyntheticSets.Scene.QUIET_SUN, 32, reference, 11, true, incoming);
        PackagedMedoc.Run ingest = medoc("ingest", incoming.toString());
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();

        PackagedMedoc.Run first = medoc("products", "run", "dem", "--from", "2021-06-01T10:00:00Z", "--to", "2021-06-01T11:00:00Z");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("dem: 1 sets, made 1, skipped 0 (already catalogued), failed 0");

        PackagedMedoc.Run second = medoc("products", "run", "dem", "--from", "2021-06-01T10:00:00Z", "--to", "2021-06-01T11:00:00Z");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("dem: 1 sets, made 0, skipped 1 (already catalogued), failed 0");
    }

    @Test
    void anUnknownTypeOrABadTimeIsAUsageErrorWithoutAStackTrace() throws Exception {
        PackagedMedoc.Run unknown = medoc("products", "run", "nonsense", "--from", "2024-01-01", "--to=2024-01-02");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown product type 'nonsense'").contains("usage: medoc products run")
                .doesNotContain("\tat ");

        PackagedMedoc.Run badTime = medoc("products", "run", "dem", "--from", "yesterday", "--to", "2024-01-02");
        assertThat(badTime.exitCode()).as(badTime.output()).isEqualTo(2);
        assertThat(badTime.output()).contains("'yesterday' is not an ISO-8601 UTC time");

        PackagedMedoc.Run incomplete = medoc("products", "run");
        assertThat(incomplete.exitCode()).isEqualTo(2);
        assertThat(incomplete.output()).contains("usage: medoc products run <type> --from");
    }
}
