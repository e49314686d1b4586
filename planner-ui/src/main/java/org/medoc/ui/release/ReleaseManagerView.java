package org.medoc.ui.release;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.release.fixity.FixityCheck;
import org.medoc.release.model.FixityCoverage;
import org.medoc.release.model.FixityFailure;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseEvent;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.DoiRegistration;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.ValidationProblem;
import org.medoc.release.packaging.ReleaseNotes;
import org.medoc.release.release.ReleaseService;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.util.List;
import java.util.function.Supplier;

/**
 * Release management for release managers: the list of releases with their states; a draft's metadata and its
 * selection (rules with a live count, size and file preview); the validation report; freeze, publish and withdraw,
 * each after a confirmation; the history of every release; and the fixity report of published files. Every action
 * goes through {@link ReleaseService}, which checks the role, the state and the optimistic lock again. Served at
 * {@code /release-manager}: {@code /releases/...} are the public, server-rendered landing pages.
 */
@Route("release-manager")
@PageTitle("Releases · medoc")
@RolesAllowed("RELEASE_MANAGER")
public class ReleaseManagerView extends VerticalLayout {

    private final transient ReleaseService releases;
    private final transient FixityCheck fixity;
    final Grid<Release> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private Release selected;
    /** The tab open in the detail panel, kept when the same release is shown again after a change. */
    private int selectedTab;

    final ReleaseMetadataForm metadata = new ReleaseMetadataForm(this::saveMetadata);
    final SelectionRulesForm selection;
    final ReleaseNotesEditor notes = new ReleaseNotesEditor(this::saveNotes);
    final Grid<ValidationProblem> problems = new Grid<>();
    private final Grid<ReleaseEvent> history = new Grid<>();

    public ReleaseManagerView(ReleaseService releases, FixityCheck fixity) {
        this.releases = releases;
        this.fixity = fixity;
        this.selection = new SelectionRulesForm(rules -> releases.selectionSummary(rules, SelectionRulesForm.PREVIEW_FILES), this::saveSelection);
        setId("release-manager-view");
        setSizeFull();

        Button newDraft = new Button("New draft", click -> newDraftDialog());
        newDraft.setId("new-draft");
        newDraft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button newVersion = new Button("New version", click -> newVersionDialog());
        newVersion.setId("new-version");
        Anchor publicPages = new Anchor("/releases", "Public release pages");
        publicPages.setTarget("_blank");
        HorizontalLayout toolbar = new HorizontalLayout(newDraft, newVersion, publicPages);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("releases-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Release::collection).setHeader("Collection").setAutoWidth(true);
        grid.addColumn(Release::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(r -> r.metadata().title()).setHeader("Title").setFlexGrow(1);
        grid.addComponentColumn(r -> state(r.state())).setHeader("State").setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(r -> r.fileCount() == null ? "" : r.fileCount() + " / " + Formats.bytes(r.totalBytes())).setHeader("Files").setAutoWidth(true);
        grid.addColumn(Release::identifier).setHeader("Identifier").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(event -> show(event.getValue()));

        VerticalLayout left = new VerticalLayout(toolbar, grid, fixityReport());
        left.setPadding(false);
        left.setFlexGrow(1, grid);
        detail.setPadding(false);
        detail.add(new Paragraph("Select a release, or start a new draft."));
        // the detail panel is taller than the window: it scrolls on its own, beside the list
        Scroller detailScroller = new Scroller(detail);
        detailScroller.setSizeFull();
        SplitLayout split = new SplitLayout(left, detailScroller);
        split.setSizeFull();
        split.setSplitterPosition(42);
        add(new H2("Releases"), split);
        setFlexGrow(1, split);
        configureForms();
        refresh(null);
    }

    private void configureForms() {
        problems.setId("validation-problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT);
        problems.addColumn(p -> p.blocking() ? "error" : "warning").setHeader("Severity").setAutoWidth(true);
        problems.addColumn(ValidationProblem::pointer).setHeader("Where").setAutoWidth(true);
        problems.addColumn(ValidationProblem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);

        history.setId("history-grid");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(e -> Formats.dateTime(e.at())).setHeader("When").setAutoWidth(true);
        history.addColumn(ReleaseEvent::actor).setHeader("Who").setAutoWidth(true);
        history.addColumn(ReleaseEvent::action).setHeader("What").setAutoWidth(true);
        history.addColumn(e -> e.reason() == null ? "" : e.reason()).setHeader("Why").setFlexGrow(1);
        history.setAllRowsVisible(true);
    }

    private void refresh(Release keep) {
        List<Release> all = releases.list(true);
        grid.setItems(all);
        if (keep != null) {
            all.stream().filter(r -> r.id() == keep.id()).findFirst().ifPresent(grid::select);
        }
    }

    /**
     * DataCite's state of the DOI, or where its registration stands when DataCite does not hold our state yet: pending
     * with the attempt and the last error, failed or in conflict with the reason.
     */
    static String registrationText(Release release, DoiRegistration registration) {
        String known = release.doiState() == null ? "not at DataCite yet" : release.doiState();
        if (registration == null || registration.status() == DoiRegistration.Status.DONE) {
            return known;
        }
        String error = registration.lastError() == null ? "" : ": " + registration.lastError();
        return switch (registration.status()) {
            case PENDING -> known + "; registration pending" + (registration.attempts() > 0
                    ? ", attempt " + registration.attempts() + error : "");
            case FAILED -> known + "; registration failed" + error;
            case CONFLICT -> known + "; conflict with DataCite" + error;
            case DONE -> known;
        };
    }

    private void show(Release release) {
        boolean sameRelease = selected != null && release != null && selected.id() == release.id();
        selected = release;
        detail.removeAll();
        if (release == null) {
            detail.add(new Paragraph("Select a release, or start a new draft."));
            return;
        }
        boolean draft = release.state() == ReleaseState.DRAFT;
        H3 heading = new H3(release.collection() + " " + release.version());
        heading.setId("release-heading");
        Span identifier = new Span(release.hasDoi() ? "DOI " + release.identifier() + " ("
                + registrationText(release, releases.registration(release).orElse(null)) + ")"
                : release.identifier() + " — local identifier, no DOI registered");
        identifier.setId("release-identifier");
        Anchor landing = new Anchor("/releases/" + release.collection() + "/" + release.version(), "Landing page");
        landing.setId("landing-link");
        landing.setTarget("_blank");
        HorizontalLayout header = new HorizontalLayout(heading, state(release.state()), identifier, landing);
        DoiRegistration registration = release.hasDoi() ? releases.registration(release).orElse(null) : null;
        if (registration != null && registration.status() == DoiRegistration.Status.FAILED) {
            // a failed registration is otherwise retried only at the reconciler's next run (hourly by default)
            Button retry = new Button("Retry registration now",
                    click -> act(() -> releases.retryDoiRegistration(release.collection(), release.version()), "Registration queued again"));
            retry.setId("retry-doi");
            header.add(retry);
        }
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);

        metadata.edit(release.metadata(), draft);
        if (draft) {
            selection.editDraft(release.selection());
        } else {
            selection.showFrozen(release, releases.files(release));
        }
        Button validate = new Button("Validate", click -> showProblems(releases.validate(releases.get(release.collection(), release.version()))));
        validate.setId("validate");
        VerticalLayout validationTab = new VerticalLayout(new Paragraph("DataCite mandatory properties, identifier forms, the DataCite 4.6 "
                + "XML schema and the selection. Errors stop a freeze or a publication; warnings do not."), validate, problems);
        validationTab.setPadding(false);
        problems.setItems(List.of());
        history.setItems(releases.history(release));
        ReleaseDocument document = releases.document(release);
        notes.edit(ReleaseNotes.markdown(document, document.citation()), draft, release.releaseNotes() != null);

        TabSheet tabs = new TabSheet();
        tabs.setId("release-tabs");
        tabs.setWidthFull();
        tabs.add("Metadata", metadata).setId("tab-metadata");
        tabs.add("Selection", selection).setId("tab-selection");
        tabs.add("Release notes", notes).setId("tab-release-notes");
        tabs.add("Validation", validationTab).setId("tab-validation");
        tabs.add("History", history).setId("tab-history");
        tabs.setSelectedIndex(sameRelease ? selectedTab : 0);
        selectedTab = tabs.getSelectedIndex();
        tabs.addSelectedChangeListener(event -> selectedTab = tabs.getSelectedIndex());

        detail.add(header, new ReleaseLifecycleActions(release, new ReleaseLifecycleActions.Lifecycle() {
            @Override
            public void freeze(Release r) {
                act(() -> releases.freeze(r.collection(), r.version(), r.lockVersion()), "Frozen");
            }

            @Override
            public void publish(Release r) {
                act(() -> releases.publish(r.collection(), r.version(), r.lockVersion()), "Published");
            }

            @Override
            public void withdraw(Release r, String reason) {
                act(() -> releases.withdraw(r.collection(), r.version(), r.lockVersion(), reason), "Withdrawn");
            }
        }), tabs);
    }

    private void act(Supplier<Release> action, String done) {
        try {
            Release changed = action.get();
            Notices.success(done + ": " + changed.label());
            refresh(changed);
        } catch (ReleaseException.Refused refused) {
            Notices.error(refused.getMessage() + " — see the Validation tab");
            refresh(selected);
            showProblems(refused.problems());
        } catch (ReleaseException | IllegalArgumentException e) {
            Notices.error(e.getMessage());
            refresh(selected);
        }
    }

    /** The validation report, and each metadata problem on the field it points into. */
    private void showProblems(List<ValidationProblem> found) {
        problems.setItems(found);
        metadata.showProblems(found);
    }

    private void saveMetadata(ReleaseMetadata edited) {
        Release release = selected;
        act(() -> releases.updateMetadata(release.collection(), release.version(), release.lockVersion(), edited), "Metadata saved");
    }

    private void saveSelection(SelectionRules rules) {
        Release release = selected;
        act(() -> releases.updateSelection(release.collection(), release.version(), release.lockVersion(), rules), "Selection saved");
    }

    /** Saves the release manager's own notes, or goes back to the generated ones ({@code markdown} null). */
    private void saveNotes(String markdown) {
        Release release = selected;
        act(() -> releases.updateReleaseNotes(release.collection(), release.version(), release.lockVersion(), markdown),
                markdown == null ? "Release notes generated" : "Release notes saved");
    }

    private void newDraftDialog() {
        new NewDraftDialog(draft -> act(() -> releases.createDraft(draft), "Draft created")).open();
    }

    private void newVersionDialog() {
        if (selected == null || !selected.state().isPublic()) {
            Notices.hint("Select a published (or withdrawn) release first: a new version starts as a copy of it");
            return;
        }
        Release source = selected;
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New version of " + source.label());
        TextField version = new TextField("Version");
        version.setId("new-version-number");
        Button create = new Button("Create", click -> {
            dialog.close();
            act(() -> releases.newVersion(source.collection(), source.version(), version.getValue().strip()), "New version created");
        });
        create.setId("create-version");
        dialog.add(version);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        dialog.open();
    }

    private Component fixityReport() {
        VerticalLayout report = new VerticalLayout();
        report.setPadding(false);
        report.setId("fixity-report");
        FixityCoverage coverage = fixity.coverage();
        List<FixityFailure> failures = fixity.failures();
        Span summary = new Span("Fixity of published files: " + coverage.filesChecked() + " checked, " + coverage.filesNeverChecked()
                + " waiting for a first check, " + failures.size() + " mismatch" + (failures.size() == 1 ? "" : "es") + ".");
        summary.setId("fixity-summary");
        summary.addClassNames(LumoUtility.FontSize.SMALL, failures.isEmpty() ? LumoUtility.TextColor.SECONDARY : LumoUtility.TextColor.ERROR);
        report.add(summary);
        if (!failures.isEmpty()) {
            Grid<FixityFailure> grid = new Grid<>();
            grid.setId("fixity-failures");
            grid.addColumn(f -> f.collection() + " " + f.version()).setHeader("Release").setAutoWidth(true);
            grid.addColumn(FixityFailure::packagePath).setHeader("File").setFlexGrow(1);
            grid.addColumn(FixityFailure::detail).setHeader("Problem").setFlexGrow(2);
            grid.addColumn(f -> Formats.dateTime(f.checkedAt())).setHeader("Checked").setAutoWidth(true);
            grid.setItems(failures);
            grid.setAllRowsVisible(true);
            report.add(grid);
        }
        return report;
    }

    private static Badge state(ReleaseState state) {
        Badge badge = new Badge(state.name());
        switch (state) {
            case PUBLISHED -> badge.addThemeVariants(BadgeVariant.SUCCESS);
            case WITHDRAWN -> badge.addThemeVariants(BadgeVariant.ERROR);
            case FROZEN -> badge.addThemeVariants(BadgeVariant.CONTRAST);
            case DRAFT -> { }
        }
        badge.addClassName("release-state");
        return badge;
    }
}
