package org.medoc.ui.golf;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.anomaly.Anomaly;
import org.medoc.ops.golf.anomaly.AnomalyService;
import org.medoc.ops.golf.log.DataImpact;
import org.medoc.ops.golf.log.LogCategory;
import org.medoc.ops.golf.log.LogEntry;
import org.medoc.ops.golf.log.LogFilter;
import org.medoc.ops.golf.log.LogInput;
import org.medoc.ops.golf.log.OpsLogService;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The GOLF operations log (search, CSV export, new entries with links, approval for the public chronology) and the
 * anomaly reports (open one, move it a step along its workflow).
 */
@Route("golf/log")
@PageTitle("GOLF log and anomalies · medoc")
@RolesAllowed({"GOLF_OPERATOR", "ADMIN"})
public class GolfLogView extends VerticalLayout {

    /** A log entry being written, bound field by field. */
    static final class EntryBean {
        LocalDateTime time = LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        LogCategory category = LogCategory.NOTE;
        DataImpact impact = DataImpact.NONE;
        String text = "";
        Integer alarm;
        Integer anomaly;
        boolean publicEntry;
        String publicTitle = "";
    }

    final GolfHeader header;
    final TextField search = new TextField("Search");
    final ComboBox<LogCategory> categoryFilter = new ComboBox<>("Category", LogCategory.values());
    final Grid<LogEntry> entries = new Grid<>(LogEntry.class, false);
    final Anchor csv = new Anchor();
    final Button approve = new Button("Approve for the chronology");
    final DateTimePicker time = new DateTimePicker("Time (UTC)");
    final ComboBox<LogCategory> category = new ComboBox<>("Category", LogCategory.values());
    final ComboBox<DataImpact> impact = new ComboBox<>("Effect on data", DataImpact.values());
    final TextArea text = new TextArea("Text");
    final IntegerField alarm = new IntegerField("Alarm no.");
    final IntegerField anomaly = new IntegerField("Anomaly id");
    final Checkbox publicEntry = new Checkbox("Public (after approval)");
    final TextField publicTitle = new TextField("Title in the chronology");
    final Button write = new Button("Write entry");
    final Binder<EntryBean> binder = new Binder<>();
    final Grid<Anomaly> anomalies = new Grid<>(Anomaly.class, false);
    final TextField anomalyTitle = new TextField("Title");
    final TextField anomalyDescription = new TextField("Description");
    final ComboBox<Anomaly.Severity> anomalySeverity = new ComboBox<>("Severity", Anomaly.Severity.values());
    final DatePicker anomalyTarget = new DatePicker("Target closure");
    final Button openAnomaly = new Button("Open anomaly");
    final TextField rootCause = new TextField("Root cause");
    final TextField actions = new TextField("Actions");
    final Button advance = new Button("Next step");

    private final transient OpsLogService log;
    private final transient AnomalyService anomalyService;
    private EntryBean entry = new EntryBean();

    public GolfLogView(OpsLogService log, AnomalyService anomalyService, AlarmService alarms) {
        this.log = log;
        this.anomalyService = anomalyService;
        header = new GolfHeader(alarms);
        search.setId("golf-log-search");
        search.addValueChangeListener(e -> refresh());
        categoryFilter.addValueChangeListener(e -> refresh());
        entries.setId("golf-log-entries");
        entries.addThemeVariants(GridVariant.LUMO_COMPACT);
        entries.addColumn(e -> "#" + e.id()).setHeader("No.").setAutoWidth(true);
        entries.addColumn(e -> Formats.dateTime(e.time())).setHeader("Time (UTC)").setAutoWidth(true);
        entries.addColumn(LogEntry::author).setHeader("Author").setAutoWidth(true);
        entries.addColumn(LogEntry::category).setHeader("Category").setAutoWidth(true);
        entries.addColumn(LogEntry::dataImpact).setHeader("Data").setAutoWidth(true);
        entries.addColumn(LogEntry::text).setHeader("Text").setFlexGrow(1);
        entries.addColumn(e -> e.inChronology() ? "published" : e.publicEntry() ? "awaiting approval" : "")
                .setHeader("Chronology").setAutoWidth(true);
        entries.setHeight("22em");
        csv.setId("golf-log-csv");
        csv.setRouterIgnore(true);
        csv.setText("CSV");
        csv.getElement().setAttribute("download", "golf-log.csv");
        approve.setId("golf-log-approve");
        approve.addClickListener(e -> approveSelected());

        time.setId("golf-log-time");
        text.setId("golf-log-text");
        alarm.setId("golf-log-alarm");
        category.setId("golf-log-category");
        publicTitle.setId("golf-log-public-title");
        write.setId("golf-log-write");
        binder.forField(time).asRequired("Give the time of the event").bind(b -> b.time, (b, v) -> b.time = v);
        binder.forField(category).asRequired("Choose a category").bind(b -> b.category, (b, v) -> b.category = v);
        binder.forField(impact).asRequired("Say what it did to the data").bind(b -> b.impact, (b, v) -> b.impact = v);
        binder.forField(text).asRequired("Say what happened").bind(b -> b.text, (b, v) -> b.text = v);
        binder.forField(alarm).bind(b -> b.alarm, (b, v) -> b.alarm = v);
        binder.forField(anomaly).bind(b -> b.anomaly, (b, v) -> b.anomaly = v);
        binder.forField(publicEntry).bind(b -> b.publicEntry, (b, v) -> b.publicEntry = v);
        binder.forField(publicTitle).withValidator((title, context) -> !publicEntry.getValue() || !title.isBlank()
                        ? com.vaadin.flow.data.binder.ValidationResult.ok()
                        : com.vaadin.flow.data.binder.ValidationResult.error("A public entry needs a title for the chronology"))
                .bind(b -> b.publicTitle, (b, v) -> b.publicTitle = v);
        binder.setBean(entry);
        write.addClickListener(e -> writeEntry());

        anomalies.setId("golf-anomaly-list");
        anomalies.addColumn(Anomaly::number).setHeader("Number").setAutoWidth(true);
        anomalies.addColumn(a -> String.valueOf(a.id())).setHeader("Id").setAutoWidth(true);
        anomalies.addColumn(Anomaly::title).setHeader("Title").setFlexGrow(1);
        anomalies.addColumn(Anomaly::severity).setHeader("Severity").setAutoWidth(true);
        anomalies.addColumn(Anomaly::status).setHeader("Status").setAutoWidth(true);
        anomalies.addColumn(Anomaly::owner).setHeader("Owner").setAutoWidth(true);
        anomalies.setAllRowsVisible(true);
        openAnomaly.setId("golf-anomaly-open");
        advance.setId("golf-anomaly-advance");
        openAnomaly.addClickListener(e -> openAnomaly());
        advance.addClickListener(e -> advanceSelected());

        add(header, new H2("GOLF operations log"), new HorizontalLayout(search, categoryFilter, csv, approve), entries,
                new H3("New entry"), new HorizontalLayout(time, category, impact, alarm, anomaly), text,
                new HorizontalLayout(publicEntry, publicTitle, write),
                new H3("Anomalies"), anomalies,
                new HorizontalLayout(anomalyTitle, anomalyDescription, anomalySeverity, anomalyTarget, openAnomaly),
                new HorizontalLayout(rootCause, actions, advance));
        refresh();
    }

    void refresh() {
        LogFilter filter = new LogFilter(null, null, categoryFilter.getValue(), null, null, search.getValue(), null);
        entries.setItems(log.search(filter));
        csv.setHref("api/v1/ops/golf/log?format=csv" + (search.getValue().isBlank() ? "" : "&text="
                + java.net.URLEncoder.encode(search.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                + (categoryFilter.getValue() == null ? "" : "&category=" + categoryFilter.getValue()));
        anomalies.setItems(anomalyService.list());
        header.refresh();
    }

    void writeEntry() {
        if (!binder.validate().isOk()) {
            return;
        }
        LogInput input = new LogInput(entry.time.toInstant(ZoneOffset.UTC), entry.category, entry.text, entry.impact, null, null,
                entry.alarm == null ? null : entry.alarm.longValue(), entry.anomaly == null ? null : entry.anomaly.longValue(),
                null, entry.publicEntry, entry.publicEntry ? entry.publicTitle : null);
        if (GolfActions.attempt(() -> log.write(input, GolfActions.user()))) {
            Notices.success("Log entry written");
            entry = new EntryBean();
            binder.setBean(entry);
            refresh();
        }
    }

    private void approveSelected() {
        LogEntry selected = entries.asSingleSelect().getValue();
        if (selected == null) {
            Notices.hint("Select a public entry first");
            return;
        }
        if (GolfActions.attempt(() -> log.approve(selected.id(), GolfActions.user()))) {
            Notices.success("Entry #" + selected.id() + " is now in the public chronology");
            refresh();
        }
    }

    private void openAnomaly() {
        if (GolfActions.attempt(() -> anomalyService.open(new AnomalyService.AnomalyInput(anomalyTitle.getValue(), anomalyDescription.getValue(),
                anomalySeverity.getValue(), GolfActions.user(), anomalyTarget.getValue()), GolfActions.user()))) {
            Notices.success("Anomaly opened");
            refresh();
        }
    }

    private void advanceSelected() {
        Anomaly selected = anomalies.asSingleSelect().getValue();
        if (selected == null) {
            Notices.hint("Select an anomaly first");
            return;
        }
        if (GolfActions.attempt(() -> anomalyService.advance(selected.id(), selected.lockVersion(), selected.status().next(), rootCause.getValue(),
                actions.getValue()))) {
            Notices.success(selected.number() + " moved on");
            refresh();
        }
    }


}
