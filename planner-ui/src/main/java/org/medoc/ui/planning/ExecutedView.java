package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.executed.ExecutionMatcher;
import org.medoc.planner.executed.ExecutionService;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.timeline.TimelineScope;
import org.medoc.ui.base.Formats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Plan versus executed (PLANNING.md §10): for one STP, the completeness and each planned entry with the archived
 * SPICE execution matched to it (and on what basis), then the executions nobody planned. The matching is
 * {@link ExecutionService}'s; this screen is read-only for everyone.
 */
@Route("planning/executed")
@PageTitle("Plan versus executed · medoc")
@PermitAll
public class ExecutedView extends VerticalLayout {

    private final ExecutionService executions;
    private final ComboBox<Period> stp = new ComboBox<>("STP");
    private final Span completeness = new Span();
    private final Grid<ExecutionMatcher.EntryResult> entries = new Grid<>();
    private final Grid<ExecutionMatcher.Execution> unplanned = new Grid<>();

    public ExecutedView(ExecutionService executions, PeriodService periods) {
        this.executions = executions;
        setId("executed-view");
        stp.setId("executed-stp");
        stp.setItemLabelGenerator(p -> p.label() + " (" + Formats.date(p.start()) + ")");
        stp.setWidth("22em");
        List<Period> stps = periods.list(PeriodKind.STP);
        stp.setItems(stps);
        stp.addValueChangeListener(e -> refresh());
        completeness.setId("executed-completeness");

        entries.setId("executed-entries");
        entries.addColumn(r -> Formats.utc(r.entry().start())).setHeader("Planned start").setAutoWidth(true);
        entries.addColumn(r -> r.entry().studyName()).setHeader("Study").setAutoWidth(true);
        entries.addColumn(r -> r.entry().misoId() == null ? "" : r.entry().misoId().toString()).setHeader("MISOSTUD").setAutoWidth(true);
        entries.addColumn(ExecutionMatcher.EntryResult::outcome).setHeader("Outcome").setAutoWidth(true);
        entries.addColumn(r -> r.execution() == null || r.execution().spiobsid() == null ? "" : r.execution().spiobsid().toString())
                .setHeader("SPIOBSID").setAutoWidth(true);
        entries.addColumn(r -> r.execution() == null ? "" : Formats.utc(r.execution().start())).setHeader("Executed start").setAutoWidth(true);
        entries.addColumn(r -> r.basis() == null ? "" : r.basis().name()).setHeader("Matched by").setAutoWidth(true);
        entries.addColumn(r -> r.startOffsetSeconds() == null ? "" : Formats.seconds(r.startOffsetSeconds())).setHeader("Start offset").setAutoWidth(true);
        entries.setHeight("320px");

        unplanned.setId("executed-unplanned");
        unplanned.addColumn(e -> e.spiobsid() == null ? "" : e.spiobsid().toString()).setHeader("SPIOBSID").setAutoWidth(true);
        unplanned.addColumn(e -> Objects.toString(e.study(), "")).setHeader("Study").setAutoWidth(true);
        unplanned.addColumn(e -> Formats.utc(e.start())).setHeader("Start").setAutoWidth(true);
        unplanned.addColumn(e -> Formats.utc(e.end())).setHeader("End").setAutoWidth(true);
        unplanned.addColumn(e -> e.observationIds().size()).setHeader("Files").setAutoWidth(true);
        unplanned.setHeight("200px");

        add(new H2("Plan versus executed"), stp, completeness, entries, new H3("Executions not on the plan"), unplanned);
        TimelineScope.latestStartedStp(stps, Instant.now()).ifPresent(stp::setValue);
    }

    private void refresh() {
        Period period = stp.getValue();
        if (period == null) {
            entries.setItems(List.of());
            unplanned.setItems(List.of());
            completeness.setText("");
            return;
        }
        ExecutionMatcher.Report report = executions.report(period.id());
        completeness.setText(PlanningText.completeness(report));
        entries.setItems(report.entries());
        unplanned.setItems(report.unplanned());
    }
}
