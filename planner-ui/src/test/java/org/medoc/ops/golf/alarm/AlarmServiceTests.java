package org.medoc.ops.golf.alarm;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Alarms raised by imports, acknowledged, shelved until expiry, back to normal by themselves, with their history. */
@PlanningIntegrationTest
class AlarmServiceTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired HkCatalogueService catalogue;
    @Autowired HkImporter importer;
    @Autowired AlarmService alarms;

    /** A parameter with watch above 30, warning above 35, critical above 40, and its values imported from `start`. */
    private Alarm alarmFor(Instant start, double... values) {
        String mnemonic = GolfFixtures.parameter(catalogue, "ALARM_T", Calibration.IDENTITY).mnemonic();
        catalogue.setLimits(mnemonic, start.minus(Duration.ofDays(1)), new Limits(null, 30.0, null, 35.0, null, 40.0),
                "golf-operator", "test limits");
        importer.importStream(GolfFixtures.stream(GolfFixtures.csv(mnemonic, start, MINUTE, values)), mnemonic + ".csv",
                HkImporter.Format.CSV, "golf-operator", null);
        List<Alarm> raised = alarms.between(mnemonic, start, start.plus(Duration.ofDays(1)));
        assertThat(raised).hasSize(1);
        return raised.getFirst();
    }

    @Test
    void aViolationRaisesAnUnacknowledgedAlarmWithItsWorstSeverityAndTriggerValue() {
        Instant start = GolfFixtures.freshYear();
        AlarmSummary before = alarms.summary();

        Alarm alarm = alarmFor(start, 20, 32, 37, 36);

        assertThat(alarm.severity()).isEqualTo(AlarmSeverity.WARNING);
        assertThat(alarm.currentSeverity()).isEqualTo(AlarmSeverity.WARNING);
        assertThat(alarm.raised()).isEqualTo(start.plus(MINUTE));
        assertThat(alarm.triggerValue()).isEqualTo(32.0);
        assertThat(alarm.violationCount()).isEqualTo(3);
        assertThat(alarm.state()).isEqualTo(Alarm.State.UNACKNOWLEDGED);
        assertThat(alarms.summary().unacknowledged()).isEqualTo(before.unacknowledged() + 1);
        assertThat(alarms.history(alarm.id())).extracting(AlarmEvent::kind).containsExactly("RAISED", "SEVERITY_CHANGED");
    }

    @Test
    void anAcknowledgementNeedsACommentAndCountsTheAlarmAsAcknowledged() {
        Alarm alarm = alarmFor(GolfFixtures.freshYear(), 20, 41);
        AlarmSummary before = alarms.summary();

        assertThatThrownBy(() -> alarms.acknowledge(alarm.id(), "golf-operator", " "))
                .isInstanceOf(GolfRejectedException.class).hasMessageContaining("needs a comment");
        Alarm acknowledged = alarms.acknowledge(alarm.id(), "golf-operator", "heater cycling, watching");

        assertThat(acknowledged.state()).isEqualTo(Alarm.State.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("golf-operator");
        assertThat(alarms.summary().unacknowledged()).isEqualTo(before.unacknowledged() - 1);
        assertThat(alarms.summary().acknowledged()).isEqualTo(before.acknowledged() + 1);
        assertThatThrownBy(() -> alarms.acknowledge(alarm.id(), "admin", "again"))
                .isInstanceOfSatisfying(GolfRejectedException.class, e -> assertThat(e.stateConflict()).isTrue());
    }

    @Test
    void aShelvedAlarmLeavesTheSummaryUntilItsShelvingExpires() {
        Alarm alarm = alarmFor(GolfFixtures.freshYear(), 33);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        AlarmSummary before = alarms.summary(now);

        Alarm shelved = alarms.shelve(alarm.id(), Duration.ofHours(2), "golf-operator", "known during the bakeout", now);

        assertThat(shelved.state()).isEqualTo(Alarm.State.SHELVED);
        assertThat(shelved.shelvedUntil()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(alarms.summary(now.plus(Duration.ofMinutes(119))).shelved()).isEqualTo(before.shelved() + 1);
        assertThat(alarms.summary(now.plus(Duration.ofMinutes(119))).unacknowledged()).isEqualTo(before.unacknowledged() - 1);
        assertThat(alarms.get(alarm.id(), now.plus(Duration.ofHours(2))).state()).isEqualTo(Alarm.State.UNACKNOWLEDGED);
        assertThatThrownBy(() -> alarms.shelve(alarm.id(), Duration.ofDays(8), "golf-operator", "too long", now))
                .hasMessageContaining("at most 7 days");
    }

    @Test
    void anAlarmReturnsToNormalByItselfAndClosesOnceAcknowledged() {
        Instant start = GolfFixtures.freshYear();
        Alarm alarm = alarmFor(start, 36, 36, 25, 24);

        assertThat(alarm.currentSeverity()).isEqualTo(AlarmSeverity.NORMAL);
        assertThat(alarm.normalSince()).isEqualTo(start.plus(MINUTE.multipliedBy(2)));
        assertThat(alarm.state()).isEqualTo(Alarm.State.UNACKNOWLEDGED);
        Alarm closed = alarms.acknowledge(alarm.id(), "golf-operator", "transient, back in limits");
        assertThat(closed.state()).isEqualTo(Alarm.State.CLOSED);
        assertThat(alarms.list(false)).extracting(Alarm::id).doesNotContain(alarm.id());
        assertThat(alarms.list(true)).extracting(Alarm::id).contains(alarm.id());
        assertThat(alarms.history(alarm.id())).extracting(AlarmEvent::kind).containsExactly("RAISED", "RETURNED_TO_NORMAL", "ACKNOWLEDGED");
    }

    @Test
    void anAlarmThatGetsWorseAfterItsAcknowledgementNeedsANewOne() {
        String mnemonic = GolfFixtures.parameter(catalogue, "ALARM_W", Calibration.IDENTITY).mnemonic();
        Instant start = GolfFixtures.freshYear();
        catalogue.setLimits(mnemonic, start.minus(Duration.ofDays(1)), new Limits(null, 30.0, null, 35.0, null, 40.0), "golf-operator", "test");
        importer.importStream(GolfFixtures.stream(GolfFixtures.csv(mnemonic, start, MINUTE, 31, 32)), "a.csv", HkImporter.Format.CSV, "golf-operator", null);
        Alarm alarm = alarms.between(mnemonic, start, start.plus(Duration.ofDays(1))).getFirst();
        alarms.acknowledge(alarm.id(), "golf-operator", "watching");

        importer.importStream(GolfFixtures.stream(GolfFixtures.csv(mnemonic, start.plus(MINUTE.multipliedBy(2)), MINUTE, 42)), "b.csv",
                HkImporter.Format.CSV, "golf-operator", null);

        Alarm worse = alarms.get(alarm.id());
        assertThat(worse.severity()).isEqualTo(AlarmSeverity.CRITICAL);
        assertThat(worse.state()).isEqualTo(Alarm.State.UNACKNOWLEDGED);
        assertThat(alarms.between(mnemonic, start, start.plus(Duration.ofDays(1)))).hasSize(1);
    }
}
