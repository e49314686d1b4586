package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.period.ConstraintEffect;
import org.medoc.planner.validation.Finding;
import org.medoc.ui.base.TextConverters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A constraint window to add: source, type, effect (none: the type's default, chosen by the service), start and end
 * (UTC) and description, bound by a {@link Binder}. The service's M1/M2 findings go on the field they name.
 */
class ConstraintWindowForm extends HorizontalLayout {

    final ComboBox<String> source = new ComboBox<>("Source", "MANUAL", "E_FECS", "SOC_LTP", "SOHO_SPWG");
    final TextField type = new TextField("Type");
    final ComboBox<ConstraintEffect> effect = new ComboBox<>("Effect", ConstraintEffect.values());
    final DateTimePicker start = new DateTimePicker("Start (UTC)");
    final DateTimePicker end = new DateTimePicker("End (UTC)");
    final TextField description = new TextField("Description");

    private final Binder<Draft> binder = new Binder<>();
    private final FindingFields findingFields = new FindingFields().put("source", source).put("type", type).put("start", start)
            .put("end", end);

    ConstraintWindowForm() {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        source.setId("mission-constraint-source");
        type.setId("mission-constraint-type");
        effect.setId("mission-constraint-effect");
        effect.setPlaceholder("default for the type");
        start.setId("mission-constraint-start");
        end.setId("mission-constraint-end");
        description.setId("mission-constraint-description");
        binder.forField(source).bind(Draft::getSource, Draft::setSource);
        binder.forField(type).withConverter(TextConverters.blankAsNull()).bind(Draft::getType, Draft::setType);
        binder.forField(effect).bind(Draft::getEffect, Draft::setEffect);
        binder.forField(start).withConverter(PlanningText::fromPicker, PlanningText::toPicker).bind(Draft::getStart, Draft::setStart);
        binder.forField(end).withConverter(PlanningText::fromPicker, PlanningText::toPicker).bind(Draft::getEnd, Draft::setEnd);
        binder.forField(description).withConverter(TextConverters.blankAsNull()).bind(Draft::getDescription, Draft::setDescription);
        binder.readBean(new Draft());
        add(source, type, effect, start, end, description);
    }

    /** The window as the form states it, or nothing (each field at fault then says why). */
    Optional<Draft> read() {
        Draft d = new Draft();
        return binder.writeBeanIfValid(d) ? Optional.of(d) : Optional.empty();
    }

    void showFindings(List<Finding> findings) {
        findingFields.show(findings);
    }

    /** The form's bean: a new window is entered by hand (MANUAL) with the type's default effect. */
    static final class Draft {
        private String source = "MANUAL";
        private String type;
        private ConstraintEffect effect;
        private Instant start;
        private Instant end;
        private String description;

        String getSource() { return source; }
        void setSource(String source) { this.source = source; }
        String getType() { return type; }
        void setType(String type) { this.type = type; }
        ConstraintEffect getEffect() { return effect; }
        void setEffect(ConstraintEffect effect) { this.effect = effect; }
        Instant getStart() { return start; }
        void setStart(Instant start) { this.start = start; }
        Instant getEnd() { return end; }
        void setEnd(Instant end) { this.end = end; }
        String getDescription() { return description; }
        void setDescription(String description) { this.description = description; }
    }
}
