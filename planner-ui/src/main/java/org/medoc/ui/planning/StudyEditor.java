package org.medoc.ui.planning;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService.SpectralLine;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyService.StudyPreview;
import org.medoc.planner.validation.Finding;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The study editor: the {@link StudyForm}, the {@link WindowsEditor} and the {@link StudyEstimatePanel}, recomputed on
 * every change through {@code preview} (the service's estimate and rule findings of unsaved parameters).
 */
class StudyEditor extends VerticalLayout {

    final StudyForm form;
    final WindowsEditor windows;
    final StudyEstimatePanel estimate = new StudyEstimatePanel();
    private final Function<StudyParameters, StudyPreview> preview;

    StudyEditor(Supplier<InstrumentConfiguration> configuration, List<SpectralLine> lines, String author,
                Function<StudyParameters, StudyPreview> preview) {
        this.preview = preview;
        this.form = new StudyForm(configuration, author);
        this.windows = new WindowsEditor(configuration, lines, form::rows);
        setPadding(false);
        form.addChangeListener(this::recompute);
        windows.addChangeListener(this::recompute);
        add(form, windows, estimate);
        recompute();
    }

    /** Shows a study (a new one, or one read from the list) with its estimate and findings. */
    void edit(StudyParameters study) {
        form.edit(study);
        windows.setWindows(study.windows());
        recompute();
    }

    /** The study as edited, windows included. */
    StudyParameters parameters() {
        return form.parameters(windows.windows());
    }

    /** Shows findings that came back from a refused save or approval. */
    void showFindings(List<Finding> findings) {
        estimate.showFindings(findings);
        form.showFindings(findings);
    }

    private void recompute() {
        StudyPreview result = preview.apply(parameters());
        form.setProposedName(result.proposedName());
        estimate.showEstimate(result.estimate());
        showFindings(result.findings());
    }
}
