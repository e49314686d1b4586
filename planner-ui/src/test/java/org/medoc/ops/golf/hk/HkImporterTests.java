package org.medoc.ops.golf.hk;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.alarm.AlarmSeverity;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Housekeeping imports on the real database: calibration, limits of each sample's time, idempotence, bad rows, FITS. */
@PlanningIntegrationTest
class HkImporterTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired HkCatalogueService catalogue;
    @Autowired HkImporter importer;
    @Autowired HkPlotService plots;
    @Autowired AlarmService alarms;

    private HkImportReport importCsv(String csv, String name) {
        return importer.importStream(GolfFixtures.stream(csv), name, HkImporter.Format.CSV, "golf-operator", null);
    }

    @Test
    void samplesAreCalibratedAndStoredWithTheirRawValue() throws IOException {
        HkParameter cell = GolfFixtures.parameter(catalogue, "CELL_T", Calibration.polynomial(-10, 0.5));
        Instant start = GolfFixtures.freshYear();

        HkImportReport report = importCsv(GolfFixtures.csv(cell.mnemonic(), start, MINUTE, 100, 120, 140), "cell.csv");

        assertThat(report.samplesRead()).isEqualTo(3);
        assertThat(report.samplesAdded()).isEqualTo(3);
        PlotBin whole = plots.series(cell.mnemonic(), start, start.plus(Duration.ofHours(1)), 1).points().getFirst();
        assertThat(whole.min()).isEqualTo(40.0);
        assertThat(whole.max()).isEqualTo(60.0);
        assertThat(whole.mean()).isCloseTo(50.0, within(1e-9));
        java.io.StringWriter exported = new java.io.StringWriter();
        plots.exportSamples(cell.mnemonic(), start, start.plus(MINUTE), exported);
        assertThat(exported.toString()).isEqualTo("time_utc,mnemonic,raw,eng\r\n" + start + "," + cell.mnemonic() + ",100.0,40.0\r\n");
    }

    @Test
    void aLimitChangeInTheMiddleOfASeriesJudgesEachSampleAgainstTheLimitsOfItsTime() {
        HkParameter oven = GolfFixtures.parameter(catalogue, "OVEN_T", Calibration.IDENTITY);
        Instant start = GolfFixtures.freshYear();
        catalogue.setLimits(oven.mnemonic(), start.minus(Duration.ofDays(1)), new Limits(null, 30.0, null, 35.0, null, 45.0),
                "golf-operator", "initial limits");
        Instant change = start.plus(MINUTE.multipliedBy(5));
        catalogue.setLimits(oven.mnemonic(), change, new Limits(null, 40.0, null, 45.0, null, 50.0), "golf-operator",
                "oven set point raised by 5 degC");

        // 38 degC throughout: a WARNING under the first limits, NORMAL under the second
        HkImportReport report = importCsv(GolfFixtures.csv(oven.mnemonic(), start, MINUTE, 38, 38, 38, 38, 38, 38, 38, 38, 38, 38), "oven.csv");

        assertThat(report.outOfLimits()).isEqualTo(Map.of(AlarmSeverity.WARNING, 5L));
        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.start()).isEqualTo(start);
            assertThat(v.end()).isEqualTo(change.minus(MINUTE));
            assertThat(v.value()).isEqualTo(38.0);
        });
        Alarm alarm = alarms.between(oven.mnemonic(), start, start.plus(Duration.ofHours(1))).getFirst();
        assertThat(alarm.severity()).isEqualTo(AlarmSeverity.WARNING);
        assertThat(alarm.currentSeverity()).isEqualTo(AlarmSeverity.NORMAL);
        assertThat(alarm.normalSince()).isEqualTo(change);
        assertThat(catalogue.limits(oven.mnemonic()).versions()).extracting(LimitVersion::reason, LimitVersion::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("initial limits", "golf-operator"),
                        org.assertj.core.groups.Tuple.tuple("oven set point raised by 5 degC", "golf-operator"));
    }

    @Test
    void reImportingTheSameFileOrTheSameSamplesAddsNothing() {
        HkParameter magnet = GolfFixtures.parameter(catalogue, "MAG_I", Calibration.IDENTITY);
        Instant start = GolfFixtures.freshYear();
        String csv = GolfFixtures.csv(magnet.mnemonic(), start, MINUTE, 1.0, 1.1, 1.2, 1.3);
        importCsv(csv, "magnet.csv");

        HkImportReport again = importCsv(csv, "magnet-copy.csv");
        HkImportReport overlapping = importCsv(csv + start.plus(MINUTE.multipliedBy(4)) + "," + magnet.mnemonic() + ",1.4\n", "magnet-more.csv");

        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.samplesAdded()).isZero();
        assertThat(overlapping.alreadyImported()).isFalse();
        assertThat(overlapping.samplesRead()).isEqualTo(5);
        assertThat(overlapping.samplesAdded()).isEqualTo(1);
        assertThat(plots.series(magnet.mnemonic(), start, start.plus(Duration.ofHours(1)), 1).points().getFirst().samples()).isEqualTo(5);
    }

    @Test
    void aBadRowRejectsTheWholeFileWithItsLineNumber() {
        HkParameter pm1 = GolfFixtures.parameter(catalogue, "PM1_HV", Calibration.IDENTITY);
        Instant start = GolfFixtures.freshYear();
        String csv = GolfFixtures.csv(pm1.mnemonic(), start, MINUTE, 1500, 1501, 1502)
                + start.plus(Duration.ofHours(1)) + "," + pm1.mnemonic() + ",high\n";

        assertThatThrownBy(() -> importCsv(csv, "pm1.csv"))
                .isInstanceOfSatisfying(HkImportException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessage("pm1.csv, line 5: the raw value 'high' is not a number (nothing of the file was imported)");
        assertThat(plots.series(pm1.mnemonic(), start, start.plus(Duration.ofDays(1)), 1).points()).isEmpty();
        assertThatThrownBy(() -> importCsv("time_utc,mnemonic,raw\n" + start + ",NO_SUCH_PARAMETER,1\n", "unknown.csv"))
                .hasMessageContaining("line 2: unknown parameter 'NO_SUCH_PARAMETER'");
    }

    @Test
    void aFitsBinaryTableIsImportedColumnByMnemonicWithTimesFromDateref() throws IOException {
        HkParameter pm1 = GolfFixtures.parameter(catalogue, "PM1_CNT", Calibration.IDENTITY);
        HkParameter pm2 = GolfFixtures.parameter(catalogue, "PM2_CNT", Calibration.polynomial(0, 2));
        Instant start = GolfFixtures.freshYear();
        byte[] fits = fitsTable(start, List.of(pm1.mnemonic(), pm2.mnemonic()),
                new double[][]{{0, 100, 200}, {60, 101, Double.NaN}, {120, 102, 202}});

        HkImportReport report = importer.importStream(new ByteArrayInputStream(fits), "hk.fits", HkImporter.Format.FITS, "golf-operator", null);

        assertThat(report.samplesRead()).isEqualTo(5);
        assertThat(report.first()).isEqualTo(start);
        assertThat(report.last()).isEqualTo(start.plus(Duration.ofMinutes(2)));
        PlotBin pm2Bin = plots.series(pm2.mnemonic(), start, start.plus(Duration.ofHours(1)), 1).points().getFirst();
        assertThat(pm2Bin.samples()).isEqualTo(2);
        assertThat(pm2Bin.max()).isEqualTo(404.0);
    }

    /** A minimal FITS file: empty primary HDU, then a BINTABLE of D columns TIME and one per mnemonic. */
    static byte[] fitsTable(Instant dateRef, List<String> mnemonics, double[][] rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        header(out, List.of("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0",
                "EXTEND  =                    T"));
        int fields = mnemonics.size() + 1;
        List<String> cards = new java.util.ArrayList<>(List.of("XTENSION= 'BINTABLE'", "BITPIX  =                    8",
                "NAXIS   =                    2", String.format("NAXIS1  = %20d", 8 * fields), String.format("NAXIS2  = %20d", rows.length),
                "PCOUNT  =                    0", "GCOUNT  =                    1", String.format("TFIELDS = %20d", fields),
                "TTYPE1  = 'TIME    '", "TFORM1  = 'D       '", "TUNIT1  = 's       '"));
        for (int i = 0; i < mnemonics.size(); i++) {
            cards.add(String.format("TTYPE%-3d= '%s'", i + 2, mnemonics.get(i)));
            cards.add(String.format("TFORM%-3d= 'D       '", i + 2));
        }
        cards.add("DATEREF = '" + dateRef.toString().replace("Z", "") + "'");
        header(out, cards);
        ByteBuffer data = ByteBuffer.allocate(rows.length * 8 * fields);
        for (double[] row : rows) {
            for (double value : row) {
                data.putDouble(value);
            }
        }
        out.write(data.array());
        out.write(new byte[(2880 - data.capacity() % 2880) % 2880]);
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, List<String> cards) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String card : cards) {
            text.append(String.format("%-80s", card));
        }
        text.append(String.format("%-80s", "END"));
        while (text.length() % 2880 != 0) {
            text.append(' ');
        }
        out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
