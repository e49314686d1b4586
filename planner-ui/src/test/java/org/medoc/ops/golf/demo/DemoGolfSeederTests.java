package org.medoc.ops.golf.demo;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.alarm.AlarmSeverity;
import org.medoc.ops.golf.anomaly.AnomalyService;
import org.medoc.ops.golf.anomaly.AnomalyStatus;
import org.medoc.ops.golf.anomaly.DataGap;
import org.medoc.ops.golf.anomaly.DataGapService;
import org.medoc.ops.golf.hk.HkPlotService;
import org.medoc.ops.golf.hk.PlotSeries;
import org.medoc.ops.golf.log.OpsLogService;
import org.medoc.ops.golf.mode.ModeService;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The GOLF demo: months of HK with one excursion, an explained gap, an open anomaly, a planned mode change. */
@PlanningIntegrationTest
class DemoGolfSeederTests {

    @Autowired DemoGolfSeeder seeder;
    @Autowired HkPlotService plots;
    @Autowired AlarmService alarms;
    @Autowired DataGapService gaps;
    @Autowired AnomalyService anomalies;
    @Autowired OpsLogService log;
    @Autowired ModeService modes;

    @Test
    void theDemoHoldsAnExcursionAnExplainedGapAnOpenAnomalyAndAPlannedModeChange() {
        // on a whole hour, so that the hourly rollup covers exactly the 91 days
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        seeder.seed(now);

        PlotSeries oven = plots.series("OVEN_TEMP", now.minus(DemoGolfSeeder.SPAN), now, 91);
        assertThat(oven.source()).isEqualTo(PlotSeries.Source.HOURLY_ROLLUP);
        assertThat(oven.points().stream().mapToLong(b -> b.samples()).sum())
                .isEqualTo(DemoGolfSeeder.SPAN.minus(DemoGolfSeeder.GAP_LENGTH).dividedBy(DemoGolfSeeder.CADENCE));
        List<Alarm> excursion = alarms.between("OVEN_TEMP", now.minus(DemoGolfSeeder.SPAN), now);
        assertThat(excursion).singleElement().satisfies(alarm -> {
            assertThat(alarm.severity()).isEqualTo(AlarmSeverity.WARNING);
            assertThat(alarm.raised()).isEqualTo(now.minus(DemoGolfSeeder.EXCURSION_AGO));
            assertThat(alarm.currentSeverity()).isEqualTo(AlarmSeverity.NORMAL);
            assertThat(alarm.state()).isEqualTo(Alarm.State.UNACKNOWLEDGED);
        });
        for (String quiet : List.of("CELL_TEMP", "MAGNET_CURR", "PM1_HV", "PM2_HV", "PM1_COUNTS", "PM2_COUNTS")) {
            assertThat(alarms.between(quiet, now.minus(DemoGolfSeeder.SPAN), now)).as(quiet).isEmpty();
        }
        List<DataGap> found = gaps.gaps(now.minus(DemoGolfSeeder.SPAN), now);
        assertThat(found).singleElement().satisfies(gap -> {
            assertThat(gap.length()).isEqualTo(DemoGolfSeeder.GAP_LENGTH.plus(DemoGolfSeeder.CADENCE));
            assertThat(gap.explained()).isTrue();
        });
        assertThat(anomalies.list()).anySatisfy(a -> {
            assertThat(a.title()).isEqualTo("Oven temperature excursion");
            assertThat(a.status()).isEqualTo(AnomalyStatus.OPEN);
            assertThat(a.logEntryIds()).hasSize(1);
        });
        assertThat(log.chronology()).anySatisfy(e -> assertThat(e.publicTitle()).isEqualTo("Two-hour data gap: DSN pass cancelled"));
        assertThat(modes.planned()).anySatisfy(c -> {
            assertThat(c.mode()).isEqualTo("RED_WING");
            assertThat(c.planned()).isBetween(now.plus(Duration.ofDays(29)), now.plus(Duration.ofDays(31)));
        });
    }
}
