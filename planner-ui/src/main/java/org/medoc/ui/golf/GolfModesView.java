package org.medoc.ui.golf;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.mode.GolfMode;
import org.medoc.ops.golf.mode.ModeChange;
import org.medoc.ops.golf.mode.ModePeriod;
import org.medoc.ops.golf.mode.ModeService;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GOLF mode planning: the mode GOLF is in, the whole history (newest first) with any gap rule G3 finds, the mode
 * changes planned ahead, and a form to plan one; an operator applies a planned change once it has been carried out
 * (the history then closes the current mode at the planned time) or cancels it. Other roles read.
 */
@Route("golf/modes")
@PageTitle("GOLF modes · medoc")
@RolesAllowed({"GOLF_OPERATOR", "ADMIN", "PLANNER", "RELEASE_MANAGER", "ARCHIVIST"})
public class GolfModesView extends VerticalLayout {

    /** A mode change being planned, bound field by field. */
    static final class PlanBean {
        LocalDateTime planned;
        String mode;
        String reason = "";
    }

    final GolfHeader header;
    final Span current = new Span();
    final Span findings = new Span();
    final Grid<ModeChange> planned = new Grid<>(ModeChange.class, false);
    final Button apply = new Button("Apply (carried out)");
    final Button cancel = new Button("Cancel");
    final Grid<ModePeriod> history = new Grid<>(ModePeriod.class, false);
    final DateTimePicker time = new DateTimePicker("Planned (UTC)");
    final ComboBox<String> mode = new ComboBox<>("Mode");
    final TextField reason = new TextField("Reason");
    final Button plan = new Button("Plan the change");
    final Binder<PlanBean> binder = new Binder<>();
    /** {@link GolfActions#operates}: the form and the buttons are shown. */
    final boolean operator;

    private final transient ModeService modes;
    private PlanBean editing = new PlanBean();

    public GolfModesView(ModeService modes, AlarmService alarms, AuthenticationContext authentication) {
        this.modes = modes;
        this.operator = GolfActions.operates(authentication);
        header = new GolfHeader(alarms, operator);
        current.setId("golf-modes-current");
        findings.setId("golf-modes-findings");
        planned.setId("golf-modes-planned");
        planned.addColumn(c -> "#" + c.id()).setHeader("No.").setAutoWidth(true);
        planned.addColumn(c -> Formats.dateTime(c.planned())).setHeader("Planned (UTC)").setAutoWidth(true);
        planned.addColumn(ModeChange::mode).setHeader("Mode").setAutoWidth(true);
        planned.addColumn(ModeChange::reason).setHeader("Reason").setFlexGrow(1);
        planned.addColumn(ModeChange::requestedBy).setHeader("Planned by").setAutoWidth(true);
        planned.setAllRowsVisible(true);
        apply.setId("golf-modes-apply");
        cancel.setId("golf-modes-cancel");
        apply.addClickListener(e -> decide(true));
        cancel.addClickListener(e -> decide(false));

        history.setId("golf-modes-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(ModePeriod::mode).setHeader("Mode").setAutoWidth(true);
        history.addColumn(p -> p.cycleSeconds() == null ? "" : p.cycleSeconds() + " s").setHeader("Cycle").setAutoWidth(true);
        history.addColumn(p -> Formats.dateTime(p.start())).setHeader("From (UTC)").setAutoWidth(true);
        history.addColumn(p -> p.end() == null ? "now" : Formats.dateTime(p.end())).setHeader("To (UTC)").setAutoWidth(true);
        history.addColumn(ModePeriod::source).setHeader("Source").setAutoWidth(true);
        history.addColumn(p -> p.note() == null ? "" : p.note()).setHeader("Note").setFlexGrow(1);
        history.setAllRowsVisible(true);

        List<String> codes = modes.modes().stream().map(GolfMode::code).toList();
        mode.setItems(codes);
        mode.setItemLabelGenerator(code -> modes.modes().stream().filter(m -> m.code().equals(code)).findFirst()
                .map(m -> m.code() + (m.cycleSeconds() == null ? "" : " (" + m.cycleSeconds() + " s)")).orElse(code));
        time.setId("golf-modes-time");
        mode.setId("golf-modes-mode");
        reason.setId("golf-modes-reason");
        plan.setId("golf-modes-plan");
        binder.forField(time).asRequired("Give the time of the change")
                .withValidator(t -> modes.current().map(p -> t.toInstant(ZoneOffset.UTC).isAfter(p.start())).orElse(true),
                        "The change must come after the start of the current mode")
                .bind(b -> b.planned, (b, v) -> b.planned = v);
        binder.forField(mode).asRequired("Choose the mode").bind(b -> b.mode, (b, v) -> b.mode = v);
        binder.forField(reason).asRequired("Say why the mode changes").bind(b -> b.reason, (b, v) -> b.reason = v);
        binder.setBean(editing);
        plan.addClickListener(e -> submit());

        add(header, new H2("GOLF modes"), current, findings, new H3("Planned mode changes"), planned);
        if (operator) {
            add(new HorizontalLayout(apply, cancel), new H3("Plan a mode change"), new HorizontalLayout(time, mode, reason, plan));
        }
        add(new H3("Mode history"), history);
        refresh();
    }

    void refresh() {
        header.refresh();
        current.setText(modes.current().map(GolfView::describe).orElse("No current mode in the history"));
        List<String> gaps = modes.historyFindings();
        findings.setText(String.join("; ", gaps));
        findings.setVisible(!gaps.isEmpty());
        planned.setItems(modes.planned());
        history.setItems(modes.history().reversed());
    }

    void submit() {
        if (!binder.validate().isOk()) {
            return;
        }
        Instant at = editing.planned.toInstant(ZoneOffset.UTC);
        if (GolfActions.attempt(() -> modes.plan(at, editing.mode, editing.reason, GolfActions.user()))) {
            Notices.success("Change to " + editing.mode + " planned for " + Formats.dateTime(at));
            editing = new PlanBean();
            binder.setBean(editing);
            refresh();
        }
    }

    private void decide(boolean applyIt) {
        ModeChange selected = planned.asSingleSelect().getValue();
        if (selected == null) {
            Notices.hint("Select a planned change first");
            return;
        }
        boolean done = GolfActions.attempt(() -> {
            if (applyIt) {
                modes.apply(selected.id(), GolfActions.user());
            } else {
                modes.cancel(selected.id(), GolfActions.user());
            }
        });
        if (done) {
            Notices.success("Change #" + selected.id() + " to " + selected.mode() + (applyIt ? " applied to the history" : " cancelled"));
        }
        refresh();
    }
}
