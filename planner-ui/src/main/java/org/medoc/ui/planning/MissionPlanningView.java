package org.medoc.ui.planning;

import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import org.medoc.ui.base.TextConverters;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.period.ConstraintWindowRecord;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.period.SoopInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Mission planning (PLANNING.md §5–7): the planning periods LTP/MTP/STP/VSTP with their deadlines and status, the SOOPs
 * and their instances, the constraint windows, and SPICE's telemetry allocation per period. Planners edit; everyone
 * signed in reads. The rules (deadline defaults, allowed statuses and sources) are {@link PeriodService}'s.
 */
@Route("planning/mission")
@PageTitle("Mission planning · medoc")
@PermitAll
public class MissionPlanningView extends VerticalLayout {

    private final PeriodService periods;
    private final boolean planner;

    private final ComboBox<PeriodKind> kind = new ComboBox<>("Level");
    private final Grid<Period> periodGrid = new Grid<>();
    private final DateTimePicker iorDeadline = new DateTimePicker("IOR deadline (UTC)");
    private final TextField mib = new TextField("MIB version");
    private final ComboBox<String> status = new ComboBox<>("Status");
    private final TextField notes = new TextField("Notes");
    private final Binder<PeriodDraft> periodBinder = new Binder<>();
    final Grid<SoopInstance> soopInstances = new Grid<>();
    final Grid<ConstraintWindowRecord> constraints = new Grid<>();
    final Grid<Period> allocations = new Grid<>();
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    final PeriodCreateForm newPeriod = new PeriodCreateForm();
    final Button create = new Button("Create");
    final SoopForm soopForm = new SoopForm();
    final SoopInstanceForm soopInstanceForm = new SoopInstanceForm();
    final Button addInstance = new Button("Add instance");
    final ConstraintWindowForm constraintForm = new ConstraintWindowForm();
    final Button addConstraint = new Button("Add window");
    final AllocationForm allocationForm = new AllocationForm();

    public MissionPlanningView(PeriodService periods, AuthenticationContext authentication) {
        this.periods = periods;
        this.planner = authentication.hasRole("PLANNER");
        setId("mission-planning-view");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        from.setValue(PlanningText.toPicker(today.minus(Duration.ofDays(30))));
        to.setValue(PlanningText.toPicker(today.plus(Duration.ofDays(365))));
        from.addValueChangeListener(e -> refreshWindows());
        to.addValueChangeListener(e -> refreshWindows());

        TabSheet tabs = new TabSheet();
        tabs.setId("mission-tabs");
        tabs.setWidthFull();
        tabs.add("Periods", periodsTab());
        tabs.add("SOOPs", soopsTab());
        tabs.add("Constraint windows", constraintsTab());
        tabs.add("Telemetry allocations", telemetryTab());
        HorizontalLayout range = new HorizontalLayout(from, to, new Span("Range of the SOOP instances and constraint windows"));
        range.setAlignItems(Alignment.BASELINE);
        range.setWrap(true);
        add(new H2("Mission planning"), range, tabs);
        refreshPeriods();
        refreshWindows();
    }

    private Component periodsTab() {
        kind.setId("mission-kind");
        kind.setItems(PeriodKind.values());
        kind.setValue(PeriodKind.STP);
        kind.addValueChangeListener(e -> refreshPeriods());
        periodGrid.setId("mission-periods");
        periodGrid.addColumn(Period::label).setHeader("Period").setAutoWidth(true);
        periodGrid.addColumn(p -> Formats.utc(p.start())).setHeader("Start").setAutoWidth(true);
        periodGrid.addColumn(p -> Formats.utc(p.end())).setHeader("End").setAutoWidth(true);
        periodGrid.addColumn(p -> Formats.utc(p.iorDeliveryOpens())).setHeader("IOR delivery opens").setAutoWidth(true);
        periodGrid.addColumn(p -> Formats.utc(p.iorDeadline())).setHeader("IOR deadline").setAutoWidth(true);
        periodGrid.addColumn(p -> Formats.utc(p.mocPrecheck())).setHeader("MOC pre-check").setAutoWidth(true);
        periodGrid.addColumn(p -> Formats.utc(p.stackBuilt())).setHeader("Stack built").setAutoWidth(true);
        periodGrid.addColumn(p -> p.mibVersion() == null ? "" : p.mibVersion()).setHeader("MIB").setAutoWidth(true);
        periodGrid.addColumn(Period::status).setHeader("Status").setAutoWidth(true);
        periodGrid.addColumn(p -> p.notes() == null ? "" : p.notes()).setHeader("Notes").setAutoWidth(true);
        periodGrid.setHeight("300px");
        periodBinder.forField(iorDeadline).withConverter(PlanningText::fromPicker, PlanningText::toPicker)
                .bind(PeriodDraft::getIorDeadline, PeriodDraft::setIorDeadline);
        periodBinder.forField(mib).withConverter(TextConverters.blankAsNull())
                .bind(PeriodDraft::getMibVersion, PeriodDraft::setMibVersion);
        periodBinder.forField(status).bind(PeriodDraft::getStatus, PeriodDraft::setStatus);
        periodBinder.forField(notes).withNullRepresentation("").bind(PeriodDraft::getNotes, PeriodDraft::setNotes);
        periodBinder.setBean(PeriodDraft.of(null));
        periodGrid.asSingleSelect().addValueChangeListener(e -> periodBinder.setBean(PeriodDraft.of(e.getValue())));
        iorDeadline.setId("mission-ior-deadline");
        status.setId("mission-status");
        status.setItems("OPEN", "FROZEN", "DELIVERED", "EXECUTED");
        Button save = new Button("Save period", click -> periodGrid.getSelectedItems().stream().findFirst().ifPresent(p -> {
            PeriodDraft d = periodBinder.getBean();
            if (Notices.attempt(() -> periods.update(p.id(), p.lockVersion(), d.getIorDeadline(), d.getMibVersion(), d.getStatus(),
                    d.getNotes()), this::refreshPeriods)) {
                Notices.success("Saved " + p.label());
                refreshPeriods();
            }
        }));
        save.setId("mission-period-save");
        HorizontalLayout edit = new HorizontalLayout(iorDeadline, mib, status, notes, save);
        edit.setAlignItems(Alignment.BASELINE);
        edit.setWrap(true);
        edit.setVisible(planner);

        create.addClickListener(click -> newPeriod.read().ifPresent(input -> {
            if (Notices.attempt(() -> periods.create(input), () -> { }, newPeriod::showFindings)) {
                Notices.success("Created " + input.kind() + input.number());
                kind.setValue(input.kind());
                refreshPeriods();
            }
        }));
        create.setId("mission-period-create");
        HorizontalLayout createForm = new HorizontalLayout(newPeriod, create);
        createForm.setAlignItems(Alignment.BASELINE);
        createForm.setVisible(planner);
        return new VerticalLayout(kind, periodGrid, edit, createForm);
    }

    private Component soopsTab() {
        Grid<PeriodService.Soop> soops = new Grid<>();
        soops.setId("mission-soops");
        soops.addColumn(PeriodService.Soop::name).setHeader("SOOP").setAutoWidth(true);
        soops.addColumn(s -> s.fitsTypeCode() == null ? "" : s.fitsTypeCode()).setHeader("FITS code").setAutoWidth(true);
        soops.addColumn(PeriodService.Soop::pointingRequirement).setHeader("Pointing").setAutoWidth(true);
        soops.addColumn(s -> s.defaultDurationHours() == null ? "" : Formats.plain(s.defaultDurationHours()) + " h").setHeader("Default duration").setAutoWidth(true);
        soops.setHeight("200px");
        soops.setItems(periods.soops());

        soopInstances.setId("mission-soop-instances");
        soopInstances.addColumn(SoopInstance::soopName).setHeader("SOOP").setAutoWidth(true);
        soopInstances.addColumn(s -> Formats.utc(s.start())).setHeader("Start").setAutoWidth(true);
        soopInstances.addColumn(s -> Formats.utc(s.end())).setHeader("End").setAutoWidth(true);
        soopInstances.addColumn(SoopInstance::pointingRequirement).setHeader("Pointing").setAutoWidth(true);
        soopInstances.addColumn(s -> s.notes() == null ? "" : s.notes()).setHeader("Notes").setAutoWidth(true);
        soopInstances.setHeight("240px");

        Button createSoop = new Button("Create SOOP", click -> soopForm.read().ifPresent(d -> {
            if (Notices.attempt(() -> periods.createSoop(d.getName(), null, d.getCode(), d.getPointing(), d.getHours()), () -> { })) {
                soops.setItems(periods.soops());
                soopInstanceForm.setSoops(periods.soops(), soopInstanceForm.soop.getValue());
            }
        }));
        createSoop.setId("mission-soop-create");
        HorizontalLayout createForm = new HorizontalLayout(soopForm, createSoop);
        createForm.setAlignItems(Alignment.BASELINE);

        soopInstanceForm.setSoops(periods.soops(), null);
        addInstance.addClickListener(click -> soopInstanceForm.read().ifPresent(d -> {
            if (Notices.attempt(() -> periods.addSoopInstance(d.getSoop().id(), d.getStart(), d.getEnd(), d.getNotes()), () -> { },
                    soopInstanceForm::showFindings)) {
                refreshWindows();
            }
        }));
        addInstance.setId("mission-instance-add");
        soops.asSingleSelect().addValueChangeListener(e -> soopInstanceForm.setSoops(periods.soops(), e.getValue()));
        HorizontalLayout instanceForm = new HorizontalLayout(soopInstanceForm, addInstance);
        instanceForm.setAlignItems(Alignment.BASELINE);
        createForm.setVisible(planner);
        instanceForm.setVisible(planner);
        return new VerticalLayout(soops, createForm, soopInstances, instanceForm);
    }

    private Component constraintsTab() {
        constraints.setId("mission-constraints");
        constraints.addColumn(ConstraintWindowRecord::source).setHeader("Source").setAutoWidth(true);
        constraints.addColumn(ConstraintWindowRecord::type).setHeader("Type").setAutoWidth(true);
        constraints.addColumn(ConstraintWindowRecord::effect).setHeader("Effect").setAutoWidth(true);
        constraints.addColumn(c -> Formats.utc(c.start())).setHeader("Start").setAutoWidth(true);
        constraints.addColumn(c -> Formats.utc(c.end())).setHeader("End").setAutoWidth(true);
        constraints.addColumn(c -> c.description() == null ? "" : c.description()).setHeader("Description").setAutoWidth(true);
        constraints.setHeight("300px");
        addConstraint.addClickListener(click -> constraintForm.read().ifPresent(d -> {
            if (Notices.attempt(() -> periods.addConstraint(d.getSource(), d.getType(), d.getEffect(), d.getStart(), d.getEnd(),
                    d.getDescription()), () -> { }, constraintForm::showFindings)) {
                refreshWindows();
            }
        }));
        addConstraint.setId("mission-constraint-add");
        Button delete = new Button("Delete selected", click -> constraints.getSelectedItems().stream().findFirst().ifPresent(c -> {
            Notices.attempt(() -> periods.deleteConstraint(c.id()), () -> { });
            refreshWindows();
        }));
        HorizontalLayout form = new HorizontalLayout(constraintForm, addConstraint, delete);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        form.setVisible(planner);
        return new VerticalLayout(constraints, form);
    }

    private Component telemetryTab() {
        allocations.setId("mission-allocations");
        allocations.addColumn(Period::label).setHeader("Period").setAutoWidth(true);
        allocations.addColumn(p -> Formats.utc(p.start())).setHeader("Start").setAutoWidth(true);
        allocations.addColumn(p -> periods.allocation(p.id()).map(bits -> Formats.megabits(bits)).orElse("none recorded"))
                .setHeader("SPICE allocation").setAutoWidth(true);
        allocations.setHeight("300px");
        Button set = new Button("Set for selected", click -> allocations.getSelectedItems().stream().findFirst()
                .ifPresentOrElse(p -> allocationForm.bits().ifPresent(bits -> {
                    if (Notices.attempt(() -> periods.setAllocation(p.id(), bits, "manual"), () -> { }, allocationForm::showFindings)) {
                        Notices.success("Allocation of " + p.label() + " recorded");
                        allocations.getDataProvider().refreshAll();
                    }
                }), () -> Notices.hint("Select the period first")));
        set.setId("mission-allocation-set");
        HorizontalLayout form = new HorizontalLayout(allocationForm, set);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        form.setVisible(planner);
        return new VerticalLayout(new Span("Telemetry corridor per STP (the timeline compares its planned volume with it)"), allocations, form);
    }

    private void refreshPeriods() {
        List<Period> list = periods.list(kind.getValue());
        periodGrid.setItems(list);
        allocations.setItems(periods.list(PeriodKind.STP));
    }

    private void refreshWindows() {
        Instant a = PlanningText.fromPicker(from.getValue());
        Instant b = PlanningText.fromPicker(to.getValue());
        if (a == null || b == null || !a.isBefore(b)) {
            return;
        }
        soopInstances.setItems(periods.soopInstances(a, b));
        constraints.setItems(periods.constraints(a, b));
    }

    /** The bean of the period form: what a planner sets on a period (empty when no period is selected). */
    static final class PeriodDraft {
        private Instant iorDeadline;
        private String mibVersion;
        private String status;
        private String notes;

        static PeriodDraft of(Period period) {
            PeriodDraft d = new PeriodDraft();
            if (period != null) {
                d.iorDeadline = period.iorDeadline();
                d.mibVersion = period.mibVersion();
                d.status = period.status();
                d.notes = period.notes();
            }
            return d;
        }

        Instant getIorDeadline() { return iorDeadline; }
        void setIorDeadline(Instant iorDeadline) { this.iorDeadline = iorDeadline; }
        String getMibVersion() { return mibVersion; }
        void setMibVersion(String mibVersion) { this.mibVersion = mibVersion; }
        String getStatus() { return status; }
        void setStatus(String status) { this.status = status; }
        String getNotes() { return notes; }
        void setNotes(String notes) { this.notes = notes; }
    }
}
