package org.medoc.ops.golf.demo;

import org.jooq.DSLContext;
import org.medoc.ops.golf.anomaly.Anomaly;
import org.medoc.ops.golf.anomaly.AnomalyService;
import org.medoc.ops.golf.anomaly.DataGap;
import org.medoc.ops.golf.anomaly.DataGapService;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.hk.HkParameter;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.log.DataImpact;
import org.medoc.ops.golf.log.LogCategory;
import org.medoc.ops.golf.log.LogEntry;
import org.medoc.ops.golf.log.LogInput;
import org.medoc.ops.golf.log.OpsLogService;
import org.medoc.ops.golf.mode.ModeService;
import org.medoc.security.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import static org.medoc.db.jooq.ops.Tables.HK_PARAMETER;

/**
 * In demo mode, fills an empty GOLF catalogue with invented but plausible housekeeping: three months up to today, one
 * sample every {@link #CADENCE} of cell and oven temperatures, magnet current, PM1/PM2 high voltages and count rates,
 * through the real import. The series hold one oven excursion above its warning limit (an alarm left for the
 * operator), a two-hour data gap explained by its log entry, and the demo adds one open anomaly, a public chronology
 * entry and a mode change planned for next month. Runs once (skipped when any parameter exists).
 */
@Component
public class DemoGolfSeeder implements ApplicationRunner {

    static final Duration CADENCE = Duration.ofMinutes(2);
    static final Duration SPAN = Duration.ofDays(91);
    /** Where the oven excursion and the gap fall, counted back from the end of the series. */
    static final Duration EXCURSION_AGO = Duration.ofDays(20);
    static final Duration GAP_AGO = Duration.ofDays(35);
    static final Duration GAP_LENGTH = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(DemoGolfSeeder.class);
    private static final String OPERATOR = "golf-operator";

    private final Environment environment;
    private final DSLContext dsl;
    private final HkCatalogueService catalogue;
    private final HkImporter importer;
    private final OpsLogService opsLog;
    private final AnomalyService anomalies;
    private final DataGapService gaps;
    private final ModeService modes;

    DemoGolfSeeder(Environment environment, DSLContext dsl, HkCatalogueService catalogue, HkImporter importer, OpsLogService opsLog,
                   AnomalyService anomalies, DataGapService gaps, ModeService modes) {
        this.environment = environment;
        this.dsl = dsl;
        this.catalogue = catalogue;
        this.importer = importer;
        this.opsLog = opsLog;
        this.anomalies = anomalies;
        this.gaps = gaps;
        this.modes = modes;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!DemoAccounts.enabled(environment) || !environment.getProperty("medoc.demo.golf", Boolean.class, true)) {
            return;
        }
        if (dsl.fetchExists(HK_PARAMETER)) {
            return;
        }
        long started = System.nanoTime();
        seed(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        log.info("GOLF demo housekeeping seeded in {} s", (System.nanoTime() - started) / 1_000_000_000L);
    }

    /** One parameter of the demo: its catalogue entry, its limits and how its raw value moves. */
    record DemoParameter(String mnemonic, HkParameter.Subsystem subsystem, String unit, String description,
                         Calibration calibration, Limits limits, Series series) {
    }

    /** The raw value at {@code minute} minutes from the start of the series. */
    interface Series {
        double raw(long minute, Random noise);
    }

    static List<DemoParameter> parameters(long excursionMinute) {
        return List.of(
                new DemoParameter("CELL_TEMP", HkParameter.Subsystem.CELL, "degC", "Sodium vapour cell temperature",
                        Calibration.polynomial(-50.0, 0.05), new Limits(172.0, 178.0, 170.0, 180.0, 165.0, 185.0),
                        (m, r) -> (175.0 + 0.4 * Math.sin(m / 720.0 * Math.PI) + r.nextGaussian() * 0.1 + 50.0) / 0.05),
                new DemoParameter("OVEN_TEMP", HkParameter.Subsystem.OVEN, "degC", "Cell oven temperature",
                        Calibration.IDENTITY, new Limits(198.0, 202.0, 197.0, 203.0, 194.0, 206.0),
                        (m, r) -> 200.0 + 0.3 * Math.sin(m / 720.0 * Math.PI) + r.nextGaussian() * 0.05
                                // the excursion: a heater control fault, 40 minutes above the warning limit
                                + (m >= excursionMinute && m < excursionMinute + 40 ? 3.6 : 0)),
                new DemoParameter("MAGNET_CURR", HkParameter.Subsystem.MAGNET, "A", "Permanent-magnet trim coil current",
                        Calibration.polynomial(0.0, 0.001), new Limits(1.15, 1.25, 1.10, 1.30, 1.0, 1.4),
                        (m, r) -> (1.20 + r.nextGaussian() * 0.003) / 0.001),
                new DemoParameter("PM1_HV", HkParameter.Subsystem.PM1, "V", "Photomultiplier 1 high voltage",
                        Calibration.IDENTITY, new Limits(1490.0, 1510.0, 1480.0, 1520.0, 1450.0, 1550.0),
                        (m, r) -> 1500.0 + r.nextGaussian() * 0.8),
                new DemoParameter("PM2_HV", HkParameter.Subsystem.PM2, "V", "Photomultiplier 2 high voltage",
                        Calibration.IDENTITY, new Limits(1470.0, 1490.0, 1460.0, 1500.0, 1430.0, 1530.0),
                        (m, r) -> 1480.0 + r.nextGaussian() * 0.8),
                new DemoParameter("PM1_COUNTS", HkParameter.Subsystem.PM1, "counts/s", "Photomultiplier 1 count rate",
                        Calibration.IDENTITY, new Limits(1.6e6, null, 1.5e6, null, 1.2e6, null),
                        (m, r) -> 2.0e6 * (1 - m / 5.0e6) * (1 + 0.004 * Math.sin(m / 720.0 * Math.PI)) + r.nextGaussian() * 2000),
                new DemoParameter("PM2_COUNTS", HkParameter.Subsystem.PM2, "counts/s", "Photomultiplier 2 count rate",
                        Calibration.IDENTITY, new Limits(1.6e6, null, 1.5e6, null, 1.2e6, null),
                        (m, r) -> 1.9e6 * (1 - m / 5.0e6) * (1 + 0.004 * Math.sin(m / 720.0 * Math.PI)) + r.nextGaussian() * 2000));
    }

    /** Seeds the demo with series ending at {@code now}; public for tests of the demo content. */
    public void seed(Instant now) {
        Instant start = now.minus(SPAN);
        long excursionMinute = Duration.between(start, now.minus(EXCURSION_AGO)).toMinutes();
        Instant gapStart = now.minus(GAP_AGO);
        List<DemoParameter> demo = parameters(excursionMinute);
        for (DemoParameter parameter : demo) {
            catalogue.create(new HkCatalogueService.ParameterInput(parameter.mnemonic(), parameter.description(), parameter.subsystem(),
                    parameter.unit(), parameter.calibration(), (int) CADENCE.toSeconds()));
            catalogue.setLimits(parameter.mnemonic(), start.minus(Duration.ofDays(365)), parameter.limits(), OPERATOR,
                    "demo: limits at commissioning");
        }
        importer.importStream(csv(demo, start, now, gapStart), "golf-hk-demo.csv", HkImporter.Format.CSV, OPERATOR, null);

        LogEntry gapEntry = opsLog.write(new LogInput(gapStart, LogCategory.SPACECRAFT_EVENT,
                "No telemetry for two hours: the DSN pass was cancelled at short notice (demo).", DataImpact.GAP, gapStart,
                gapStart.plus(GAP_LENGTH), null, null, null, true, "Two-hour data gap: DSN pass cancelled"), OPERATOR);
        opsLog.approve(gapEntry.id(), "admin");
        for (DataGap gap : gaps.gaps(gapStart.minus(CADENCE), gapStart.plus(GAP_LENGTH).plus(CADENCE))) {
            gaps.explain(gap.id(), gapEntry.id(), null);
        }
        opsLog.write(LogInput.note(now.minus(Duration.ofDays(1)), LogCategory.ROUTINE_CHECK,
                "Daily check: first sample on time, PM1/PM2 counts nominal, 10 s modulation cycle (demo).", DataImpact.NONE), OPERATOR);
        Anomaly anomaly = anomalies.open(new AnomalyService.AnomalyInput("Oven temperature excursion",
                "OVEN_TEMP rose 3.6 degC above nominal for 40 minutes; heater control suspected (demo).", Anomaly.Severity.MINOR,
                OPERATOR, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(30)), OPERATOR);
        opsLog.write(new LogInput(now.minus(EXCURSION_AGO), LogCategory.ANOMALY, "Oven excursion seen in HK, anomaly opened (demo).",
                DataImpact.NONE, now.minus(EXCURSION_AGO), now.minus(EXCURSION_AGO).plus(Duration.ofMinutes(40)), null, anomaly.id(),
                null, false, null), OPERATOR);
        modes.plan(now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS), "RED_WING",
                "Demo: one-day red-wing calibration sequence", OPERATOR);
    }

    /** The demo CSV, generated as it is read: no three months of text in memory. */
    static InputStream csv(List<DemoParameter> demo, Instant start, Instant end, Instant gapStart) {
        Random noise = new Random(1995_12_02L);
        long steps = Duration.between(start, end).dividedBy(CADENCE);
        Enumeration<InputStream> chunks = new Enumeration<>() {
            long step = -1;

            @Override
            public boolean hasMoreElements() {
                return step < steps;
            }

            @Override
            public InputStream nextElement() {
                if (!hasMoreElements()) {
                    throw new NoSuchElementException();
                }
                StringBuilder text = new StringBuilder();
                if (step < 0) {
                    text.append("time_utc,mnemonic,raw\n");
                }
                // 720 steps (a day at the demo cadence) per chunk
                for (int i = 0; i < 720 && step < steps; i++) {
                    step++;
                    Instant time = start.plus(CADENCE.multipliedBy(step));
                    if (!time.isBefore(gapStart) && time.isBefore(gapStart.plus(GAP_LENGTH))) {
                        continue;
                    }
                    long minute = CADENCE.toMinutes() * step;
                    for (DemoParameter parameter : demo) {
                        text.append(time).append(',').append(parameter.mnemonic()).append(',')
                                .append(Math.round(parameter.series().raw(minute, noise) * 1000) / 1000.0).append('\n');
                    }
                }
                return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(chunks);
    }
}
