package org.medoc.ui.planning;

import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.bop.BopDetail;
import org.medoc.planner.bop.BopExpansion;
import org.medoc.planner.bop.BopItem;
import org.medoc.planner.bop.BopService;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyStatus;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Blocks of operations (PLANNING.md §9.1): the BOPs, their versions, the items of a version at their offsets from the
 * block start, release, a new draft version, placing a released version on an STP, and where it was placed (with the
 * entries since detached by hand edits). Rules P1 and P3 are the service's; this screen only shows their answers.
 */
@Route("planning/bops")
@PageTitle("BOPs · medoc")
@PermitAll
public class BopsView extends VerticalLayout {

    private final BopService bops;
    private final PeriodService periods;
    private final boolean planner;
    private final String user;
    private final Map<Long, String> studyNames;

    private final Grid<BopDetail> bopGrid = new Grid<>();
    final ComboBox<BopDetail.Version> version = new ComboBox<>("Version");
    private final Span versionState = new Span();
    final Grid<BopItem> items = new Grid<>();
    final Grid<BopService.InstanceSummary> instances = new Grid<>();
    final ComboBox<Period> stp = new ComboBox<>("STP");
    final DateTimePicker start = new DateTimePicker("Block start (UTC)");
    final BopItemForm itemForm;
    private final List<BopItem> draftItems = new ArrayList<>();
    private BopDetail current;

    public BopsView(BopService bops, PeriodService periods, StudyService studies, AuthenticationContext authentication) {
        this.bops = bops;
        this.periods = periods;
        this.planner = authentication.hasRole("PLANNER");
        this.user = authentication.getPrincipalName().orElse("unknown");
        setId("bops-view");
        List<StudyDetail> approved = studies.list(null, StudyStatus.APPROVED);
        this.studyNames = studies.list(null, null).stream().collect(Collectors.toMap(s -> s.study().id(), s -> s.study().name(), (a, b) -> a));

        bopGrid.setId("bops-grid");
        bopGrid.addColumn(BopDetail::code).setHeader("Code").setAutoWidth(true);
        bopGrid.addColumn(BopDetail::name).setHeader("Name").setAutoWidth(true);
        bopGrid.addColumn(BopDetail::owner).setHeader("Owner").setAutoWidth(true);
        bopGrid.addColumn(b -> b.versions().size()).setHeader("Versions").setAutoWidth(true);
        bopGrid.addColumn(b -> b.versions().stream().filter(BopDetail.Version::released).mapToInt(BopDetail.Version::versionNo).max()
                .stream().mapToObj(n -> "v" + n).findFirst().orElse("none")).setHeader("Latest released").setAutoWidth(true);
        bopGrid.setHeight("200px");
        bopGrid.asSingleSelect().addValueChangeListener(e -> show(e.getValue() == null ? null : e.getValue().id(), null));

        TextField code = new TextField("Code");
        code.setId("bop-new-code");
        TextField name = new TextField("Name");
        name.setId("bop-new-name");
        Button create = new Button("New BOP", click -> Notices.attempt(() -> {
            BopDetail created = bops.create(code.getValue().trim(), name.getValue().trim(), null, user);
            reload(created.id(), null);
        }, () -> reload(null, null)));
        create.setId("bop-create");
        HorizontalLayout createForm = new HorizontalLayout(code, name, create);
        createForm.setAlignItems(Alignment.BASELINE);
        createForm.setWrap(true);
        createForm.setVisible(planner);

        version.setId("bop-version");
        version.setItemLabelGenerator(v -> "v" + v.versionNo() + (v.released() ? " (released " + Formats.utc(v.releasedAt()) + ")" : " (draft)"));
        version.setWidth("22em");
        version.addValueChangeListener(e -> showVersion(e.getValue()));
        versionState.setId("bop-version-state");
        Button release = new Button("Release version", click -> {
            BopDetail.Version v = version.getValue();
            if (v != null) {
                Notices.attempt(() -> {
                    bops.release(v.id(), v.lockVersion());
                    Notices.success("Released v" + v.versionNo());
                }, () -> { });
                reload(current.id(), v.versionNo());
            }
        });
        release.setId("bop-release");
        Button newVersion = new Button("New draft version", click -> {
            if (current != null) {
                Notices.attempt(() -> {
                    BopDetail updated = bops.newVersion(current.id());
                    reload(updated.id(), updated.versions().stream().mapToInt(BopDetail.Version::versionNo).max().orElse(1));
                }, () -> reload(current.id(), null));
            }
        });
        newVersion.setId("bop-new-version");
        release.setVisible(planner);
        newVersion.setVisible(planner);
        HorizontalLayout versionBar = new HorizontalLayout(version, release, newVersion, versionState);
        versionBar.setAlignItems(Alignment.BASELINE);
        versionBar.setWrap(true);

        items.setId("bop-items");
        items.addColumn(BopItem::seq).setHeader("#").setAutoWidth(true);
        items.addColumn(i -> Formats.offset(i.offsetSeconds())).setHeader("Offset").setAutoWidth(true);
        items.addColumn(BopItem::type).setHeader("Item").setAutoWidth(true);
        items.addColumn(i -> i.studyId() == null ? "" : studyNames.getOrDefault(i.studyId(), "study " + i.studyId())).setHeader("Study").setAutoWidth(true);
        items.addColumn(i -> i.rasters() == null ? "" : i.rasters().toString()).setHeader("Rasters").setAutoWidth(true);
        items.addColumn(i -> i.commandMnemonic() == null ? "" : i.commandMnemonic()).setHeader("Command / marker").setAutoWidth(true);
        items.addColumn(i -> i.durationSeconds() == null ? "" : Formats.plain(i.durationSeconds()) + " s").setHeader("Duration").setAutoWidth(true);
        items.setHeight("220px");

        itemForm = new BopItemForm(approved);
        Button addItem = new Button("Add item", click -> addItem());
        addItem.setId("bop-item-add");
        Button removeItem = new Button("Remove selected", click -> items.getSelectedItems().stream().findFirst().ifPresent(i -> {
            draftItems.remove(i);
            items.setItems(draftItems);
        }));
        Button saveItems = new Button("Save items", click -> saveItems());
        saveItems.setId("bop-items-save");
        HorizontalLayout itemBar = new HorizontalLayout(itemForm, addItem, removeItem, saveItems);
        itemBar.setAlignItems(Alignment.BASELINE);
        itemBar.setWrap(true);
        itemBar.setId("bop-item-form");
        itemBar.setVisible(planner);

        stp.setId("bop-stp");
        stp.setItemLabelGenerator(p -> p.label() + " (" + p.start().toString().substring(0, 10) + ")");
        stp.setItems(periods.list(PeriodKind.STP));
        stp.addValueChangeListener(e -> {
            if (e.getValue() != null && start.isEmpty()) {
                start.setValue(PlanningText.toPicker(BopExpansion.defaultBlockStart(e.getValue().start())));
            }
        });
        start.setId("bop-start");
        start.setStep(java.time.Duration.ofMinutes(1));
        Button instantiate = new Button("Place on STP", click -> instantiate());
        instantiate.setId("bop-instantiate");
        instantiate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout placeForm = new HorizontalLayout(stp, start, instantiate, new RouterLink("Open the timeline", TimelineView.class));
        placeForm.setAlignItems(Alignment.BASELINE);
        placeForm.setWrap(true);
        placeForm.setVisible(planner);

        instances.setId("bop-instances");
        instances.addColumn(i -> "STP" + i.stpNumber()).setHeader("STP").setAutoWidth(true);
        instances.addColumn(i -> "v" + i.versionNo()).setHeader("Version").setAutoWidth(true);
        instances.addColumn(i -> Formats.utc(i.start())).setHeader("Start (UTC)").setAutoWidth(true);
        instances.addColumn(BopService.InstanceSummary::entries).setHeader("Entries").setAutoWidth(true);
        instances.addColumn(i -> i.detached() == 0 ? "" : i.detached() + " detached").setHeader("Detached").setAutoWidth(true);
        instances.addColumn(BopService.InstanceSummary::expandedBy).setHeader("Placed by").setAutoWidth(true);
        instances.setHeight("180px");

        add(new H2("BOPs"), bopGrid, createForm, versionBar, items, itemBar, new H3("Place on an STP"), placeForm,
                new H3("Instances"), instances);
        reload(null, null);
    }

    private void reload(Long bopId, Integer versionNo) {
        List<BopDetail> all = bops.list();
        bopGrid.setItems(all);
        Long select = bopId != null ? bopId : current != null ? Long.valueOf(current.id()) : all.isEmpty() ? null : all.getFirst().id();
        if (select != null) {
            all.stream().filter(b -> b.id() == select).findFirst().ifPresent(bopGrid::select);
            show(select, versionNo);
        }
    }

    private void show(Long bopId, Integer versionNo) {
        if (bopId == null) {
            return;
        }
        current = bops.get(bopId);
        version.setItems(current.versions());
        BopDetail.Version chosen = versionNo != null ? current.version(versionNo)
                : current.versions().stream().max(Comparator.comparingInt(BopDetail.Version::versionNo)).orElse(null);
        version.setValue(chosen);
        instances.setItems(bops.instances(bopId));
    }

    private void showVersion(BopDetail.Version v) {
        draftItems.clear();
        if (v == null) {
            items.setItems(List.of());
            versionState.setText("");
            return;
        }
        draftItems.addAll(v.items());
        items.setItems(draftItems);
        String findings = v.findings().stream().map(f -> f.rule() + " " + f.severity() + ": " + f.message()).collect(Collectors.joining(" | "));
        versionState.setText((v.released() ? "released, never changes (P1)" : "draft") + ", "
                + v.items().size() + " items, " + Formats.seconds(v.totalSeconds()) + " long" + (findings.isEmpty() ? "" : "; " + findings));
    }

    private void addItem() {
        BopDetail.Version v = version.getValue();
        if (v == null || v.released()) {
            Notices.error("Items can only be added to a draft version: create a new version first");
            return;
        }
        itemForm.next(draftItems).ifPresent(item -> {
            draftItems.add(item);
            items.setItems(draftItems);
        });
    }

    private void saveItems() {
        BopDetail.Version v = version.getValue();
        if (v == null) {
            return;
        }
        Notices.attempt(() -> {
            bops.saveItems(v.id(), v.lockVersion(), List.copyOf(draftItems));
            Notices.success("Saved the items of v" + v.versionNo());
        }, () -> { });
        reload(current.id(), v.versionNo());
    }

    private void instantiate() {
        BopDetail.Version v = version.getValue();
        Instant at = PlanningText.fromPicker(start.getValue());
        if (v == null || stp.getValue() == null || at == null) {
            Notices.error("Choose a released version, an STP and the block start");
            return;
        }
        try {
            BopService.Instance instance = bops.instantiate(v.id(), stp.getValue().id(), at, user);
            Notices.success("Placed " + current.code() + " v" + v.versionNo() + " on " + stp.getValue().label() + ": "
                    + instance.entries().size() + " entries");
            instances.setItems(bops.instances(current.id()));
        } catch (org.medoc.planner.validation.PlanningRejectedException e) {
            Notices.error(e.getMessage() + (e.findings().isEmpty() ? "" : ": " + e.findings().stream()
                    .map(Finding::message).collect(Collectors.joining("; "))));
        }
    }
}
