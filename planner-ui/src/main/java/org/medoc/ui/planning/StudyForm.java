package org.medoc.ui.planning;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.study.ReadMode;
import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StudyCategory;
import org.medoc.planner.study.StudyDrafts;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyType;
import org.medoc.planner.study.YFieldOfView;
import org.medoc.planner.validation.Finding;
import org.medoc.ui.base.Formats;

import java.util.List;
import java.util.function.Supplier;

/**
 * The parameters of a study (everything but its windows), bound to a {@link Draft} by a {@link Binder}; each rule
 * finding is shown as the error of the field at fault ({@code slitWidthArcsec} on the slit, ...).
 */
class StudyForm extends VerticalLayout {

    final TextField name = new TextField("Name");
    final TextField variant = new TextField("Mode variant");
    final ComboBox<StudyCategory> category = new ComboBox<>("Type");
    final ComboBox<StudyType> type = new ComboBox<>("Acquisition");
    final ComboBox<Double> slit = new ComboBox<>("Slit [arcsec]");
    final IntegerField positions = new IntegerField("Raster positions");
    final NumberField step = new NumberField("Step [arcsec]");
    final NumberField exposure = new NumberField("Exposure [s]");
    final IntegerField exposuresPerPosition = new IntegerField("Exposures per position");
    final IntegerField rasters = new IntegerField("Rasters");
    final ComboBox<YFieldOfView> yField = new ComboBox<>("Y field of view");

    private final Binder<Draft> binder = new Binder<>();
    private final Supplier<InstrumentConfiguration> configuration;
    private final String author;
    /** The rule fields (as findings name them) and the form field that edits each. */
    private final FindingFields fieldsByRuleField = new FindingFields();
    /** The study the form was filled from: its OBS_TYPE code and custom rows are kept. */
    private StudyParameters edited;

    StudyForm(Supplier<InstrumentConfiguration> configuration, String author) {
        this.configuration = configuration;
        this.author = author;
        setPadding(false);
        category.setItems(StudyCategory.values());
        category.setItemLabelGenerator(StudyCategory::label);
        type.setItems(StudyType.values());
        type.setItemLabelGenerator(StudyType::fitsValue);
        slit.setItems(configuration.get().slits().stream().map(s -> s.widthArcsec()).toList());
        slit.setItemLabelGenerator(Formats::plain);
        yField.setItems(YFieldOfView.values());
        name.setWidth("28em");

        name.setId("study-name");
        variant.setId("study-variant");
        category.setId("study-category");
        type.setId("study-type");
        slit.setId("study-slit");
        positions.setId("study-positions");
        step.setId("study-step");
        exposure.setId("study-exposure");
        exposuresPerPosition.setId("study-exposures-per-position");
        rasters.setId("study-rasters");
        yField.setId("study-yfov");

        binder.forField(name).bind(Draft::getName, Draft::setName);
        binder.forField(variant).bind(Draft::getVariant, Draft::setVariant);
        binder.forField(category).bind(Draft::getCategory, Draft::setCategory);
        binder.forField(type).bind(Draft::getType, Draft::setType);
        binder.forField(slit).bind(Draft::getSlit, Draft::setSlit);
        binder.forField(positions).bind(Draft::getPositions, Draft::setPositions);
        binder.forField(step).bind(Draft::getStep, Draft::setStep);
        binder.forField(exposure).bind(Draft::getExposure, Draft::setExposure);
        binder.forField(exposuresPerPosition).bind(Draft::getExposuresPerPosition, Draft::setExposuresPerPosition);
        binder.forField(rasters).bind(Draft::getRasters, Draft::setRasters);
        binder.forField(yField).bind(Draft::getYField, Draft::setYField);

        fieldsByRuleField.put("name", name);
        fieldsByRuleField.put("obsTypeCode", name);
        fieldsByRuleField.put("slitWidthArcsec", slit);
        fieldsByRuleField.put("positions", positions);
        fieldsByRuleField.put("stepArcsec", step);
        fieldsByRuleField.put("exposureSeconds", exposure);
        fieldsByRuleField.put("exposuresPerPosition", exposuresPerPosition);
        fieldsByRuleField.put("defaultRasters", rasters);
        fieldsByRuleField.put("yStartPx", yField);

        add(new HorizontalLayout(variant, name, category, type),
                new HorizontalLayout(slit, positions, step, exposure, exposuresPerPosition, rasters, yField));
        edit(StudyDrafts.newStudy(configuration.get(), author));
    }

    /** Fills the form from a study (a new one, or one read from the list); no change listener runs. */
    void edit(StudyParameters study) {
        edited = study;
        binder.setBean(Draft.of(study));
    }

    /** Runs on every change the planner makes (not when the form is filled by {@link #edit}). */
    void addChangeListener(Runnable listener) {
        binder.addValueChangeListener(event -> listener.run());
    }

    /** The rows the chosen Y field of view covers; a custom field of view keeps the rows of the study read. */
    StudyDrafts.Rows rows() {
        Draft draft = binder.getBean();
        if (draft.getYField() == YFieldOfView.CUSTOM) {
            return new StudyDrafts.Rows(edited.yStartPx(), edited.yEndPx());
        }
        return StudyDrafts.rows(configuration.get(), draft.getYField());
    }

    /** The study as the form states it, with these windows cut to its rows and a proposed name if none is typed. */
    StudyParameters parameters(List<SpectralWindow> windows) {
        Draft d = binder.getBean();
        StudyDrafts.Rows rows = rows();
        StudyCategory studyCategory = d.getCategory() == null ? StudyCategory.OTHER : d.getCategory();
        StudyParameters study = new StudyParameters(d.getName() == null ? "" : d.getName().trim(), edited.obsTypeCode(), studyCategory,
                d.getType() == null ? StudyType.RASTER : d.getType(), studyCategory.purpose(), null, orZero(d.getSlit()),
                orOne(d.getPositions()), orZero(d.getStep()), 0, d.getYField() == null ? YFieldOfView.FULL_FIELD : d.getYField(),
                rows.startPx(), rows.heightPx(), orZero(d.getExposure()), orOne(d.getExposuresPerPosition()), orOne(d.getRasters()),
                ReadMode.DESTRUCTIVE, false, 0, false, false, null, null, null, author, StudyDrafts.fitToRows(windows, rows));
        return StudyDrafts.named(study, d.getVariant());
    }

    void setProposedName(String proposed) {
        name.setPlaceholder(proposed);
    }

    /** Marks the fields at fault: each error or warning with a field becomes that field's error message. */
    void showFindings(List<Finding> findings) {
        fieldsByRuleField.show(findings);
    }

    /** The field a rule finding names, if the form edits it. */
    Component fieldFor(String ruleField) {
        return fieldsByRuleField.fieldFor(ruleField);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static int orOne(Integer value) {
        return value == null ? 1 : value;
    }

    /** The form's bean: the study parameters as the fields hold them (a cleared field is null). */
    static final class Draft {
        private String name;
        private String variant;
        private StudyCategory category;
        private StudyType type;
        private Double slit;
        private Integer positions;
        private Double step;
        private Double exposure;
        private Integer exposuresPerPosition;
        private Integer rasters;
        private YFieldOfView yField;

        static Draft of(StudyParameters p) {
            Draft d = new Draft();
            d.name = p.name() == null ? "" : p.name();
            d.variant = "";
            d.category = p.category();
            d.type = p.studyType();
            d.slit = p.slitWidthArcsec();
            d.positions = p.positions();
            d.step = p.stepArcsec();
            d.exposure = p.exposureSeconds();
            d.exposuresPerPosition = p.exposuresPerPosition();
            d.rasters = p.defaultRasters();
            d.yField = p.yFieldOfView();
            return d;
        }

        String getName() { return name; }
        void setName(String name) { this.name = name; }
        String getVariant() { return variant; }
        void setVariant(String variant) { this.variant = variant; }
        StudyCategory getCategory() { return category; }
        void setCategory(StudyCategory category) { this.category = category; }
        StudyType getType() { return type; }
        void setType(StudyType type) { this.type = type; }
        Double getSlit() { return slit; }
        void setSlit(Double slit) { this.slit = slit; }
        Integer getPositions() { return positions; }
        void setPositions(Integer positions) { this.positions = positions; }
        Double getStep() { return step; }
        void setStep(Double step) { this.step = step; }
        Double getExposure() { return exposure; }
        void setExposure(Double exposure) { this.exposure = exposure; }
        Integer getExposuresPerPosition() { return exposuresPerPosition; }
        void setExposuresPerPosition(Integer exposuresPerPosition) { this.exposuresPerPosition = exposuresPerPosition; }
        Integer getRasters() { return rasters; }
        void setRasters(Integer rasters) { this.rasters = rasters; }
        YFieldOfView getYField() { return yField; }
        void setYField(YFieldOfView yField) { this.yField = yField; }
    }
}
