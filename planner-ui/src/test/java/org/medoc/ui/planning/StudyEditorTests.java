package org.medoc.ui.planning;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBoxTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService.SpectralLine;
import org.medoc.planner.study.StudyCategory;
import org.medoc.planner.study.StudyEstimator;
import org.medoc.planner.study.StudyNaming;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyPurpose;
import org.medoc.planner.study.StudyRules;
import org.medoc.planner.study.StudyService.StudyPreview;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The study editor without a browser: live estimate, findings on the field at fault, windows, the bound draft. */
// routes of this package only: scanning the whole class path costs half a minute
@ViewPackages(classes = StudyEditorTests.class)
class StudyEditorTests extends BrowserlessTest {

    private final InstrumentConfiguration configuration = InstrumentConfiguration.defaults();
    private final List<StudyParameters> previewed = new ArrayList<>();
    private StudyEditor editor;

    @BeforeEach
    void openEditor() {
        List<SpectralLine> lines = List.of(new SpectralLine(7, "O VI", 103.19, "LW", 1, "test"),
                new SpectralLine(3, "Ne VIII", 77.04, "SW", 1, "test"));
        editor = new StudyEditor(() -> configuration, lines, "ana", p -> {
            previewed.add(p);
            return new StudyPreview(new StudyEstimator(configuration).estimate(p), new StudyRules(configuration).check(p),
                    StudyNaming.propose(p, null));
        });
        UI.getCurrent().add(editor);
    }

    private void addWindow(String line) {
        ComboBoxTester<?, ?> lineBox = test(editor.windows.line);
        lineBox.selectItem(line);
        test(editor.windows.add).click();
    }

    @Test
    void fillingTheFormUpdatesTheLiveEstimate() {
        addWindow("O VI 103.19 nm");
        test(editor.form.positions).setValue(10);
        test(editor.form.exposure).setValue(5.0);

        assertThat(editor.estimate.estimate.getText()).startsWith("Duration 50 s (0.01 h)").contains("kbit/s");
        assertThat(editor.estimate.findings.getElement().getTextRecursively()).contains("S15");
        assertThat(editor.parameters().windows()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("O VI 103.19 nm");
            assertThat(w.compressionType()).isEqualTo(2);
        });
    }

    @Test
    void anExposureOutOfRangeIsShownOnTheExposureField() {
        addWindow("O VI 103.19 nm");
        var exposure = test(editor.form.exposure);
        exposure.setValue(1000.0);

        assertThat(editor.form.exposure.isInvalid()).isTrue();
        assertThat(editor.form.exposure.getErrorMessage()).startsWith("S11: exposure 1000 s");
        assertThat(editor.form.positions.isInvalid()).isFalse();

        exposure.setValue(30.0);
        assertThat(editor.form.exposure.isInvalid()).isFalse();
    }

    @Test
    void aWindowNeedsALineAndNoWindowIsAddedWithoutOne() {
        test(editor.windows.add).click();

        assertThat(editor.windows.line.isInvalid()).isTrue();
        assertThat(editor.windows.line.getErrorMessage()).isEqualTo("Choose a spectral line first");
        assertThat(editor.windows.windows()).isEmpty();
    }

    @Test
    void aDarkIsACalibrationAndANameIsProposedWithTheVariant() {
        test(editor.form.category).selectItem("Dark");
        test(editor.form.variant).setValue("fast");

        StudyParameters study = editor.parameters();
        assertThat(study.category()).isEqualTo(StudyCategory.DARK);
        assertThat(study.purpose()).isEqualTo(StudyPurpose.CALIBRATION);
        assertThat(study.name()).startsWith("CAL_DARK-FAST_");
        assertThat(editor.form.name.getPlaceholder()).startsWith("CAL_DARK_");
    }

    @Test
    void editingAStudyFillsTheFormAndPreviewsItOnce() {
        StudyParameters stored = org.medoc.planner.study.Studies.synoptic();
        previewed.clear();

        editor.edit(stored);

        assertThat(editor.form.name.getValue()).isEqualTo("SCI_SYNOPTIC_SC_SL04_60.0S_FF");
        assertThat(editor.form.positions.getValue()).isEqualTo(192);
        assertThat(editor.windows.windows()).hasSize(2);
        assertThat(previewed).hasSize(1);
        assertThat(editor.parameters().obsTypeCode()).isEqualTo("iqVx");
    }
}
