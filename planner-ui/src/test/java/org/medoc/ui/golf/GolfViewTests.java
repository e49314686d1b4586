package org.medoc.ui.golf;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.log.LogCategory;
import org.medoc.ops.golf.log.LogFilter;
import org.medoc.ops.golf.log.OpsLogService;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The GOLF screens on the real application and database, without a browser. */
@PlanningIntegrationTest
@ViewPackages(classes = GolfView.class)
class GolfViewTests extends SpringBrowserlessTest {

    @Autowired HkCatalogueService catalogue;
    @Autowired HkImporter importer;
    @Autowired AlarmService alarms;
    @Autowired OpsLogService log;

    private Alarm violation() {
        String mnemonic = GolfFixtures.parameter(catalogue, "VIEW_T", Calibration.IDENTITY).mnemonic();
        Instant start = GolfFixtures.freshYear();
        catalogue.setLimits(mnemonic, start.minus(Duration.ofDays(1)), new Limits(null, null, null, 10.0, null, 20.0), "golf-operator", "test");
        importer.importStream(GolfFixtures.stream(GolfFixtures.csv(mnemonic, start, Duration.ofMinutes(1), 5, 15, 15)), mnemonic + ".csv",
                HkImporter.Format.CSV, "golf-operator", null);
        return alarms.between(mnemonic, start, start.plus(Duration.ofDays(1))).getFirst();
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void theDashboardShowsTheAlarmSummaryAndAnAcknowledgementNeedsAComment() {
        Alarm alarm = violation();
        GolfView view = navigate(GolfView.class);
        int unacknowledged = alarms.summary().unacknowledged();
        assertThat(view.header.summary.getText()).startsWith("Alarms: " + unacknowledged + " unacknowledged");
        assertThat(view.mode.getText()).startsWith("Current mode: ");

        view.alarmGrid.select(view.alarmGrid.getListDataView().getItems().filter(a -> a.id() == alarm.id()).findFirst().orElseThrow());
        test(view.acknowledge).click();
        assertThat(alarms.get(alarm.id()).state()).isEqualTo(Alarm.State.UNACKNOWLEDGED);

        test(view.comment).setValue("heater overshoot, watching");
        test(view.acknowledge).click();

        assertThat(alarms.get(alarm.id()).state()).isEqualTo(Alarm.State.ACKNOWLEDGED);
        assertThat(view.header.summary.getText()).startsWith("Alarms: " + (unacknowledged - 1) + " unacknowledged");
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void aLogEntryIsWrittenFromTheFormAndAPublicOneWithoutTitleIsRefusedOnTheTitleField() {
        GolfLogView view = navigate(GolfLogView.class);
        String text = "view test " + System.nanoTime();
        test(view.time).setValue(LocalDateTime.of(2026, 1, 5, 10, 0));
        test(view.category).selectItem("ROUTINE_CHECK");
        test(view.text).setValue(text);
        test(view.publicEntry).click();
        test(view.write).click();

        assertThat(view.publicTitle.isInvalid()).isTrue();
        assertThat(view.publicTitle.getErrorMessage()).isEqualTo("A public entry needs a title for the chronology");
        assertThat(log.search(new LogFilter(null, null, null, null, null, text, null))).isEmpty();

        test(view.publicTitle).setValue("Routine check");
        test(view.write).click();

        assertThat(log.search(new LogFilter(null, null, null, null, null, text, null))).singleElement().satisfies(e -> {
            assertThat(e.author()).isEqualTo("golf-operator");
            assertThat(e.category()).isEqualTo(LogCategory.ROUTINE_CHECK);
            assertThat(e.time()).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 0).toInstant(ZoneOffset.UTC));
            assertThat(e.publicEntry()).isTrue();
        });
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void thePlotOfARangeHoldsTheViolationShadingAndTheCsvLink() {
        Alarm alarm = violation();
        GolfHkView view = navigate(GolfHkView.class);
        Instant start = alarm.raised().minus(Duration.ofMinutes(1));
        view.plotted.setValue(alarm.mnemonic());
        view.from.setValue(LocalDateTime.ofInstant(start, ZoneOffset.UTC));
        view.to.setValue(LocalDateTime.ofInstant(start.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        test(view.plot).click();

        String svg = view.plotArea.getElement().getChild(0).getOuterHTML();
        assertThat(svg).contains(">" + alarm.mnemonic() + "<").contains("class=\"violation\"").contains("class=\"limit-warning\"");
        assertThat(view.csvLinks.getElement().getChild(0).getAttribute("href"))
                .isEqualTo("api/v1/ops/golf/hk/" + alarm.mnemonic() + "/samples.csv?from=" + start + "&to=" + start.plus(Duration.ofHours(1)));

        test(view.zoomIn).click();
        assertThat(Duration.between(view.from.getValue(), view.to.getValue())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void aParameterWithABadMnemonicIsNotSavedAndTheFieldSaysWhy() {
        GolfHkView view = navigate(GolfHkView.class);
        test(view.mnemonic).setValue("oven temp");
        test(view.subsystem).selectItem("OVEN");
        test(view.save).click();

        assertThat(view.mnemonic.isInvalid()).isTrue();
        assertThat(view.mnemonic.getErrorMessage()).isEqualTo("Capitals, digits and underscores, starting with a letter");

        String mnemonic = GolfFixtures.mnemonic("VIEW_NEW");
        test(view.mnemonic).setValue(mnemonic);
        test(view.polynomial).setValue("1.5, 0.25");
        test(view.save).click();

        assertThat(catalogue.get(mnemonic).calibration().apply(8)).isEqualTo(3.5);
    }
}
