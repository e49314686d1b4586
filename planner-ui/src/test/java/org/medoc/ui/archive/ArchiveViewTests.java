package org.medoc.ui.archive;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.Test;
import org.medoc.archive.registry.Registry;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive search on the real application and database, without a browser: the bound criteria and their errors. */
@org.medoc.planner.PlanningIntegrationTest
@ViewPackages(classes = ArchiveView.class)
class ArchiveViewTests extends SpringBrowserlessTest {

    @Test
    void aStartAfterTheEndIsShownOnTheFromFieldAndTheResultsStay() {
        ArchiveView view = navigate(ArchiveView.class);
        String before = view.resultCount.getText();

        test(view.form.from).setValue(LocalDateTime.of(2011, 2, 16, 0, 0));
        test(view.form.to).setValue(LocalDateTime.of(2011, 2, 14, 0, 0));
        test(view.form.search).click();

        assertThat(view.form.from.isInvalid()).isTrue();
        assertThat(view.form.from.getErrorMessage()).isEqualTo("from (2011-02-16T00:00:00Z) is after to (2011-02-14T00:00:00Z)");
        assertThat(view.resultCount.getText()).isEqualTo(before);
    }

    @Test
    void aMissionNarrowsTheInstrumentsAndClearingEmptiesEveryCriterion() {
        ArchiveView view = navigate(ArchiveView.class);
        Registry.Mission first = view.form.mission.getListDataView().getItems().findFirst().orElseThrow();

        test(view.form.mission).selectItem(first.code());
        test(view.form.level).setValue("  1.5 ");
        assertThat(view.form.instrument.getListDataView().getItems()).isNotEmpty()
                .allSatisfy(instrument -> assertThat(instrument.missionCode()).isEqualTo(first.code()));
        assertThat(view.form.query()).hasValueSatisfying(query -> {
            assertThat(query.mission()).isEqualTo(first.code());
            assertThat(query.level()).isEqualTo("1.5");
        });

        test(view.form.clear).click();
        assertThat(view.form.mission.getValue()).isNull();
        assertThat(view.form.level.getValue()).isEmpty();
        assertThat(view.form.query()).hasValueSatisfying(query -> assertThat(query.mission()).isNull());
    }
}
