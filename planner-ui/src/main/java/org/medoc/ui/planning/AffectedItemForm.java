package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.icn.IcnDetail;

import java.util.Optional;

/** An item an ICN affects (a study, a study set or a period, by its id), bound by a {@link Binder}. */
class AffectedItemForm extends HorizontalLayout {

    final ComboBox<String> kind = new ComboBox<>("Affects", "STUDY", "STUDY_SET", "PERIOD");
    final IntegerField id = new IntegerField("Item ID");

    private final Binder<Draft> binder = new Binder<>();

    AffectedItemForm() {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        kind.setId("icn-affected-kind");
        id.setId("icn-affected-id");
        binder.forField(kind).asRequired("Choose what the ICN affects").bind(Draft::getKind, Draft::setKind);
        binder.forField(id).asRequired("Give the item's ID").withValidator(n -> n > 0, "An ID is a positive number")
                .bind(Draft::getId, Draft::setId);
        binder.readBean(new Draft());
        add(kind, id);
    }

    /** The item as the form states it, or nothing (each field at fault then says why). */
    Optional<IcnDetail.AffectedItem> read() {
        Draft d = new Draft();
        return binder.writeBeanIfValid(d) ? Optional.of(new IcnDetail.AffectedItem(d.getKind(), d.getId())) : Optional.empty();
    }

    /** The form's bean: study sets are what ICNs most often affect. */
    static final class Draft {
        private String kind = "STUDY_SET";
        private Integer id;

        String getKind() { return kind; }
        void setKind(String kind) { this.kind = kind; }
        Integer getId() { return id; }
        void setId(Integer id) { this.id = id; }
    }
}
