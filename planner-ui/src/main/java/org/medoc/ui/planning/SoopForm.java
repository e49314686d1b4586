package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.ui.base.TextConverters;

import java.util.Optional;

/** A SOOP definition to create: name, FITS code, pointing requirement and default duration, bound by a {@link Binder}. */
class SoopForm extends HorizontalLayout {

    /** The pointing requirements a SOOP may state. */
    static final String[] POINTINGS = {"DISK_CENTRE", "OFFPOINT", "TRACKING", "LIMB", "ANY"};

    final TextField name = new TextField("New SOOP name");
    final TextField code = new TextField("FITS code");
    final ComboBox<String> pointing = new ComboBox<>("Pointing", POINTINGS);
    final NumberField hours = new NumberField("Default hours");

    private final Binder<Draft> binder = new Binder<>();

    SoopForm() {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        name.setId("mission-soop-name");
        code.setId("mission-soop-code");
        pointing.setId("mission-soop-pointing");
        hours.setId("mission-soop-hours");
        binder.forField(name).withConverter(TextConverters.blankAsNull()).asRequired("Give the SOOP's name")
                .bind(Draft::getName, Draft::setName);
        binder.forField(code).withConverter(TextConverters.blankAsNull()).bind(Draft::getCode, Draft::setCode);
        binder.forField(pointing).asRequired("Choose the pointing (ANY if none)").bind(Draft::getPointing, Draft::setPointing);
        binder.forField(hours).withValidator(h -> h == null || h > 0, "A default duration is more than 0 h")
                .bind(Draft::getHours, Draft::setHours);
        binder.readBean(new Draft());
        add(name, code, pointing, hours);
    }

    /** The SOOP as the form states it, or nothing (each field at fault then says why). */
    Optional<Draft> read() {
        Draft d = new Draft();
        return binder.writeBeanIfValid(d) ? Optional.of(d) : Optional.empty();
    }

    /** The form's bean: a new SOOP has no pointing requirement (ANY). */
    static final class Draft {
        private String name;
        private String code;
        private String pointing = "ANY";
        private Double hours;

        String getName() { return name; }
        void setName(String name) { this.name = name; }
        String getCode() { return code; }
        void setCode(String code) { this.code = code; }
        String getPointing() { return pointing; }
        void setPointing(String pointing) { this.pointing = pointing; }
        Double getHours() { return hours; }
        void setHours(Double hours) { this.hours = hours; }
    }
}
