package org.medoc.ui.planning;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.Period;
import org.medoc.planner.study.Studies;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView.CheckedEntry;
import org.medoc.planner.validation.Finding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline on the real application and database, without a browser: place, overlap, select, move. */
@PlanningIntegrationTest
@ViewPackages(classes = TimelineView.class)
class TimelineViewTests extends SpringBrowserlessTest {

    @Autowired PlanningFixtures fixtures;
    @Autowired TimelineService timeline;

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void anOverlappingRunShowsT1OnTheStartFieldAndSelectingAndMovingItClearsIt() {
        StudyDetail study = fixtures.approved(Studies.synoptic());
        Period stp = fixtures.stpWithStudySet(List.of(study.study().id()));
        Instant day = stp.start().plus(Duration.ofDays(1));
        TimelineView view = navigate(TimelineView.class);
        view.stp.setValue(view.stp.getListDataView().getItems().filter(p -> p.id() == stp.id()).findFirst().orElseThrow());

        test(view.form.study).selectItem(study.study().name());
        test(view.form.start).setValue(day.toString());
        test(view.place).click();
        test(view.form.start).setValue(day.plusSeconds(3600).toString());
        test(view.place).click();

        assertThat(view.form.start.isInvalid()).isTrue();
        assertThat(view.form.start.getErrorMessage()).startsWith("T1: overlaps " + study.study().name());

        CheckedEntry second = view.grid.getListDataView().getItems().filter(e -> e.entry().start().equals(day.plusSeconds(3600)))
                .findFirst().orElseThrow();
        view.grid.select(second);
        assertThat(view.form.start.getValue()).isEqualTo(day.plusSeconds(3600).toString());
        assertThat(view.form.study.getValue().study().id()).isEqualTo(study.study().id());

        test(view.form.start).setValue(day.plusSeconds(11520).toString());
        test(view.move).click();

        assertThat(view.form.start.isInvalid()).isFalse();
        assertThat(timeline.timeline(stp.id()).entries()).extracting(e -> e.entry().start()).containsExactly(day, day.plusSeconds(11520));
        assertThat(timeline.timeline(stp.id()).entries()).allSatisfy(e -> assertThat(Finding.anyError(e.findings())).isFalse());
    }

    @Test
    @WithMockUser(username = "reader", roles = "USER")
    void aReaderCannotPlaceMoveOrDelete() {
        TimelineView view = navigate(TimelineView.class);
        assertThat(view.place.isEnabled()).isFalse();
        assertThat(view.move.isEnabled()).isFalse();
        assertThat(view.delete.isEnabled()).isFalse();
    }
}
