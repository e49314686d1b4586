package org.medoc.ui.release;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.release.fixity.FixityCheck;
import org.medoc.release.model.FixityCoverage;
import org.medoc.release.model.FixityFailure;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseDocument;
import org.medoc.release.model.ReleaseEvent;
import org.medoc.release.model.ReleaseException;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.ReleaseMetadata;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;
import org.medoc.release.model.ValidationProblem;
import org.medoc.release.packaging.ReleaseNotes;
import org.medoc.release.release.ReleaseService;
import org.medoc.ui.base.Formats;

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
    private final Grid<Release> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();
    private Release selected;
    /** The tab open in the detail panel, kept when the same release is shown again after a change. */
    private int selectedTab;

    // metadata form
    private final TextField title = new TextField("Title");
    private final TextArea creators = new TextArea("Creators (one per line: Family, Given | ORCID | Affiliation | ROR, or org: Name)");
    private final TextField publisher = new TextField("Publisher");
    private final TextField publisherRor = new TextField("Publisher ROR");
    private final IntegerField year = new IntegerField("Publication year (empty: year of publication)");
    private final TextArea description = new TextArea("Description");
    private final TextArea contents = new TextArea("What the pack contains");
    private final TextField subjects = new TextField("Subjects / keywords (comma-separated)");
    private final TextField licenseId = new TextField("Licence (SPDX id)");
    private final TextField licenseUrl = new TextField("Licence URL");
    private final TextArea funding = new TextArea("Funding (Funder | funder ROR | award number)");
    private final TextArea related = new TextArea("Related identifiers (identifier | type | relation)");
    private final TextArea acknowledgement = new TextArea("Acknowledgement");

    // selection form
    private final TextField instruments = new TextField("Instruments");
    private final TextField levels = new TextField("Levels");
    private final TextArea timeRanges = new TextArea("Time ranges (start / end per line)");
    private final TextField stps = new TextField("STP numbers (e.g. 122-130, 180)");
    private final TextField fileVersions = new TextField("File versions (e.g. V02)");
    private final TextField productTypes = new TextField("Product types (e.g. dem)");
    private final TextField productVersions = new TextField("Product versions (e.g. 1.0)");
    private final TextField additions = new TextField("Add observation ids");
    private final TextField exclusions = new TextField("Exclude observation ids");
    private final Span selectionCount = new Span();
    private final Grid<ReleaseFile> preview = new Grid<>();
    private final Grid<ValidationProblem> problems = new Grid<>();
    private final Grid<ReleaseEvent> history = new Grid<>();
    private final TextArea releaseNotes = new TextArea("Release notes (Markdown; saved text replaces the generated notes)");

    public ReleaseManagerView(ReleaseService releases, FixityCheck fixity) {
        this.releases = releases;
        this.fixity = fixity;
        releaseNotes.setId("release-notes");
        releaseNotes.setWidthFull();
        releaseNotes.setMinHeight("24rem");
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
        for (var area : List.of(creators, description, contents, funding, related, acknowledgement, timeRanges)) {
            area.setWidthFull();
        }
        for (var field : List.of(title, subjects, publisher, licenseUrl)) {
            field.setWidthFull();
        }
        title.setId("metadata-title");
        creators.setId("metadata-creators");
        publisher.setId("metadata-publisher");
        publisherRor.setId("metadata-publisher-ror");
        year.setId("metadata-year");
        description.setId("metadata-description");
        contents.setId("metadata-contents");
        subjects.setId("metadata-subjects");
        licenseId.setId("metadata-license");
        licenseUrl.setId("metadata-license-url");
        funding.setId("metadata-funding");
        related.setId("metadata-related");
        acknowledgement.setId("metadata-acknowledgement");
        instruments.setId("selection-instruments");
        levels.setId("selection-levels");
        timeRanges.setId("selection-times");
        stps.setId("selection-stps");
        fileVersions.setId("selection-versions");
        productTypes.setId("selection-product-types");
        productVersions.setId("selection-product-versions");
        productTypes.setHelperText("derived products of these types; time ranges then apply to the products' reference times");
        additions.setId("selection-additions");
        exclusions.setId("selection-exclusions");
        selectionCount.setId("selection-count");
        for (var field : List.of(instruments, levels, stps, fileVersions, productTypes, productVersions, additions, exclusions)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(event -> updateLiveCount());
        }
        timeRanges.setValueChangeMode(ValueChangeMode.LAZY);
        timeRanges.addValueChangeListener(event -> updateLiveCount());

        preview.setId("selection-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT);
        preview.addColumn(file -> file.kind() == FileKind.PRODUCT ? "product" : "observation").setHeader("Kind").setAutoWidth(true);
        preview.addColumn(ReleaseFile::itemId).setHeader("Id").setAutoWidth(true);
        preview.addColumn(ReleaseFile::packagePath).setHeader("Path in the package").setFlexGrow(1);
        preview.addColumn(f -> Formats.bytes(f.sizeBytes())).setHeader("Size").setAutoWidth(true);
        preview.setHeight("16rem");

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
        Span identifier = new Span(release.hasDoi() ? "DOI " + release.identifier() + " (" + release.doiState() + ")"
                : release.identifier() + " — local identifier, no DOI registered");
        identifier.setId("release-identifier");
        Anchor landing = new Anchor("/releases/" + release.collection() + "/" + release.version(), "Landing page");
        landing.setId("landing-link");
        landing.setTarget("_blank");
        HorizontalLayout header = new HorizontalLayout(heading, state(release.state()), identifier, landing);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);

        fillMetadata(release.metadata());
        fillSelection(release.selection());
        setEditable(draft);
        Button saveMetadata = new Button("Save metadata", click -> saveMetadata());
        saveMetadata.setId("save-metadata");
        saveMetadata.setEnabled(draft);
        Button saveSelection = new Button("Save selection", click -> saveSelection());
        saveSelection.setId("save-selection");
        saveSelection.setEnabled(draft);

        VerticalLayout metadataTab = new VerticalLayout(title, creators, new HorizontalLayout(publisher, publisherRor, year),
                description, contents, subjects, new HorizontalLayout(licenseId, licenseUrl), funding, related, acknowledgement, saveMetadata);
        metadataTab.setPadding(false);
        VerticalLayout selectionTab = new VerticalLayout(new HorizontalLayout(instruments, levels, fileVersions), stps,
                new HorizontalLayout(productTypes, productVersions), timeRanges,
                new HorizontalLayout(additions, exclusions), selectionCount, preview, saveSelection);
        selectionTab.setPadding(false);
        if (!draft) {
            List<ReleaseFile> files = releases.files(release);
            preview.setItems(files.size() > 200 ? files.subList(0, 200) : files);
            selectionCount.setText("Frozen: " + release.fileCount() + " files, " + Formats.bytes(release.totalBytes()));
        } else {
            updateLiveCount();
        }
        Button validate = new Button("Validate", click -> problems.setItems(releases.validate(releases.get(release.collection(), release.version()))));
        validate.setId("validate");
        VerticalLayout validationTab = new VerticalLayout(new Paragraph("DataCite mandatory properties, identifier forms, the DataCite 4.6 "
                + "XML schema and the selection. Errors stop a freeze or a publication; warnings do not."), validate, problems);
        validationTab.setPadding(false);
        problems.setItems(List.of());
        history.setItems(releases.history(release));
        ReleaseDocument document = releases.document(release);
        releaseNotes.setValue(ReleaseNotes.markdown(document, document.citation()));
        releaseNotes.setReadOnly(!draft);
        Button saveNotes = new Button("Save release notes", click -> act(() -> releases.updateReleaseNotes(release.collection(),
                release.version(), release.lockVersion(), releaseNotes.getValue()), "Release notes saved"));
        saveNotes.setId("save-release-notes");
        saveNotes.setEnabled(draft);
        Button generatedNotes = new Button("Back to generated notes", click -> act(() -> releases.updateReleaseNotes(release.collection(),
                release.version(), release.lockVersion(), null), "Release notes generated"));
        generatedNotes.setId("generated-release-notes");
        generatedNotes.setEnabled(draft && release.releaseNotes() != null);
        VerticalLayout notesTab = new VerticalLayout(releaseNotes, new HorizontalLayout(saveNotes, generatedNotes));
        notesTab.setPadding(false);

        TabSheet tabs = new TabSheet();
        tabs.setId("release-tabs");
        tabs.setWidthFull();
        tabs.add("Metadata", metadataTab).setId("tab-metadata");
        tabs.add("Selection", selectionTab).setId("tab-selection");
        tabs.add("Release notes", notesTab).setId("tab-release-notes");
        tabs.add("Validation", validationTab).setId("tab-validation");
        tabs.add("History", history).setId("tab-history");
        tabs.setSelectedIndex(sameRelease ? selectedTab : 0);
        selectedTab = tabs.getSelectedIndex();
        tabs.addSelectedChangeListener(event -> selectedTab = tabs.getSelectedIndex());

        detail.add(header, actions(release), tabs);
    }

    private Component actions(Release release) {
        Button freeze = new Button("Freeze…", click -> confirm("Freeze " + release.label() + "?",
                "The selection becomes a fixed list of files, each re-read from storage and checked against its SHA-256. "
                        + "The metadata can no longer change.", null,
                reason -> act(() -> releases.freeze(release.collection(), release.version(), release.lockVersion()), "Frozen")));
        freeze.setId("freeze");
        freeze.setEnabled(release.state() == ReleaseState.DRAFT);
        Button publish = new Button("Publish…", click -> confirm("Publish " + release.label() + "?",
                release.hasDoi() ? "The DOI " + release.identifier() + " becomes findable, the landing page and the package go public. "
                        + "A published release never changes." : "The landing page and the package go public under the local identifier "
                        + release.identifier() + " (no DOI registrar is configured). A published release never changes.", null,
                reason -> act(() -> releases.publish(release.collection(), release.version(), release.lockVersion()), "Published")));
        publish.setId("publish");
        publish.setEnabled(release.state() == ReleaseState.FROZEN);
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button withdraw = new Button("Withdraw…", click -> confirm("Withdraw " + release.label() + "?",
                "Its files stop being served and its landing page becomes a tombstone (HTTP 410) with your reason and the "
                        + "citation. Nothing is deleted.", "Reason (shown on the tombstone)",
                reason -> act(() -> releases.withdraw(release.collection(), release.version(), release.lockVersion(), reason), "Withdrawn")));
        withdraw.setId("withdraw");
        withdraw.setEnabled(release.state() == ReleaseState.PUBLISHED);
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(freeze, publish, withdraw);
    }

    private void confirm(String question, String consequence, String reasonLabel, java.util.function.Consumer<String> action) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm-dialog");
        dialog.setHeaderTitle(question);
        TextArea reason = new TextArea(reasonLabel == null ? "" : reasonLabel);
        reason.setId("confirm-reason");
        reason.setWidthFull();
        reason.setVisible(reasonLabel != null);
        dialog.add(new Paragraph(consequence), reason);
        Button ok = new Button("Confirm", click -> {
            dialog.close();
            action.accept(reason.getValue());
        });
        ok.setId("confirm-button");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }

    private void act(Supplier<Release> action, String done) {
        try {
            Release changed = action.get();
            notify(done + ": " + changed.label(), NotificationVariant.LUMO_SUCCESS);
            refresh(changed);
        } catch (ReleaseException.Refused refused) {
            problems.setItems(refused.problems());
            notify(refused.getMessage() + " — see the Validation tab", NotificationVariant.LUMO_ERROR);
            refresh(selected);
            problems.setItems(refused.problems());
        } catch (ReleaseException | ReleaseForms.FormException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            refresh(selected);
        }
    }

    private void saveMetadata() {
        Release release = selected;
        act(() -> releases.updateMetadata(release.collection(), release.version(), release.lockVersion(), readMetadata()), "Metadata saved");
    }

    private void saveSelection() {
        Release release = selected;
        act(() -> releases.updateSelection(release.collection(), release.version(), release.lockVersion(), readSelection()), "Selection saved");
    }

    private ReleaseMetadata readMetadata() {
        return new ReleaseMetadata(ReleaseForms.blankToNull(title.getValue()), ReleaseForms.creators(creators.getValue()),
                ReleaseForms.blankToNull(publisher.getValue()) == null ? null
                        : new ReleaseMetadata.Publisher(publisher.getValue().strip(), ReleaseForms.blankToNull(publisherRor.getValue())),
                year.getValue(), ReleaseForms.blankToNull(description.getValue()), ReleaseForms.blankToNull(contents.getValue()),
                ReleaseForms.commaList(subjects.getValue()),
                ReleaseForms.blankToNull(licenseId.getValue()) == null ? null
                        : new ReleaseMetadata.License(licenseId.getValue().strip(), null, ReleaseForms.blankToNull(licenseUrl.getValue())),
                ReleaseForms.funding(funding.getValue()), ReleaseForms.related(related.getValue()),
                selected == null ? List.of() : selected.metadata().dates(), ReleaseForms.blankToNull(acknowledgement.getValue()));
    }

    private SelectionRules readSelection() {
        try {
            return new SelectionRules(ReleaseForms.list(instruments.getValue()), ReleaseForms.list(levels.getValue()),
                    ReleaseForms.times(timeRanges.getValue()), ReleaseForms.stps(stps.getValue()),
                    ReleaseForms.list(productTypes.getValue()), ReleaseForms.list(productVersions.getValue()),
                    ReleaseForms.list(fileVersions.getValue()), ReleaseForms.ids(additions.getValue()), ReleaseForms.ids(exclusions.getValue()));
        } catch (IllegalArgumentException e) {
            throw e instanceof ReleaseForms.FormException form ? form : new ReleaseForms.FormException(e.getMessage());
        }
    }

    /** Recounts the selection as it is typed, before it is saved. */
    private void updateLiveCount() {
        if (selected == null || selected.state() != ReleaseState.DRAFT) {
            return;
        }
        try {
            SelectionSummary summary = releases.selectionSummary(readSelection(), 100);
            selectionCount.setText(summary.fileCount() + " files, " + Formats.bytes(summary.totalBytes())
                    + (summary.problems().isEmpty() ? "" : " — " + summary.problems().getFirst().message()));
            preview.setItems(summary.preview());
        } catch (ReleaseForms.FormException e) {
            selectionCount.setText(e.getMessage());
        }
    }

    private void fillMetadata(ReleaseMetadata metadata) {
        title.setValue(nullToEmpty(metadata.title()));
        creators.setValue(ReleaseForms.creators(metadata.creators()));
        publisher.setValue(metadata.publisher() == null ? "" : nullToEmpty(metadata.publisher().name()));
        publisherRor.setValue(metadata.publisher() == null ? "" : nullToEmpty(metadata.publisher().rorId()));
        year.setValue(metadata.publicationYear());
        description.setValue(nullToEmpty(metadata.description()));
        contents.setValue(nullToEmpty(metadata.contents()));
        subjects.setValue(String.join(", ", metadata.subjects()));
        licenseId.setValue(metadata.license() == null ? "" : nullToEmpty(metadata.license().identifier()));
        licenseUrl.setValue(metadata.license() == null ? "" : nullToEmpty(metadata.license().uri()));
        funding.setValue(ReleaseForms.funding(metadata.funding()));
        related.setValue(ReleaseForms.related(metadata.relatedIdentifiers()));
        acknowledgement.setValue(nullToEmpty(metadata.acknowledgement()));
    }

    private void fillSelection(SelectionRules rules) {
        Release keep = selected;
        selected = null; // no live count while the fields are filled one by one
        instruments.setValue(String.join(", ", rules.instruments()));
        levels.setValue(String.join(", ", rules.levels()));
        timeRanges.setValue(ReleaseForms.times(rules.timeRanges()));
        stps.setValue(ReleaseForms.stps(rules.stps()));
        fileVersions.setValue(String.join(", ", rules.fileVersions()));
        productTypes.setValue(String.join(", ", rules.productTypes()));
        productVersions.setValue(String.join(", ", rules.productVersions()));
        additions.setValue(String.join(", ", rules.additions().stream().map(String::valueOf).toList()));
        exclusions.setValue(String.join(", ", rules.exclusions().stream().map(String::valueOf).toList()));
        selected = keep;
    }

    private void setEditable(boolean editable) {
        for (var field : List.of(title, publisher, publisherRor, subjects, licenseId, licenseUrl, instruments, levels, stps,
                fileVersions, productTypes, productVersions, additions, exclusions)) {
            field.setReadOnly(!editable);
        }
        for (var area : List.of(creators, description, contents, funding, related, acknowledgement, timeRanges)) {
            area.setReadOnly(!editable);
        }
        year.setReadOnly(!editable);
    }

    private void newDraftDialog() {
        Dialog dialog = new Dialog();
        dialog.setId("new-draft-dialog");
        dialog.setHeaderTitle("New draft release");
        TextField collection = new TextField("Collection code (e.g. spice, dem-maps)");
        collection.setId("new-collection");
        TextField collectionTitle = new TextField("Collection title (for a new collection)");
        collectionTitle.setId("new-collection-title");
        ComboBox<CatalogFormat> format = new ComboBox<>("catalog.csv columns", CatalogFormat.values());
        format.setId("new-catalog-format");
        format.setValue(CatalogFormat.GENERIC);
        TextField version = new TextField("Version (e.g. 2.0)");
        version.setId("new-version-number");
        Button create = new Button("Create draft", click -> {
            String code = collection.getValue().strip();
            ReleaseMetadata start = ReleaseMetadata.empty().withTitle(
                    (collectionTitle.getValue().isBlank() ? code : collectionTitle.getValue().strip()) + " Data Release " + version.getValue().strip())
                    .withPublicationYear(null);
            dialog.close();
            act(() -> releases.createDraft(new ReleaseService.NewDraft(code, collectionTitle.getValue(), format.getValue(),
                    version.getValue().strip(), start, SelectionRules.none())), "Draft created");
        });
        create.setId("create-draft");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(collection, collectionTitle, format, version));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
        dialog.open();
    }

    private void newVersionDialog() {
        if (selected == null || !selected.state().isPublic()) {
            notify("Select a published (or withdrawn) release first: a new version starts as a copy of it", NotificationVariant.LUMO_CONTRAST);
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

    private static void notify(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 6000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

}
