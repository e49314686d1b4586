package org.medoc.ui.planning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService.SpectralLine;
import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StudyDrafts;
import org.medoc.planner.study.WindowKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The spectral windows of a study, in read-out order: a window is added for a spectral line (placed by
 * {@link StudyDrafts#windowFor}) and removed from the list. The line, width and kind of the next window are bound to a
 * {@link Choice}; a missing line is a field error.
 */
class WindowsEditor extends VerticalLayout {

    final ComboBox<SpectralLine> line = new ComboBox<>("Spectral line");
    final IntegerField width = new IntegerField("Window width [px]");
    final ComboBox<WindowKind> kind = new ComboBox<>("Window kind");
    final Button add = new Button("Add window", click -> addWindow());
    final Grid<SpectralWindow> grid = new Grid<>();

    private final Binder<Choice> binder = new Binder<>();
    private final Choice choice = new Choice();
    private final Supplier<InstrumentConfiguration> configuration;
    private final Supplier<StudyDrafts.Rows> rows;
    private final List<SpectralWindow> windows = new ArrayList<>();
    private final List<Runnable> changeListeners = new ArrayList<>();

    WindowsEditor(Supplier<InstrumentConfiguration> configuration, List<SpectralLine> lines, Supplier<StudyDrafts.Rows> rows) {
        this.configuration = configuration;
        this.rows = rows;
        setPadding(false);
        line.setItems(lines);
        line.setItemLabelGenerator(SpectralLine::label);
        kind.setItems(WindowKind.PROFILE, WindowKind.INTENSITY);
        line.setId("study-line");
        width.setId("study-window-width");
        kind.setId("study-window-kind");
        add.setId("study-add-window");
        binder.forField(line).asRequired("Choose a spectral line first").bind(Choice::getLine, Choice::setLine);
        binder.forField(width).asRequired("Give the window width").withValidator(w -> w > 0, "A window is at least one pixel wide")
                .bind(Choice::getWidthPx, Choice::setWidthPx);
        binder.forField(kind).asRequired("Choose the window kind").bind(Choice::getKind, Choice::setKind);
        binder.readBean(choice);

        grid.setId("study-windows");
        grid.addColumn(SpectralWindow::name).setHeader("Window");
        grid.addColumn(SpectralWindow::detector).setHeader("Detector");
        grid.addColumn(w -> w.lambdaPxStart() + "-" + w.lambdaPxEnd()).setHeader("Pixels");
        grid.addColumn(w -> w.kind().name()).setHeader("Kind");
        grid.addComponentColumn(w -> new Button("Remove", click -> {
            windows.remove(w);
            changed();
        })).setHeader("");
        grid.setHeight("180px");
        grid.setMinHeight("180px");

        HorizontalLayout row = new HorizontalLayout(line, width, kind, add);
        row.setAlignItems(Alignment.BASELINE);
        add(row, grid);
    }

    /** Shows these windows (a study read from the list, or none for a new study); no change listener runs. */
    void setWindows(List<SpectralWindow> study) {
        windows.clear();
        windows.addAll(study);
        grid.setItems(new ArrayList<>(windows));
    }

    List<SpectralWindow> windows() {
        return List.copyOf(windows);
    }

    /** Runs when a window is added or removed. */
    void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    private void addWindow() {
        if (binder.writeBeanIfValid(choice)) {
            windows.add(StudyDrafts.windowFor(configuration.get(), choice.getLine(), choice.getWidthPx(), choice.getKind(), rows.get()));
            changed();
        }
    }

    private void changed() {
        grid.setItems(new ArrayList<>(windows));
        changeListeners.forEach(Runnable::run);
    }

    /** The next window to add: its line, width and kind (a new editor offers a profile of the default width). */
    static final class Choice {
        private SpectralLine line;
        private Integer widthPx = StudyDrafts.WINDOW_WIDTH_PX;
        private WindowKind kind = WindowKind.PROFILE;

        SpectralLine getLine() { return line; }
        void setLine(SpectralLine line) { this.line = line; }
        Integer getWidthPx() { return widthPx; }
        void setWidthPx(Integer widthPx) { this.widthPx = widthPx; }
        WindowKind getKind() { return kind; }
        void setKind(WindowKind kind) { this.kind = kind; }
    }
}
