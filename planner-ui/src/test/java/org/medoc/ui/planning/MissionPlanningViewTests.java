package org.medoc.ui.planning;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.PeriodService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Mission planning's forms on the real application and database, without a browser: the service's findings on the fields. */
@PlanningIntegrationTest
@ViewPackages(classes = MissionPlanningView.class)
class MissionPlanningViewTests extends SpringBrowserlessTest {

    private static final LocalDateTime NOON = LocalDateTime.now().withNano(0).withSecond(0).withMinute(0).withHour(12);

    @Autowired PeriodService periods;

    /** The view on one of its tabs (a tab's content is attached once the tab sheet has been to the client). */
    private MissionPlanningView open(int tab) {
        MissionPlanningView view = navigate(MissionPlanningView.class);
        roundTrip();
        $(TabSheet.class).id("mission-tabs").setSelectedIndex(tab);
        roundTrip();
        return view;
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aSoopInstanceEndingBeforeItsStartShowsM1OnTheEndFieldAndIsNotRecorded() {
        periods.createSoop("L_TEST_M1", null, null, "ANY", 2.0);
        MissionPlanningView view = open(1);

        test(view.soopInstanceForm.soop).selectItem("L_TEST_M1");
        test(view.soopInstanceForm.start).setValue(NOON);
        test(view.soopInstanceForm.end).setValue(NOON.minusHours(1));
        test(view.addInstance).click();

        assertThat(view.soopInstanceForm.end.isInvalid()).isTrue();
        assertThat(view.soopInstanceForm.end.getErrorMessage()).startsWith("M1: a SOOP instance must end after its start");
        assertThat(view.soopInstances.getListDataView().getItems().filter(i -> i.soopName().equals("L_TEST_M1"))).isEmpty();
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aConstraintWindowWithoutATypeShowsM2OnTheTypeFieldAndAWindowWithOneIsAddedWithItsDefaultEffect() {
        MissionPlanningView view = open(2);
        test(view.constraintForm.start).setValue(NOON);
        test(view.constraintForm.end).setValue(NOON.plusHours(2));
        test(view.addConstraint).click();

        assertThat(view.constraintForm.type.isInvalid()).isTrue();
        assertThat(view.constraintForm.type.getErrorMessage()).startsWith("M2: a constraint window needs a type");

        test(view.constraintForm.type).setValue("ROLL");
        test(view.addConstraint).click();

        assertThat(view.constraintForm.type.isInvalid()).isFalse();
        Instant start = PlanningText.fromPicker(NOON);
        assertThat(periods.constraints(start, start.plusSeconds(7200))).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo("ROLL");
            assertThat(c.effect().name()).isEqualTo("FORBID_INTEGRATION");
        });
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void anMtpWithoutDatesShowsM1OnTheStartAndEndFields() {
        MissionPlanningView view = open(0);
        test(view.newPeriod.kind).selectItem("MTP");
        test(view.newPeriod.number).setValue(977);
        test(view.create).click();

        assertThat(view.newPeriod.start.getErrorMessage()).isEqualTo("M1: MTP977 needs a start");
        assertThat(view.newPeriod.end.getErrorMessage()).isEqualTo("M1: MTP977 needs an end");
    }
}
