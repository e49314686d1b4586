package org.medoc.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditPage;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import org.medoc.ui.base.TextConverters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail for administrators: every recorded action, newest first, filtered by time (UTC), actor, action
 * prefix and object; "Older" pages on with the trail's cursor, "Download CSV" exports every match.
 */
@Route("admin/audit")
@PageTitle("Audit trail · medoc")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {

    static final int PAGE_SIZE = 100;

    /** The filters as the form edits them; blank text is no filter. */
    public static class Filters {
        private LocalDateTime from;
        private LocalDateTime to;
        private String actor;
        private String action;
        private String objectType;
        private String objectId;

        public LocalDateTime getFrom() { return from; }
        public void setFrom(LocalDateTime from) { this.from = from; }
        public LocalDateTime getTo() { return to; }
        public void setTo(LocalDateTime to) { this.to = to; }
        public String getActor() { return actor; }
        public void setActor(String actor) { this.actor = actor; }
        public String getAction() { return action; }
        public void setAction(String action) { this.action = action; }
        public String getObjectType() { return objectType; }
        public void setObjectType(String objectType) { this.objectType = objectType; }
        public String getObjectId() { return objectId; }
        public void setObjectId(String objectId) { this.objectId = objectId; }
    }

    private final AuditTrail audit;
    private final Binder<Filters> binder = new Binder<>();

    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker to = new DateTimePicker("To (UTC)");
    final TextField actor = new TextField("Actor");
    final TextField action = new TextField("Action starts with");
    final TextField objectType = new TextField("Object type");
    final TextField objectId = new TextField("Object id");
    final Button search = new Button("Search");
    final Button clear = new Button("Clear");
    final Button older = new Button("Older events");
    final Anchor download;
    final Grid<AuditEvent> grid = new Grid<>();
    final Span shown = new Span();

    private final List<AuditEvent> events = new ArrayList<>();
    private AuditQuery current;
    private Long nextCursor;

    public AuditView(AuditTrail audit) {
        this.audit = audit;
        setSizeFull();
        from.setId("audit-from");
        to.setId("audit-to");
        actor.setId("audit-actor");
        action.setId("audit-action");
        action.setPlaceholder("release.");
        objectType.setId("audit-object-type");
        objectId.setId("audit-object-id");
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        clear.setId("audit-clear");
        older.setId("audit-older");

        binder.forField(from)
                .withValidator(value -> value == null || to.getValue() == null || value.isBefore(to.getValue()),
                        "from must be before to")
                .bind(Filters::getFrom, Filters::setFrom);
        binder.forField(to).bind(Filters::getTo, Filters::setTo);
        binder.forField(actor).withConverter(TextConverters.blankAsNull()).bind(Filters::getActor, Filters::setActor);
        binder.forField(action).withConverter(TextConverters.blankAsNull()).bind(Filters::getAction, Filters::setAction);
        binder.forField(objectType).withConverter(TextConverters.blankAsNull()).bind(Filters::getObjectType, Filters::setObjectType);
        binder.forField(objectId).withConverter(TextConverters.blankAsNull()).bind(Filters::getObjectId, Filters::setObjectId);
        binder.readBean(new Filters());

        search.addClickListener(click -> search());
        clear.addClickListener(click -> {
            binder.readBean(new Filters());
            search();
        });
        older.addClickListener(click -> loadPage());

        download = new Anchor((DownloadHandler) this::writeCsv, "Download CSV");
        download.setId("audit-csv");

        grid.setId("audit-events");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(event -> Formats.dateTime(event.at())).setHeader("When (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditView::object).setHeader("Object").setAutoWidth(true);
        grid.addColumn(event -> change(event)).setHeader("Before → after").setFlexGrow(2);
        grid.addColumn(AuditEvent::detail).setHeader("Detail").setFlexGrow(2);
        grid.addColumn(AuditEvent::clientAddress).setHeader("From address").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();

        FlexLayout filters = new FlexLayout(from, to, actor, action, objectType, objectId, search, clear);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        HorizontalLayout bar = new HorizontalLayout(shown, older, download);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit trail"), filters, bar, grid);
        search();
    }

    /** The query of the form's filters, or nothing (with the error on its field) when they cannot be applied. */
    Optional<AuditQuery> query() {
        Filters filters = new Filters();
        if (!binder.writeBeanIfValid(filters)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditQuery(utc(filters.getFrom()), utc(filters.getTo()), filters.getActor(),
                    filters.getAction(), filters.getObjectType(), filters.getObjectId(), null, PAGE_SIZE));
        } catch (AuditQuery.InvalidAuditQueryException invalid) {
            Notices.error(invalid.getMessage());
            return Optional.empty();
        }
    }

    private void search() {
        query().ifPresent(query -> {
            current = query;
            nextCursor = null;
            events.clear();
            loadPage();
        });
    }

    private void loadPage() {
        AuditPage page = audit.search(current.after(nextCursor));
        events.addAll(page.events());
        nextCursor = page.nextCursor();
        grid.setItems(events);
        older.setEnabled(nextCursor != null);
        shown.setText(events.size() + (nextCursor == null ? " events" : "+ events (newest first)"));
    }

    private void writeCsv(DownloadEvent event) throws IOException {
        AuditQuery query = current == null ? AuditQuery.all() : current;
        event.setFileName("medoc-audit.csv");
        event.setContentType("text/csv;charset=UTF-8");
        try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
            audit.exportCsv(query, out);
        }
    }

    private static java.time.Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String object(AuditEvent event) {
        if (event.objectType() == null) {
            return event.objectId() == null ? "" : event.objectId();
        }
        return event.objectType() + (event.objectId() == null ? "" : " " + event.objectId());
    }

    private static String change(AuditEvent event) {
        if (event.before() == null && event.after() == null) {
            return "";
        }
        return (event.before() == null ? "–" : event.before()) + " → " + (event.after() == null ? "–" : event.after());
    }
}
