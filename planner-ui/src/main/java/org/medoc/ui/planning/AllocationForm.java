package org.medoc.ui.planning;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.validation.Finding;

import java.util.List;
import java.util.Optional;

/**
 * SPICE's telemetry allocation for a period, typed in Mbit and read in bits, bound by a {@link Binder}. The service's
 * M3 finding (not negative) goes on the field.
 */
class AllocationForm extends HorizontalLayout {

    private static final double BITS_PER_MEGABIT = 1e6;

    final NumberField megabits = new NumberField("Allocation (Mbit)");

    private final Binder<Draft> binder = new Binder<>();
    private final FindingFields findingFields = new FindingFields().put("allocatedBits", megabits);

    AllocationForm() {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        megabits.setId("mission-allocation-mbit");
        binder.forField(megabits).asRequired("Give the allocation in Mbit").bind(Draft::getMegabits, Draft::setMegabits);
        binder.readBean(new Draft());
        add(megabits);
    }

    /** The allocation in bits as the form states it, or nothing (the field then says why). */
    Optional<Long> bits() {
        Draft d = new Draft();
        return binder.writeBeanIfValid(d) ? Optional.of(Math.round(d.getMegabits() * BITS_PER_MEGABIT)) : Optional.empty();
    }

    void showFindings(List<Finding> findings) {
        findingFields.show(findings);
    }

    /** The form's bean. */
    static final class Draft {
        private Double megabits;

        Double getMegabits() { return megabits; }
        void setMegabits(Double megabits) { this.megabits = megabits; }
    }
}
