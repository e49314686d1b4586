package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code medoc golf hk-import} on the application's context: summaries, a rejected file, the exit status. */
@PlanningIntegrationTest
class GolfCommandTests {

    @Autowired GolfCommand command;
    @Autowired HkCatalogueService catalogue;
    @TempDir Path work;

    @Test
    void importsEachFileReportsTheRejectedOneWithItsLineAndExitsWithOne() throws Exception {
        String mnemonic = GolfFixtures.parameter(catalogue, "CLI_T", Calibration.IDENTITY).mnemonic();
        Instant start = GolfFixtures.freshYear();
        Path good = Files.writeString(work.resolve("good.csv"), GolfFixtures.csv(mnemonic, start, Duration.ofMinutes(1), 1, 2, 3));
        Path bad = Files.writeString(work.resolve("bad.csv"), "time_utc,mnemonic,raw\n" + start + "," + mnemonic + ",1,extra\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = command.run(List.of("hk-import", good.toString(), bad.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("good.csv: 3 samples read, 3 added").contains("… good.csv: 3 samples read")
                .contains("rejected bad.csv, line 2: expected 3 fields, found 4");
        assertThat(status).isEqualTo(1);
        assertThat(command.run(List.of("hk-import"), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }
}
