package org.medoc.ops.golf.hk;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five million samples streamed from a CSV generated on the fly (about 300 MB of text, never held anywhere): the
 * heap in use after each progress step stays within a small bound, and a second import of the same stream adds nothing.
 */
@PlanningIntegrationTest
class HkImportStreamingTests {

    static final int SAMPLES = 5_000_000;

    @Autowired HkCatalogueService catalogue;
    @Autowired HkImporter importer;

    @Test
    void fiveMillionSamplesImportWithConstantHeapAndAReImportAddsNothing() {
        List<HkParameter> parameters = new ArrayList<>();
        for (String stem : List.of("CELL_TEMP", "OVEN_TEMP", "MAG_CURR", "PM1_HV", "PM2_HV")) {
            parameters.add(GolfFixtures.parameter(catalogue, stem, Calibration.polynomial(0.5, 0.01)));
        }
        Instant start = GolfFixtures.freshYear();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {0};
        List<Long> progress = new ArrayList<>();

        HkImportReport report = importer.importStream(generated(parameters, start), "five-million.csv", HkImporter.Format.CSV,
                "golf-operator", read -> {
                    progress.add(read);
                    if (progress.size() % 10 == 0) {
                        System.gc();
                        peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed() - baseline);
                    }
                });

        assertThat(report.samplesRead()).isEqualTo(SAMPLES);
        assertThat(report.samplesAdded()).isEqualTo(SAMPLES);
        assertThat(progress).contains(100_000L, 2_500_000L, (long) SAMPLES);
        // the text alone is ~300 MB: what stays on the heap must not grow with it
        assertThat(peak[0]).as("heap growth during the import, bytes").isLessThan(64L * 1024 * 1024);

        HkImportReport again = importer.importStream(generated(parameters, start), "five-million.csv", HkImporter.Format.CSV,
                "golf-operator", null);
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.samplesAdded()).isZero();
    }

    /** time_utc,mnemonic,raw lines for the parameters in turn, one minute apart per parameter, produced as read. */
    static InputStream generated(List<HkParameter> parameters, Instant start) {
        return GolfFixtures.generatedCsv(SAMPLES, next -> {
            long minute = next / parameters.size();
            double raw = 2000 + 100 * Math.sin(minute / 720.0) + (next % 7);
            return start.plus(Duration.ofMinutes(minute)) + "," + parameters.get((int) (next % parameters.size())).mnemonic() + "," + raw;
        });
    }
}
