package org.medoc.ui.golf;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.anomaly.Anomaly;
import org.medoc.ops.golf.anomaly.AnomalyService;
import org.medoc.ops.golf.anomaly.AnomalyStatus;
import org.medoc.ops.golf.anomaly.DataGap;
import org.medoc.ops.golf.anomaly.DataGapService;
import org.medoc.ops.golf.mode.ModeChange;
import org.medoc.ops.golf.mode.ModePeriod;
import org.medoc.ops.golf.mode.ModeService;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.time.Duration;
import java.util.List;

/**
 * The GOLF dashboard: the mode at a glance and the planned changes, the open alarms (acknowledge with a comment,
 * shelve for a while), the G3 findings (data gaps nothing explains yet) and the anomalies not closed.
 */
@Route("golf")
@PageTitle("GOLF operations · medoc")
@RolesAllowed({"GOLF_OPERATOR", "ADMIN"})
public class GolfView extends VerticalLayout {

    /** Shelving durations offered to operators. */
    static final List<Duration> SHELVE_FOR = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1), Duration.ofDays(7));

    final GolfHeader header;
    final Span mode = new Span();
    final Grid<ModeChange> planned = new Grid<>(ModeChange.class, false);
    final Grid<Alarm> alarmGrid = new Grid<>(Alarm.class, false);
    final TextField comment = new TextField("Comment");
    final ComboBox<Duration> shelveFor = new ComboBox<>("Shelve for", SHELVE_FOR);
    final Button acknowledge = new Button("Acknowledge");
    final Button shelve = new Button("Shelve");
    final Grid<DataGap> gapGrid = new Grid<>(DataGap.class, false);
    final IntegerField logEntry = new IntegerField("Log entry no.");
    final Button explain = new Button("Explain the gap");
    final Grid<Anomaly> anomalyGrid = new Grid<>(Anomaly.class, false);

    private final transient ModeService modes;
    private final transient AlarmService alarms;
    private final transient DataGapService gaps;
    private final transient AnomalyService anomalies;

    public GolfView(ModeService modes, AlarmService alarms, DataGapService gaps, AnomalyService anomalies) {
        this.modes = modes;
        this.alarms = alarms;
        this.gaps = gaps;
        this.anomalies = anomalies;
        header = new GolfHeader(alarms);
        mode.setId("golf-current-mode");
        planned.setId("golf-planned-modes");
        planned.addColumn(c -> Formats.dateTime(c.planned())).setHeader("Planned (UTC)").setAutoWidth(true);
        planned.addColumn(ModeChange::mode).setHeader("Mode").setAutoWidth(true);
        planned.addColumn(ModeChange::reason).setHeader("Reason").setFlexGrow(1);
        planned.setAllRowsVisible(true);

        alarmGrid.setId("golf-alarms");
        alarmGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        alarmGrid.addColumn(Alarm::mnemonic).setHeader("Parameter").setAutoWidth(true);
        alarmGrid.addColumn(Alarm::severity).setHeader("Worst").setAutoWidth(true);
        alarmGrid.addColumn(Alarm::currentSeverity).setHeader("Now").setAutoWidth(true);
        alarmGrid.addColumn(Alarm::state).setHeader("State").setAutoWidth(true);
        alarmGrid.addColumn(a -> Formats.dateTime(a.raised())).setHeader("Raised (UTC)").setAutoWidth(true);
        alarmGrid.addColumn(a -> Formats.plain(a.triggerValue())).setHeader("Value").setAutoWidth(true);
        alarmGrid.addColumn(a -> a.acknowledgeComment() != null ? a.acknowledgedBy() + ": " + a.acknowledgeComment()
                : a.shelveComment() != null ? "shelved: " + a.shelveComment() : "").setHeader("Notes").setFlexGrow(1);
        alarmGrid.setAllRowsVisible(true);
        comment.setId("golf-alarm-comment");
        shelveFor.setId("golf-alarm-shelve-for");
        shelveFor.setItemLabelGenerator(d -> d.toDays() > 0 ? d.toDays() + " day(s)" : d.toHours() + " h");
        acknowledge.setId("golf-alarm-acknowledge");
        shelve.setId("golf-alarm-shelve");
        acknowledge.addClickListener(e -> acknowledgeSelected());
        shelve.addClickListener(e -> shelveSelected());

        gapGrid.setId("golf-gaps");
        gapGrid.addColumn(g -> "#" + g.id()).setHeader("Gap").setAutoWidth(true);
        gapGrid.addColumn(g -> Formats.dateTime(g.start())).setHeader("From (UTC)").setAutoWidth(true);
        gapGrid.addColumn(g -> Formats.dateTime(g.end())).setHeader("To (UTC)").setAutoWidth(true);
        gapGrid.addColumn(g -> g.length().toMinutes() + " min").setHeader("Length").setAutoWidth(true);
        gapGrid.setAllRowsVisible(true);
        logEntry.setId("golf-gap-log-entry");
        explain.setId("golf-gap-explain");
        explain.addClickListener(e -> explainSelected());

        anomalyGrid.setId("golf-anomalies");
        anomalyGrid.addColumn(Anomaly::number).setHeader("Number").setAutoWidth(true);
        anomalyGrid.addColumn(Anomaly::title).setHeader("Title").setFlexGrow(1);
        anomalyGrid.addColumn(Anomaly::status).setHeader("Status").setAutoWidth(true);
        anomalyGrid.addColumn(Anomaly::owner).setHeader("Owner").setAutoWidth(true);
        anomalyGrid.addColumn(a -> a.targetCloseDate().toString()).setHeader("Target").setAutoWidth(true);
        anomalyGrid.setAllRowsVisible(true);

        add(header, new H2("GOLF dashboard"), mode, new H3("Planned mode changes"), planned,
                new H3("Open alarms"), alarmGrid, new HorizontalLayout(comment, acknowledge, shelveFor, shelve),
                new H3("G3: data gaps to explain"), gapGrid, new HorizontalLayout(logEntry, explain),
                new H3("Anomalies not closed"), anomalyGrid);
        refresh();
    }

    void refresh() {
        header.refresh();
        mode.setText(modes.current().map(GolfView::describe).orElse("No current mode in the history"));
        planned.setItems(modes.planned());
        // a refused action keeps the operator's selection, so that they can correct the comment and try again
        Alarm selected = alarmGrid.asSingleSelect().getValue();
        List<Alarm> open = alarms.list(false);
        alarmGrid.setItems(open);
        if (selected != null) {
            open.stream().filter(a -> a.id() == selected.id()).findFirst().ifPresent(alarmGrid::select);
        }
        gapGrid.setItems(gaps.unexplained());
        anomalyGrid.setItems(anomalies.list().stream().filter(a -> a.status() != AnomalyStatus.CLOSED).toList());
    }

    static String describe(ModePeriod period) {
        return "Current mode: " + period.mode() + (period.cycleSeconds() == null ? "" : " (" + period.cycleSeconds() + " s cycle)")
                + " since " + Formats.date(period.start());
    }


    private Alarm selectedAlarm() {
        Alarm alarm = alarmGrid.asSingleSelect().getValue();
        if (alarm == null) {
            Notices.hint("Select an alarm first");
        }
        return alarm;
    }

    private void acknowledgeSelected() {
        Alarm alarm = selectedAlarm();
        if (alarm != null && act(() -> alarms.acknowledge(alarm.id(), GolfActions.user(), comment.getValue()))) {
            Notices.success("Alarm on " + alarm.mnemonic() + " acknowledged");
            comment.clear();
        }
    }

    private void shelveSelected() {
        Alarm alarm = selectedAlarm();
        if (alarm != null && act(() -> alarms.shelve(alarm.id(), shelveFor.getValue(), GolfActions.user(), comment.getValue()))) {
            Notices.success("Alarm on " + alarm.mnemonic() + " shelved");
            comment.clear();
        }
    }

    private void explainSelected() {
        DataGap gap = gapGrid.asSingleSelect().getValue();
        if (gap == null) {
            Notices.hint("Select a gap first");
            return;
        }
        Long entry = logEntry.getValue() == null ? null : logEntry.getValue().longValue();
        if (act(() -> gaps.explain(gap.id(), entry, null))) {
            Notices.success("Gap #" + gap.id() + " explained by log entry " + entry);
        }
    }

    /** Runs a GOLF write through {@link GolfActions#attempt} and shows the dashboard as it now is. */
    private boolean act(Runnable write) {
        boolean done = GolfActions.attempt(write);
        refresh();
        return done;
    }
}
