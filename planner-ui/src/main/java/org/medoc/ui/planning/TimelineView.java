package org.medoc.ui.planning;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyStatus;
import org.medoc.planner.timeline.EntryInput;
import org.medoc.planner.timeline.TimelineScope;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView.CheckedEntry;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.medoc.planner.validation.Severity;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The timeline of an STP: a visual week or day (SVG), the list of runs with their findings, the period findings and
 * the telemetry budget, a form to place or move runs (times in UTC, ISO 8601), and the exports.
 */
@Route("planning/timeline")
@PageTitle("Timeline · medoc")
@PermitAll
public class TimelineView extends VerticalLayout {

    private final TimelineService timeline;
    private final PeriodService periods;
    private final boolean planner;
    private final String user;

    final ComboBox<Period> stp = new ComboBox<>("STP");
    private final IntegerField newStpNumber = new IntegerField("New STP number");
    private final ComboBox<String> scale = new ComboBox<>("Scale");
    private final Div svg = new Div();
    final Grid<CheckedEntry> grid = new Grid<>();
    private final Span budget = new Span();
    private final Div periodFindings = new Div();
    final TimelineEntryForm form;
    final Button place = new Button("Place");
    final Button move = new Button("Move selected");
    final Button delete = new Button("Delete selected");
    private final HorizontalLayout exports = new HorizontalLayout();
    private CheckedEntry selected;

    public TimelineView(TimelineService timeline, PeriodService periods, StudyService studies, AuthenticationContext authentication) {
        this.timeline = timeline;
        this.periods = periods;
        this.planner = authentication.hasRole("PLANNER");
        this.user = authentication.getPrincipalName().orElse("unknown");
        setId("timeline-view");
        form = new TimelineEntryForm(studies.list(null, StudyStatus.APPROVED));

        stp.setId("timeline-stp");
        stp.setItemLabelGenerator(p -> p.label() + " (" + p.start().toString().substring(0, 10) + " to " + p.end().toString().substring(0, 10) + ")");
        stp.setWidth("26em");
        stp.addValueChangeListener(event -> refresh());
        newStpNumber.setId("timeline-new-stp");
        Button createStp = new Button("Create STP", click -> createStp());
        createStp.setId("timeline-create-stp");
        createStp.setEnabled(planner);
        scale.setId("timeline-scale");
        scale.setItems(scales());
        scale.setValue("Week");
        scale.addValueChangeListener(event -> refresh());

        svg.setId("timeline-svg-container");
        grid.setId("timeline-grid");
        grid.addColumn(e -> e.entry().start().toString()).setHeader("Start (UTC)").setAutoWidth(true);
        grid.addColumn(e -> e.entry().end().toString()).setHeader("End (UTC)").setAutoWidth(true);
        grid.addColumn(e -> e.entry().studyName()).setHeader("Study").setAutoWidth(true);
        grid.addColumn(e -> e.entry().rasters()).setHeader("Rasters").setAutoWidth(true);
        grid.addColumn(e -> Formats.megabits((double) e.entry().volumeBits())).setHeader("Volume").setAutoWidth(true);
        grid.addColumn(e -> e.entry().bopInstanceId() == null ? "" : "BOP " + e.entry().bopInstanceId() + (e.entry().detached() ? " (detached)" : ""))
                .setHeader("Origin").setAutoWidth(true);
        grid.addColumn(e -> e.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .map(f -> f.rule() + " " + f.severity() + ": " + f.message()).collect(Collectors.joining(" | "))).setHeader("Findings").setWidth("40em").setFlexGrow(1);
        grid.setHeight("360px");
        grid.asSingleSelect().addValueChangeListener(event -> {
            selected = event.getValue();
            if (selected != null) {
                form.fill(selected.entry());
                form.showFindings(selected.findings());
            }
        });

        place.setId("timeline-place");
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        place.addClickListener(click -> placeRun());
        move.setId("timeline-move");
        move.addClickListener(click -> moveRun());
        delete.setId("timeline-delete");
        delete.addClickListener(click -> deleteRun());
        place.setEnabled(planner);
        move.setEnabled(planner);
        delete.setEnabled(planner);
        budget.setId("timeline-budget");
        periodFindings.setId("timeline-period-findings");
        exports.setId("timeline-exports");

        HorizontalLayout top = new HorizontalLayout(stp, scale, newStpNumber, createStp);
        top.setAlignItems(Alignment.BASELINE);
        HorizontalLayout entry = new HorizontalLayout(form, place, move, delete);
        entry.setAlignItems(Alignment.BASELINE);
        add(new H2("Timeline"), top, svg, budget, periodFindings, grid, entry, exports);
        reloadPeriods(null);
    }

    private static List<String> scales() {
        List<String> values = new ArrayList<>(List.of("Week"));
        for (int day = 1; day <= 7; day++) {
            values.add("Day " + day);
        }
        return values;
    }

    private void reloadPeriods(Long select) {
        List<Period> stps = periods.list(PeriodKind.STP);
        stp.setItems(stps);
        if (select != null) {
            stps.stream().filter(p -> p.id() == select).findFirst().ifPresent(stp::setValue);
        } else {
            TimelineScope.defaultStp(stps, Instant.now()).ifPresent(stp::setValue);
        }
    }

    private void createStp() {
        if (newStpNumber.getValue() == null) {
            Notices.error("Enter the STP number");
            return;
        }
        Period created = periods.ensureStp(newStpNumber.getValue());
        reloadPeriods(created.id());
    }

    private void refresh() {
        Period period = stp.getValue();
        svg.removeAll();
        exports.removeAll();
        if (period == null) {
            grid.setItems(List.of());
            return;
        }
        org.medoc.planner.timeline.TimelineView view = timeline.timeline(period.id());
        grid.setItems(view.entries());
        String chosen = scale.getValue() == null ? "Week" : scale.getValue();
        TimelineScope.Window window = chosen.startsWith("Day ") ? TimelineScope.day(period, Integer.parseInt(chosen.substring(4)))
                : TimelineScope.week(period);
        svg.add(new Html(TimelineSvg.render(view, periods.constraints(period.start(), period.end()), window.from(), window.to())));
        var b = view.budget();
        budget.setText("Telemetry: " + Formats.megabits((double) b.usedBits()) + " planned" + (b.allocatedBits() == null
                ? ", no allocation recorded"
                : " of " + Formats.megabits((double) b.allocatedBits()) + " (" + Formats.percent(b.usedFraction()) + "), margin "
                + Formats.megabits((double) b.remainingBits())));
        periodFindings.removeAll();
        for (Finding finding : view.periodFindings()) {
            Span item = new Span(finding.rule() + " " + finding.severity() + ": " + finding.message());
            item.getStyle().set("display", "block");
            periodFindings.add(item);
        }
        for (String format : List.of("csv", "json", "ics", "itl")) {
            Anchor link = new Anchor("api/v1/planning/periods/" + period.id() + "/timeline." + format, format.toUpperCase(Locale.ROOT));
            link.setId("timeline-export-" + format);
            link.setRouterIgnore(true);
            link.getElement().setAttribute("download", "timeline-" + period.label() + "." + format);
            exports.add(link);
        }
        Anchor telemetry = new Anchor("api/v1/planning/periods/" + period.id() + "/telemetry.csv", "Telemetry budget");
        telemetry.setRouterIgnore(true);
        Anchor keywords = new Anchor("api/v1/planning/periods/" + period.id() + "/keywords.csv", "Predicted keywords");
        keywords.setRouterIgnore(true);
        exports.add(telemetry, keywords);
    }

    private void placeRun() {
        Period period = stp.getValue();
        if (period == null) {
            Notices.hint("Choose or create an STP first");
            return;
        }
        form.read().ifPresent(entry -> {
            try {
                CheckedEntry placed = timeline.place(period.id(), EntryInput.of(entry.studyId(), entry.getStart(), entry.getRasters()), user);
                Notices.success("Placed " + placed.entry().studyName() + (Finding.anyError(placed.findings()) ? " (with rule errors)" : ""));
                refresh();
                form.showFindings(placed.findings());
            } catch (PlanningRejectedException | PlanningConflictException e) {
                Notices.error(e.getMessage());
            }
        });
    }

    private void moveRun() {
        if (selected == null) {
            Notices.hint("Select a run in the list, then give its new start");
            return;
        }
        CheckedEntry run = selected;
        form.read().ifPresent(entry -> {
            try {
                CheckedEntry moved = timeline.update(run.entry().id(), run.entry().lockVersion(),
                        EntryInput.edited(run.entry(), entry.studyId(), entry.getStart(), entry.getRasters()), user);
                Notices.success("Moved");
                refresh();
                form.showFindings(moved.findings());
            } catch (PlanningRejectedException | PlanningConflictException e) {
                Notices.error(e.getMessage());
                refresh();
            }
        });
    }

    private void deleteRun() {
        if (selected == null) {
            return;
        }
        try {
            timeline.delete(selected.entry().id(), selected.entry().lockVersion());
            refresh();
        } catch (PlanningConflictException e) {
            Notices.error(e.getMessage());
            refresh();
        }
    }
}
