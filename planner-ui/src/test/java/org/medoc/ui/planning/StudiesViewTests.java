package org.medoc.ui.planning;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.combobox.ComboBoxTester;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/** The study generator on the real application and database, without a browser: draft, estimate, save, approve. */
@PlanningIntegrationTest
@ViewPackages(classes = StudiesView.class)
class StudiesViewTests extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aPlannerDraftsSavesAndApprovesAStudy() {
        StudiesView view = navigate(StudiesView.class);
        StudyEditor editor = view.editor;
        String variant = "BL" + (System.nanoTime() % 100000);
        test(editor.form.variant).setValue(variant);
        test(editor.form.positions).setValue(10);
        test(editor.form.exposure).setValue(5.0);
        ComboBoxTester<?, ?> line = test(editor.windows.line);
        line.selectItem("O VI 103.19 nm");
        test(editor.windows.add).click();
        assertThat(editor.estimate.estimate.getText()).startsWith("Duration 50 s");

        test(view.save).click();
        assertThat(view.editing.getText()).contains("revision 1, DRAFT");
        test(view.approve).click();
        assertThat(view.editing.getText()).contains("APPROVED");
        assertThat(editor.form.name.getValue()).isEqualTo("SCI_SYNOPTIC-" + variant + "_SC_SL04_5.0S_FF");
    }

    @Test
    @WithMockUser(username = "reader", roles = "USER")
    void aReaderCannotSave() {
        StudiesView view = navigate(StudiesView.class);
        assertThat(view.save.isEnabled()).isFalse();
        assertThat(view.approve.isEnabled()).isFalse();
    }
}
