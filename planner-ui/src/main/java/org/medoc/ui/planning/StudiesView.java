package org.medoc.ui.planning;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyDrafts;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

/**
 * The study generator: MISO's studies table (ID, Name, Type, Creation date, slit, XFOV start/width/stop, YFOV, ...)
 * and a {@link StudyEditor} whose duration, volume and rate are recomputed on every change, with each rule finding shown
 * next to the field at fault. Planners save, approve and clone; everybody else reads.
 */
@Route("planning/studies")
@PageTitle("Study Generator · medoc")
@PermitAll
public class StudiesView extends VerticalLayout {

    private final StudyService studies;
    private final String user;

    final Grid<StudyDetail> grid = new Grid<>();
    final StudyEditor editor;
    final Span editing = new Span();
    final Button save = new Button("Save", click -> save());
    final Button approve = new Button("Approve", click -> approve());
    private StudyDetail current;

    public StudiesView(StudyService studies, InstrumentConfigurationService configurations, AuthenticationContext authentication) {
        this.studies = studies;
        boolean planner = authentication.hasRole("PLANNER");
        this.user = authentication.getPrincipalName().orElse("unknown");
        setId("studies-view");
        setSizeFull();

        grid.setId("studies-grid");
        grid.addColumn(d -> d.study().id()).setHeader("ID").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.study().name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(d -> d.study().parameters().category().label()).setHeader("Type").setAutoWidth(true);
        grid.addColumn(d -> Formats.date(d.study().createdAt())).setHeader("Creation date").setAutoWidth(true);
        grid.addColumn(d -> Formats.plain(d.study().parameters().slitWidthArcsec())).setHeader("Slit").setAutoWidth(true);
        grid.addColumn(d -> Formats.plain(d.study().parameters().xFovStartArcsec())).setHeader("XFOV start").setAutoWidth(true);
        grid.addColumn(d -> Formats.plain(d.study().parameters().rasterWidthArcsec())).setHeader("XFOV width").setAutoWidth(true);
        grid.addColumn(d -> Formats.plain(d.study().parameters().xFovStopArcsec())).setHeader("XFOV stop").setAutoWidth(true);
        grid.addColumn(d -> yLabel(d.study().parameters())).setHeader("YFOV").setAutoWidth(true);
        grid.addColumn(d -> Formats.seconds(d.estimate().durationSeconds())).setHeader("Duration").setAutoWidth(true);
        grid.addColumn(d -> Formats.kilobits(d.estimate().compressedVolumeBits())).setHeader("Volume").setAutoWidth(true);
        grid.addColumn(d -> d.study().status() + " v" + d.study().revision()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(d -> d.study().misoId() == null ? "" : d.study().misoId().toString()).setHeader("MISOSTUD").setAutoWidth(true);
        grid.setHeight("320px");
        // the editor below makes the page taller than the window: without a minimum the full-height layout squeezes
        // the grid to one row
        grid.setMinHeight("320px");
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                load(event.getValue());
            }
        });

        editor = new StudyEditor(configurations::load, configurations.lines(), user,
                p -> studies.preview(p, current == null ? null : current.study().lineageId()));

        Button newStudy = new Button("New study", click -> clear(configurations.load()));
        newStudy.setId("study-new");
        save.setId("study-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.setId("study-approve");
        Button cloneButton = new Button("Clone", click -> cloneCurrent());
        cloneButton.setId("study-clone");
        save.setEnabled(planner);
        approve.setEnabled(planner);
        cloneButton.setEnabled(planner);
        newStudy.setEnabled(planner);
        editing.setId("study-editing");

        add(new H2("Study Generator"), grid, new H3("Study"), editing, editor, new HorizontalLayout(newStudy, save, approve, cloneButton));
        refreshGrid();
        editing.setText("New study (unsaved)");
    }

    private void clear(InstrumentConfiguration configuration) {
        current = null;
        editing.setText("New study (unsaved)");
        editor.edit(StudyDrafts.newStudy(configuration, user));
    }

    private void load(StudyDetail detail) {
        current = detail;
        editing.setText("Study " + detail.study().id() + ", revision " + detail.study().revision() + ", " + detail.study().status()
                + (detail.study().status().editable() ? "" : " (saving creates a new revision)"));
        editor.edit(detail.study().parameters());
    }

    private void save() {
        try {
            StudyDetail saved = current == null ? studies.create(editor.parameters(), user)
                    : studies.update(current.study().id(), current.study().lockVersion(), editor.parameters(), user);
            Notices.success("Saved " + saved.study().name() + " (revision " + saved.study().revision() + ")");
            refreshGrid();
            load(saved);
        } catch (PlanningConflictException e) {
            Notices.error(e.getMessage());
        } catch (PlanningRejectedException e) {
            Notices.error(e.getMessage());
            editor.showFindings(e.findings());
        }
    }

    private void approve() {
        if (current == null) {
            Notices.error("Save the study before approving it");
            return;
        }
        try {
            StudyDetail approved = studies.approve(current.study().id(), current.study().lockVersion(), user);
            Notices.success("Approved " + approved.study().name() + ", MISOSTUD " + approved.study().misoId());
            refreshGrid();
            load(approved);
        } catch (PlanningConflictException e) {
            Notices.error(e.getMessage());
        } catch (PlanningRejectedException e) {
            Notices.error(e.getMessage());
            editor.showFindings(e.findings());
        }
    }

    private void cloneCurrent() {
        if (current == null) {
            return;
        }
        StudyDetail copy = studies.cloneStudy(current.study().id(), user);
        Notices.success("Cloned as " + copy.study().name());
        refreshGrid();
        load(copy);
    }

    private void refreshGrid() {
        grid.setItems(studies.list(null, null));
    }

    static String yLabel(StudyParameters p) {
        return switch (p.yFieldOfView()) {
            case FULL_DETECTOR -> "Full Detector, " + p.yHeightPx();
            case FULL_FIELD -> "Full Field, " + p.yHeightPx();
            case CUSTOM -> "rows " + p.yStartPx() + "-" + p.yEndPx();
        };
    }
}
