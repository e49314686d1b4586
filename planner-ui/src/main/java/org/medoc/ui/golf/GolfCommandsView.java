package org.medoc.ui.golf;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.command.CommandRequest;
import org.medoc.ops.golf.command.CommandService;
import org.medoc.ops.golf.command.CommandStatus;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * GOLF command requests (rule G2): the list with their state, a request with its planned time and reason (warned,
 * and refused without an override reason, when the time falls in a SoHO manoeuvre or keyhole window), approval or
 * rejection by another operator, and the sent and verified stamps. Other roles see the list only.
 */
@Route("golf/commands")
@PageTitle("GOLF command requests · medoc")
@RolesAllowed({"GOLF_OPERATOR", "ADMIN", "PLANNER", "RELEASE_MANAGER", "ARCHIVIST"})
public class GolfCommandsView extends VerticalLayout {

    /** A request being written, bound field by field. */
    static final class RequestBean {
        LocalDateTime planned;
        String commands = "";
        String reason = "";
        String overrideReason = "";
    }

    final GolfHeader header;
    final Grid<CommandRequest> requests = new Grid<>(CommandRequest.class, false);
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject");
    final Button sent = new Button("Mark sent");
    final TextField result = new TextField("Result seen in telemetry");
    final Button verified = new Button("Mark verified");
    final TextField cancelReason = new TextField("Why cancelled");
    final Button cancel = new Button("Cancel request");
    final DateTimePicker planned = new DateTimePicker("Planned execution (UTC)");
    final TextArea commands = new TextArea("Commands");
    final TextField reason = new TextField("Reason");
    final Span windowWarning = new Span();
    final TextField overrideReason = new TextField("Override reason (inside a SoHO window)");
    final Button request = new Button("Request");
    final Binder<RequestBean> binder = new Binder<>();
    /** {@link GolfActions#operates}: the form and the buttons are shown. */
    final boolean operator;

    private final transient CommandService service;
    private RequestBean editing = new RequestBean();

    public GolfCommandsView(CommandService service, AlarmService alarms, AuthenticationContext authentication) {
        this.service = service;
        this.operator = GolfActions.operates(authentication);
        header = new GolfHeader(alarms, operator);
        requests.setId("golf-commands");
        requests.addThemeVariants(GridVariant.LUMO_COMPACT);
        requests.addColumn(r -> "#" + r.id()).setHeader("No.").setAutoWidth(true);
        requests.addColumn(r -> Formats.dateTime(r.plannedExecution())).setHeader("Planned (UTC)").setAutoWidth(true);
        requests.addColumn(CommandRequest::status).setHeader("Status").setAutoWidth(true);
        requests.addColumn(CommandRequest::commands).setHeader("Commands").setFlexGrow(1);
        requests.addColumn(CommandRequest::reason).setHeader("Reason").setFlexGrow(1);
        requests.addColumn(CommandRequest::requestedBy).setHeader("Requested by").setAutoWidth(true);
        requests.addColumn(r -> r.approvedBy() == null ? "" : r.approvedBy()).setHeader("Decided by").setAutoWidth(true);
        requests.addColumn(r -> r.sentAt() == null ? "" : Formats.dateTime(r.sentAt()) + " " + r.sentBy()).setHeader("Sent").setAutoWidth(true);
        requests.addColumn(r -> r.verifiedAt() == null ? "" : Formats.dateTime(r.verifiedAt()) + " " + r.verifiedBy()
                + (r.result() == null ? "" : ": " + r.result())).setHeader("Verified").setAutoWidth(true);
        requests.addColumn(r -> r.cancelledAt() == null ? "" : Formats.dateTime(r.cancelledAt()) + " " + r.cancelledBy()
                + ": " + r.cancelReason()).setHeader("Cancelled").setAutoWidth(true);
        requests.addColumn(GolfCommandsView::windows).setHeader("SoHO windows").setFlexGrow(1);
        requests.setAllRowsVisible(true);
        requests.asSingleSelect().addValueChangeListener(e -> enableSteps(e.getValue()));
        approve.setId("golf-command-approve");
        reject.setId("golf-command-reject");
        sent.setId("golf-command-sent");
        result.setId("golf-command-result");
        verified.setId("golf-command-verified");
        cancelReason.setId("golf-command-cancel-reason");
        cancel.setId("golf-command-cancel");
        approve.addClickListener(e -> decide(true));
        reject.addClickListener(e -> decide(false));
        sent.addClickListener(e -> step(r -> service.markSent(r.id(), GolfActions.user(), Instant.now()), "sent"));
        verified.addClickListener(e -> step(r -> service.markVerified(r.id(), GolfActions.user(), Instant.now(), result.getValue()), "verified"));
        cancel.addClickListener(e -> cancelSelected());

        planned.setId("golf-command-planned");
        commands.setId("golf-command-commands");
        reason.setId("golf-command-reason");
        windowWarning.setId("golf-command-window-warning");
        windowWarning.getElement().getThemeList().add("badge error");
        windowWarning.setVisible(false);
        overrideReason.setId("golf-command-override");
        request.setId("golf-command-request");
        planned.addValueChangeListener(e -> showWindows());
        binder.forField(planned).asRequired("Give the planned execution time").bind(b -> b.planned, (b, v) -> b.planned = v);
        binder.forField(commands).asRequired("List the commands").bind(b -> b.commands, (b, v) -> b.commands = v);
        binder.forField(reason).asRequired("Say why GOLF is commanded").bind(b -> b.reason, (b, v) -> b.reason = v);
        binder.forField(overrideReason).withValidator((text, context) -> !text.isBlank() || warnings().isEmpty()
                        ? ValidationResult.ok()
                        : ValidationResult.error("The planned time is inside a SoHO window: give the reason to command anyway"))
                .bind(b -> b.overrideReason, (b, v) -> b.overrideReason = v);
        binder.setBean(editing);
        request.addClickListener(e -> submit());

        add(header, new H2("GOLF command requests"), requests);
        if (operator) {
            add(new HorizontalLayout(approve, reject, sent, result, verified),
                    new HorizontalLayout(cancelReason, cancel),
                    new H3("New request"), new HorizontalLayout(planned, reason), commands, windowWarning,
                    new HorizontalLayout(overrideReason, request));
        }
        enableSteps(null);
        refresh();
    }

    void refresh() {
        header.refresh();
        CommandRequest selected = requests.asSingleSelect().getValue();
        List<CommandRequest> all = service.list();
        requests.setItems(all);
        if (selected != null) {
            all.stream().filter(r -> r.id() == selected.id()).findFirst().ifPresent(requests::select);
        }
    }

    private static String windows(CommandRequest r) {
        if (r.windowWarnings().isEmpty()) {
            return "";
        }
        return String.join("; ", r.windowWarnings()) + (r.overrideReason() == null ? "" : " — override: " + r.overrideReason());
    }

    /** The SoHO windows the planned time falls in, as G2 warnings (none without a time). */
    List<String> warnings() {
        return planned.getValue() == null ? List.of() : service.windowWarnings(planned.getValue().toInstant(ZoneOffset.UTC));
    }

    private void showWindows() {
        List<String> warnings = warnings();
        windowWarning.setText(String.join("; ", warnings));
        windowWarning.setVisible(!warnings.isEmpty());
        overrideReason.setRequiredIndicatorVisible(!warnings.isEmpty());
    }

    /** Only the steps the selected request's state allows; approval never by its own requester. */
    private void enableSteps(CommandRequest selected) {
        boolean requested = selected != null && selected.status() == CommandStatus.REQUESTED;
        approve.setEnabled(operator && requested && !selected.requestedBy().equals(GolfActions.user()));
        reject.setEnabled(approve.isEnabled());
        sent.setEnabled(operator && selected != null && selected.status() == CommandStatus.APPROVED);
        verified.setEnabled(operator && selected != null && selected.status() == CommandStatus.SENT);
        cancel.setEnabled(operator && selected != null
                && (selected.status() == CommandStatus.REQUESTED || selected.status() == CommandStatus.APPROVED));
        cancelReason.setEnabled(cancel.isEnabled());
    }

    /** Cancels the selected request; the reason is required on its field. */
    void cancelSelected() {
        if (cancelReason.getValue().isBlank()) {
            cancelReason.setInvalid(true);
            cancelReason.setErrorMessage("Say why the request is cancelled");
            return;
        }
        cancelReason.setInvalid(false);
        String why = cancelReason.getValue();
        step(r -> service.cancel(r.id(), GolfActions.user(), why), "cancelled");
        cancelReason.clear();
    }

    void submit() {
        if (!binder.validate().isOk()) {
            return;
        }
        Instant time = editing.planned.toInstant(ZoneOffset.UTC);
        if (GolfActions.attempt(() -> service.request(time, editing.commands, editing.reason, editing.overrideReason, GolfActions.user()))) {
            Notices.success("Command request for " + Formats.dateTime(time) + " recorded: another operator approves it");
            editing = new RequestBean();
            binder.setBean(editing);
            showWindows();
            refresh();
        }
    }

    private void decide(boolean approveIt) {
        step(r -> service.decide(r.id(), approveIt, GolfActions.user()), approveIt ? "approved" : "rejected");
    }

    private void step(java.util.function.Consumer<CommandRequest> action, String done) {
        CommandRequest selected = requests.asSingleSelect().getValue();
        if (selected == null) {
            Notices.hint("Select a command request first");
            return;
        }
        if (GolfActions.attempt(() -> action.accept(selected))) {
            Notices.success("Command request #" + selected.id() + " " + done);
            result.clear();
        }
        refresh();
        enableSteps(requests.asSingleSelect().getValue());
    }
}
