package org.medoc.ui.release;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.medoc.release.model.FileKind;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseFile;
import org.medoc.release.model.SelectionRules;
import org.medoc.release.model.SelectionSummary;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.TextConverters;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The selection rules of a draft release, bound to a {@link Draft} by a {@link Binder}, with a live count, size and
 * file preview recomputed as the rules are typed (before they are saved); a frozen release shows its fixed files. A
 * rule that cannot be read (a reversed STP range, a date that is not ISO) is an error on its field.
 */
class SelectionRulesForm extends VerticalLayout {

    /** Files listed in the preview: enough to recognise a selection, few enough for a page. */
    static final int PREVIEW_FILES = 100;
    static final int FROZEN_PREVIEW_FILES = 200;

    final TextField instruments = new TextField("Instruments");
    final TextField levels = new TextField("Levels");
    final TextArea timeRanges = new TextArea("Time ranges (start / end per line)");
    final TextField stps = new TextField("STP numbers (e.g. 122-130, 180)");
    final TextField fileVersions = new TextField("File versions (e.g. V02)");
    final TextField productTypes = new TextField("Product types (e.g. dem)");
    final TextField productVersions = new TextField("Product versions (e.g. 1.0)");
    final TextField additions = new TextField("Add observation ids");
    final TextField exclusions = new TextField("Exclude observation ids");
    final Span count = new Span();
    final Grid<ReleaseFile> preview = new Grid<>();
    final Button save = new Button("Save selection");

    private final Binder<Draft> binder = new Binder<>();
    private final Function<SelectionRules, SelectionSummary> summary;

    /**
     * {@code summary} counts unsaved rules (the release service's selection summary); {@code onSave} receives the
     * rules when every field reads.
     */
    SelectionRulesForm(Function<SelectionRules, SelectionSummary> summary, Consumer<SelectionRules> onSave) {
        this.summary = summary;
        setPadding(false);
        timeRanges.setWidthFull();
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
        count.setId("selection-count");
        save.setId("save-selection");

        binder.forField(instruments).withConverter(TextConverters.parsed(ReleaseForms::list, SelectionRulesForm::joined)).bind(Draft::getInstruments, Draft::setInstruments);
        binder.forField(levels).withConverter(TextConverters.parsed(ReleaseForms::list, SelectionRulesForm::joined)).bind(Draft::getLevels, Draft::setLevels);
        binder.forField(timeRanges).withConverter(TextConverters.parsed(ReleaseForms::times, ReleaseForms::times)).bind(Draft::getTimeRanges, Draft::setTimeRanges);
        binder.forField(stps).withConverter(TextConverters.parsed(ReleaseForms::stps, ReleaseForms::stps)).bind(Draft::getStps, Draft::setStps);
        binder.forField(fileVersions).withConverter(TextConverters.parsed(ReleaseForms::list, SelectionRulesForm::joined)).bind(Draft::getFileVersions, Draft::setFileVersions);
        binder.forField(productTypes).withConverter(TextConverters.parsed(ReleaseForms::list, SelectionRulesForm::joined)).bind(Draft::getProductTypes, Draft::setProductTypes);
        binder.forField(productVersions).withConverter(TextConverters.parsed(ReleaseForms::list, SelectionRulesForm::joined))
                .bind(Draft::getProductVersions, Draft::setProductVersions);
        binder.forField(additions).withConverter(TextConverters.parsed(ReleaseForms::ids, SelectionRulesForm::joined)).bind(Draft::getAdditions, Draft::setAdditions);
        binder.forField(exclusions).withConverter(TextConverters.parsed(ReleaseForms::ids, SelectionRulesForm::joined)).bind(Draft::getExclusions, Draft::setExclusions);
        for (var field : List.of(instruments, levels, stps, fileVersions, productTypes, productVersions, additions, exclusions)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        timeRanges.setValueChangeMode(ValueChangeMode.LAZY);
        binder.addValueChangeListener(event -> recount());

        preview.setId("selection-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT);
        preview.addColumn(file -> file.kind() == FileKind.PRODUCT ? "product" : "observation").setHeader("Kind").setAutoWidth(true);
        preview.addColumn(ReleaseFile::itemId).setHeader("Id").setAutoWidth(true);
        preview.addColumn(ReleaseFile::packagePath).setHeader("Path in the package").setFlexGrow(1);
        preview.addColumn(f -> Formats.bytes(f.sizeBytes())).setHeader("Size").setAutoWidth(true);
        preview.setHeight("16rem");

        save.addClickListener(click -> {
            if (binder.validate().isOk()) {
                onSave.accept(binder.getBean().toRules());
            }
        });
        add(new HorizontalLayout(instruments, levels, fileVersions), stps, new HorizontalLayout(productTypes, productVersions), timeRanges,
                new HorizontalLayout(additions, exclusions), count, preview, save);
        binder.setBean(Draft.of(SelectionRules.none()));
    }

    /** A draft's rules, editable, with their live count. */
    void editDraft(SelectionRules rules) {
        binder.setBean(Draft.of(rules));
        binder.setReadOnly(false);
        save.setEnabled(true);
        recount();
    }

    /** A frozen (or published, withdrawn) release: its rules read-only and its fixed list of files. */
    void showFrozen(Release release, List<ReleaseFile> files) {
        binder.setBean(Draft.of(release.selection()));
        binder.setReadOnly(true);
        save.setEnabled(false);
        preview.setItems(files.size() > FROZEN_PREVIEW_FILES ? files.subList(0, FROZEN_PREVIEW_FILES) : files);
        count.setText("Frozen: " + release.fileCount() + " files, " + Formats.bytes(release.totalBytes()));
    }

    /**
     * Recounts the rules as typed (the binder calls this only for the planner's own changes, and a frozen release's
     * fields are read-only); a rule that does not read names itself instead of a count.
     */
    private void recount() {
        var status = binder.validate();
        if (!status.isOk()) {
            count.setText(status.getFieldValidationErrors().stream().map(BindingValidationStatus::getMessage)
                    .flatMap(java.util.Optional::stream).findFirst().orElse("a selection rule cannot be read"));
            return;
        }
        SelectionSummary result;
        try {
            result = summary.apply(binder.getBean().toRules());
        } catch (IllegalArgumentException e) {
            count.setText(e.getMessage());
            return;
        }
        count.setText(result.fileCount() + " files, " + Formats.bytes(result.totalBytes())
                + (result.problems().isEmpty() ? "" : " — " + result.problems().getFirst().message()));
        preview.setItems(result.preview());
    }

    private static String joined(List<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    /** The form's bean: the selection rules as the fields hold them. */
    static final class Draft {
        private List<String> instruments;
        private List<String> levels;
        private List<SelectionRules.TimeRange> timeRanges;
        private List<SelectionRules.StpRange> stps;
        private List<String> productTypes;
        private List<String> productVersions;
        private List<String> fileVersions;
        private List<Long> additions;
        private List<Long> exclusions;

        static Draft of(SelectionRules rules) {
            Draft d = new Draft();
            d.instruments = rules.instruments();
            d.levels = rules.levels();
            d.timeRanges = rules.timeRanges();
            d.stps = rules.stps();
            d.productTypes = rules.productTypes();
            d.productVersions = rules.productVersions();
            d.fileVersions = rules.fileVersions();
            d.additions = rules.additions();
            d.exclusions = rules.exclusions();
            return d;
        }

        SelectionRules toRules() {
            return new SelectionRules(instruments, levels, timeRanges, stps, productTypes, productVersions, fileVersions, additions, exclusions);
        }

        List<String> getInstruments() { return instruments; }
        void setInstruments(List<String> instruments) { this.instruments = instruments; }
        List<String> getLevels() { return levels; }
        void setLevels(List<String> levels) { this.levels = levels; }
        List<SelectionRules.TimeRange> getTimeRanges() { return timeRanges; }
        void setTimeRanges(List<SelectionRules.TimeRange> timeRanges) { this.timeRanges = timeRanges; }
        List<SelectionRules.StpRange> getStps() { return stps; }
        void setStps(List<SelectionRules.StpRange> stps) { this.stps = stps; }
        List<String> getProductTypes() { return productTypes; }
        void setProductTypes(List<String> productTypes) { this.productTypes = productTypes; }
        List<String> getProductVersions() { return productVersions; }
        void setProductVersions(List<String> productVersions) { this.productVersions = productVersions; }
        List<String> getFileVersions() { return fileVersions; }
        void setFileVersions(List<String> fileVersions) { this.fileVersions = fileVersions; }
        List<Long> getAdditions() { return additions; }
        void setAdditions(List<Long> additions) { this.additions = additions; }
        List<Long> getExclusions() { return exclusions; }
        void setExclusions(List<Long> exclusions) { this.exclusions = exclusions; }
    }
}
