package org.medoc.ops.golf.anomaly;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.log.DataImpact;
import org.medoc.ops.golf.log.LogCategory;
import org.medoc.ops.golf.log.LogEntry;
import org.medoc.ops.golf.log.LogInput;
import org.medoc.ops.golf.log.OpsLogService;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The anomaly workflow one step at a time, rule G4, and rule G3 on data gaps. */
@PlanningIntegrationTest
class AnomalyWorkflowTests {

    @Autowired AnomalyService anomalies;
    @Autowired DataGapService gaps;
    @Autowired OpsLogService log;
    @Autowired HkCatalogueService catalogue;
    @Autowired HkImporter importer;

    private Anomaly opened() {
        return anomalies.open(new AnomalyService.AnomalyInput("PM2 counts drop", "PM2 count rate fell by 3 % in one cycle",
                Anomaly.Severity.MAJOR, "golf-operator", LocalDate.now().plusDays(30)), "golf-operator");
    }

    @Test
    void anAnomalyGoesFromOpenThroughAnalysisAndPlannedActionsToClosed() {
        Anomaly anomaly = opened();
        assertThat(anomaly.number()).matches("GOLF-AR-\\d{4}-\\d{3}");
        assertThat(anomaly.status()).isEqualTo(AnomalyStatus.OPEN);

        anomaly = anomalies.advance(anomaly.id(), anomaly.lockVersion(), AnomalyStatus.ANALYSING, null, null);
        assertThatThrownBy(() -> anomalies.advance(opened().id(), 0, AnomalyStatus.CLOSED, null, null))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.stateConflict()).isTrue())
                .hasMessageContaining("the next step is ANALYSING, not CLOSED");
        long id = anomaly.id();
        int version = anomaly.lockVersion();
        assertThatThrownBy(() -> anomalies.advance(id, version, AnomalyStatus.ACTIONS_PLANNED, null, null))
                .hasMessage("give the root cause and the actions before planning them");
        anomaly = anomalies.advance(id, version, AnomalyStatus.ACTIONS_PLANNED, "HV supply drift", "raise PM2 HV by 5 V");
        anomaly = anomalies.advance(id, anomaly.lockVersion(), AnomalyStatus.CLOSED, null, null);

        assertThat(anomaly.status()).isEqualTo(AnomalyStatus.CLOSED);
        assertThat(anomaly.closedAt()).isNotNull();
        assertThat(anomaly.rootCause()).isEqualTo("HV supply drift");
        assertThat(anomaly.actions()).isEqualTo("raise PM2 HV by 5 V");
    }

    @Test
    void anAnomalyWithoutOwnerOrTargetDateIsRefused() {
        assertThatThrownBy(() -> anomalies.open(new AnomalyService.AnomalyInput("t", "d", Anomaly.Severity.MINOR, null,
                LocalDate.now()), "golf-operator")).hasMessage("G4: every anomaly has an owner and a target closure date");
    }

    @Test
    void aGapLongerThanTheThresholdIsAFindingUntilALogEntryOrAnAnomalyExplainsIt() {
        String mnemonic = GolfFixtures.parameter(catalogue, "GAP_T", Calibration.IDENTITY).mnemonic();
        Instant start = GolfFixtures.freshYear();
        // one-minute samples, a 30-minute hole after the third, then a 5-minute one (below the 10-minute threshold)
        String csv = GolfFixtures.csv(mnemonic, start, Duration.ofMinutes(1), 1, 1, 1)
                + GolfFixtures.csv(mnemonic, start.plus(Duration.ofMinutes(32)), Duration.ofMinutes(1), 1, 1).replaceFirst("time_utc,mnemonic,raw\n", "")
                + GolfFixtures.csv(mnemonic, start.plus(Duration.ofMinutes(38)), Duration.ofMinutes(1), 1).replaceFirst("time_utc,mnemonic,raw\n", "");
        importer.importStream(GolfFixtures.stream(csv), "gap.csv", HkImporter.Format.CSV, "golf-operator", null);

        DataGap gap = gaps.gaps(start, start.plus(Duration.ofDays(1))).stream().collect(java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), list -> {
                    assertThat(list).hasSize(1);
                    return list.getFirst();
                }));
        assertThat(gap.start()).isEqualTo(start.plus(Duration.ofMinutes(2)));
        assertThat(gap.end()).isEqualTo(start.plus(Duration.ofMinutes(32)));
        assertThat(gaps.unexplained()).extracting(DataGap::id).contains(gap.id());

        LogEntry entry = log.write(LogInput.note(gap.start(), LogCategory.SPACECRAFT_EVENT, "DSN pass lost", DataImpact.GAP), "golf-operator");
        gaps.explain(gap.id(), entry.id(), null);

        assertThat(gaps.unexplained()).extracting(DataGap::id).doesNotContain(gap.id());
        assertThatThrownBy(() -> gaps.explain(gap.id(), null, null)).hasMessageStartingWith("G3:");
    }
}
