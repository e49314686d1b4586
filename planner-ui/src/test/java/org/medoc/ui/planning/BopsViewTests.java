package org.medoc.ui.planning;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The BOP screen on the real application and database, without a browser. */
@PlanningIntegrationTest
@ViewPackages(classes = BopsView.class)
class BopsViewTests extends SpringBrowserlessTest {

    @Autowired PeriodService periods;

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void choosingAnStpProposesABlockStartAnHourIn() {
        Period stp = periods.ensureStp(PlanningFixtures.nextStpNumber());
        BopsView view = navigate(BopsView.class);

        test(view.stp).selectItem(view.stp.getItemLabelGenerator().apply(stp));

        assertThat(PlanningText.fromPicker(view.start.getValue())).isEqualTo(stp.start().plus(Duration.ofHours(1)));
    }
}
