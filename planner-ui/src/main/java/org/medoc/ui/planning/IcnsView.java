package org.medoc.ui.planning;

import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.icn.IcnCategory;
import org.medoc.planner.icn.IcnDetail;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.icn.IcnStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Instrument change notices (PLANNING.md §9.2): the list, a form to write or edit a draft, submit, approve or reject
 * with a comment (never by the author, rule C1, enforced by {@link IcnService}), and the affected items, decisions,
 * comments and status history of the selected ICN. Planners write; planners and administrators decide.
 */
@Route("planning/icns")
@PageTitle("ICNs · medoc")
@PermitAll
public class IcnsView extends VerticalLayout {

    private final IcnService icns;
    private final boolean planner;
    private final boolean approver;
    private final String role;
    private final String user;

    private final ComboBox<IcnStatus> filter = new ComboBox<>("Status");
    private final Grid<IcnDetail> grid = new Grid<>();
    private final TextField title = new TextField("Title");
    private final TextArea rationale = new TextArea("Rationale");
    private final ComboBox<IcnCategory> category = new ComboBox<>("Category");
    private final IntegerField effectiveStp = new IntegerField("Effective STP");
    private final Span editing = new Span();
    private final Button save = new Button("Save");
    private final Button submit = new Button("Submit");
    final Button decide = new Button("Approve or reject…");
    private final Div detail = new Div();
    final AffectedItemForm affectedItem = new AffectedItemForm();
    final Button addAffected = new Button("Add affected item");
    final Span affectedText = new Span();
    private final List<IcnDetail.AffectedItem> affected = new ArrayList<>();
    private final Binder<Draft> binder = new Binder<>();
    private IcnDetail selected;

    public IcnsView(IcnService icns, AuthenticationContext authentication) {
        this.icns = icns;
        this.planner = authentication.hasRole("PLANNER");
        boolean admin = authentication.hasRole("ADMIN");
        this.approver = planner || admin;
        this.role = admin ? "ADMIN" : "PLANNER";
        this.user = authentication.getPrincipalName().orElse("unknown");
        setId("icns-view");

        filter.setId("icn-filter");
        filter.setItems(IcnStatus.values());
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> reload(null));
        grid.setId("icn-grid");
        grid.addColumn(IcnDetail::number).setHeader("Number").setAutoWidth(true);
        grid.addColumn(IcnDetail::title).setHeader("Title").setAutoWidth(true);
        grid.addColumn(IcnDetail::category).setHeader("Category").setAutoWidth(true);
        grid.addColumn(i -> i.effectiveStp() == null ? "" : "STP" + i.effectiveStp()).setHeader("Effective").setAutoWidth(true);
        grid.addColumn(IcnDetail::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(IcnDetail::author).setHeader("Author").setAutoWidth(true);
        grid.setHeight("240px");
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        title.setId("icn-title");
        title.setWidthFull();
        rationale.setId("icn-rationale");
        rationale.setWidthFull();
        category.setId("icn-category");
        category.setItems(IcnCategory.values());
        effectiveStp.setId("icn-effective-stp");
        editing.setId("icn-editing");
        binder.forField(title).bind(Draft::getTitle, Draft::setTitle);
        binder.forField(rationale).bind(Draft::getRationale, Draft::setRationale);
        binder.forField(category).bind(Draft::getCategory, Draft::setCategory);
        binder.forField(effectiveStp).bind(Draft::getEffectiveStp, Draft::setEffectiveStp);
        addAffected.setId("icn-affected-add");
        addAffected.addClickListener(click -> affectedItem.read().ifPresent(item -> {
            affected.add(item);
            showAffected();
        }));
        Button clearAffected = new Button("Clear", click -> {
            affected.clear();
            showAffected();
        });
        affectedText.setId("icn-affected");
        HorizontalLayout affectedForm = new HorizontalLayout(affectedItem, addAffected, clearAffected, affectedText);
        affectedForm.setAlignItems(Alignment.BASELINE);
        FormLayout form = new FormLayout(title, category, effectiveStp, rationale, affectedForm);
        form.setColspan(rationale, 2);
        form.setColspan(affectedForm, 2);
        Button fresh = new Button("New ICN", click -> select(null));
        fresh.setId("icn-new");
        save.setId("icn-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        submit.setId("icn-submit");
        submit.addClickListener(click -> {
            IcnDetail icn = selected;
            if (icn != null && Notices.attempt(() -> icns.submit(icn.id(), icn.lockVersion(), user), () -> reload(icn.id()))) {
                Notices.success(icn.number() + " submitted");
                reload(icn.id());
            }
        });
        decide.setId("icn-decide");
        decide.addClickListener(click -> openDecision());
        HorizontalLayout actions = new HorizontalLayout(fresh, save, submit, decide, editing);
        actions.setAlignItems(Alignment.BASELINE);
        form.setVisible(planner);
        fresh.setVisible(planner);
        save.setVisible(planner);
        submit.setVisible(planner);
        decide.setVisible(approver);
        detail.setId("icn-detail");

        add(new H2("ICNs"), filter, grid, form, actions, detail);
        reload(null);
        select(null);
    }

    private void reload(Long select) {
        List<IcnDetail> all = icns.list(filter.getValue());
        grid.setItems(all);
        if (select != null) {
            all.stream().filter(i -> i.id() == select).findFirst().ifPresentOrElse(grid::select, () -> select(icns.get(select)));
        }
    }

    void select(IcnDetail icn) {
        selected = icn;
        boolean draft = icn == null || icn.status() == IcnStatus.DRAFT;
        binder.setBean(Draft.of(icn));
        affected.clear();
        if (icn != null) {
            affected.addAll(icn.affected());
        }
        showAffected();
        editing.setText(icn == null ? "New ICN" : icn.number() + ", " + icn.status() + (draft ? "" : " (only a draft can be edited)"));
        save.setEnabled(planner && draft);
        submit.setEnabled(planner && icn != null && icn.status().canMoveTo(IcnStatus.SUBMITTED));
        decide.setEnabled(approver && icn != null && icn.status() == IcnStatus.SUBMITTED && !icn.author().equals(user));
        decide.setTooltipText(icn != null && icn.author().equals(user) ? "The author of an ICN never approves it (C1)" : null);
        detail.removeAll();
        if (icn == null) {
            return;
        }
        detail.add(new H3(icn.number() + " " + icn.title()));
        line("Affected: " + (icn.affected().isEmpty() ? "nothing recorded"
                : icn.affected().stream().map(PlanningText::affected).collect(Collectors.joining(", "))));
        line("Effective STP: " + (icn.effectiveStp() == null ? "not set" : "STP" + icn.effectiveStp())
                + (icn.producedStudySetId() == null ? "" : "; produced study set " + icn.producedStudySetId()));
        line("Author " + icn.author() + ", created " + Formats.utc(icn.createdAt())
                + (icn.approvedAt() == null ? "" : ", approved " + Formats.utc(icn.approvedAt())));
        for (IcnDetail.Decision d : icn.decisions()) {
            line("Decision: " + d.decision() + " by " + d.approver() + " (" + d.role() + ") " + Formats.utc(d.decidedAt())
                    + (d.comment() == null ? "" : ": " + d.comment()));
        }
        for (IcnDetail.Comment c : icn.comments()) {
            line("Comment by " + c.author() + " " + Formats.utc(c.createdAt()) + ": " + c.text());
        }
        Div history = new Div();
        history.setId("icn-history");
        for (IcnDetail.StatusChange h : icn.history()) {
            Span item = new Span((h.from() == null ? "" : h.from() + " → ") + h.to() + " by " + h.by() + " " + Formats.utc(h.at())
                    + (h.comment() == null ? "" : ": " + h.comment()));
            item.getStyle().set("display", "block");
            history.add(item);
        }
        detail.add(new H3("History"), history);
    }

    private void showAffected() {
        affectedText.setText(affected.isEmpty() ? "no affected item" : affected.stream().map(PlanningText::affected).collect(Collectors.joining(", ")));
    }

    private void line(String text) {
        Span span = new Span(text);
        span.getStyle().set("display", "block");
        detail.add(span);
    }

    private void save() {
        IcnService.IcnInput input = binder.getBean().toInput(affected);
        IcnDetail before = selected;
        IcnDetail[] saved = new IcnDetail[1];
        if (Notices.attempt(() -> saved[0] = before == null ? icns.create(input, user)
                : icns.update(before.id(), before.lockVersion(), input, user), () -> reload(before == null ? null : before.id()))) {
            Notices.success("Saved " + saved[0].number());
            reload(saved[0].id());
        }
    }

    /** The decision dialog on the selected ICN (open while it is shown). */
    Dialog openDecision() {
        IcnDetail icn = selected;
        if (icn == null) {
            return null;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Decision on " + icn.number());
        IcnDecisionForm form = new IcnDecisionForm();
        Button approve = new Button("Approve", click -> decide(dialog, form, icn, true));
        approve.setId("icn-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", click -> decide(dialog, form, icn, false));
        reject.setId("icn-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.add(form);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), reject, approve);
        dialog.open();
        return dialog;
    }

    /** Records the decision; a refusal (C1) stays in the dialog with its finding on the comment. */
    private void decide(Dialog dialog, IcnDecisionForm form, IcnDetail icn, boolean approve) {
        if (Notices.attempt(() -> icns.decide(icn.id(), icn.lockVersion(), user, role, approve, form.comment()), () -> reload(icn.id()),
                form::showFindings)) {
            dialog.close();
            Notices.success(icn.number() + (approve ? " approved" : " rejected"));
            reload(icn.id());
        }
    }

    /** The ICN form's bean: what a planner writes on an ICN (the affected items are listed beside it). */
    static final class Draft {
        private String title = "";
        private String rationale = "";
        private IcnCategory category = IcnCategory.OTHER;
        private Integer effectiveStp;

        /** The fields of an ICN, or of a new one (category "other"). */
        static Draft of(IcnDetail icn) {
            Draft d = new Draft();
            if (icn != null) {
                d.title = icn.title();
                d.rationale = icn.rationale() == null ? "" : icn.rationale();
                d.category = icn.category();
                d.effectiveStp = icn.effectiveStp();
            }
            return d;
        }

        IcnService.IcnInput toInput(List<IcnDetail.AffectedItem> affected) {
            return new IcnService.IcnInput(title == null ? "" : title.trim(), rationale == null ? "" : rationale.trim(), category,
                    effectiveStp, List.copyOf(affected));
        }

        String getTitle() { return title; }
        void setTitle(String title) { this.title = title; }
        String getRationale() { return rationale; }
        void setRationale(String rationale) { this.rationale = rationale; }
        IcnCategory getCategory() { return category; }
        void setCategory(IcnCategory category) { this.category = category; }
        Integer getEffectiveStp() { return effectiveStp; }
        void setEffectiveStp(Integer effectiveStp) { this.effectiveStp = effectiveStp; }
    }
}
