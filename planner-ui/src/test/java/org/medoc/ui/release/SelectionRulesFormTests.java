package org.medoc.ui.release;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The selection form of a draft release without a browser: live count on typing, unreadable rules as field errors. */
// routes of this package only: scanning the whole class path costs half a minute
@ViewPackages(classes = SelectionRulesFormTests.class)
class SelectionRulesFormTests extends BrowserlessTest {

    private final List<SelectionRules> counted = new ArrayList<>();
    private final List<SelectionRules> saved = new ArrayList<>();
    private SelectionRulesForm form;

    @BeforeEach
    void openForm() {
        form = new SelectionRulesForm(rules -> {
            counted.add(rules);
            return new SelectionSummary(rules.instruments().size() * 12, 3L * 1024 * 1024, List.of(), List.of());
        }, saved::add);
        UI.getCurrent().add(form);
        form.editDraft(SelectionRules.none());
        counted.clear();
    }

    @Test
    void typingARuleRecountsTheSelection() {
        test(form.instruments).setValue("AIA, EUI");

        assertThat(counted).singleElement().satisfies(rules -> assertThat(rules.instruments()).containsExactly("AIA", "EUI"));
        assertThat(form.count.getText()).isEqualTo("24 files, 3.0 MiB");
    }

    @Test
    void aReversedStpRangeIsAnErrorOnItsFieldAndIsNeitherCountedNorSaved() {
        test(form.stps).setValue("130-122");

        assertThat(form.stps.isInvalid()).isTrue();
        assertThat(form.stps.getErrorMessage()).isEqualTo("STP range 130-122 is reversed");
        assertThat(form.count.getText()).isEqualTo("STP range 130-122 is reversed");
        assertThat(counted).isEmpty();
        test(form.save).click();
        assertThat(saved).isEmpty();
    }

    @Test
    void savingReadsTheRules() {
        test(form.stps).setValue("122-130, 180");
        test(form.additions).setValue("7 9");
        test(form.save).click();

        assertThat(saved).singleElement().satisfies(rules -> {
            assertThat(rules.stps()).containsExactly(new SelectionRules.StpRange(122, 130), new SelectionRules.StpRange(180, 180));
            assertThat(rules.additions()).containsExactly(7L, 9L);
        });
    }
}
