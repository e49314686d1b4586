package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A period to create: its level and number, and for an MTP, VSTP or old LTP its start and end (an STP or an LTP from
 * LTP05 takes them from its number), bound by a {@link Binder}. The service's M1 findings go on the start or end.
 */
class PeriodCreateForm extends HorizontalLayout {

    final ComboBox<PeriodKind> kind = new ComboBox<>("New period", PeriodKind.values());
    final IntegerField number = new IntegerField("Number");
    final DateTimePicker start = new DateTimePicker("Start (UTC, MTP/VSTP/old LTP)");
    final DateTimePicker end = new DateTimePicker("End (UTC)");

    private final Binder<Draft> binder = new Binder<>();
    private final FindingFields findingFields = new FindingFields().put("start", start).put("end", end);

    PeriodCreateForm() {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        kind.setId("mission-new-kind");
        number.setId("mission-new-number");
        start.setId("mission-new-start");
        end.setId("mission-new-end");
        binder.forField(kind).asRequired("Choose the level of the period").bind(Draft::getKind, Draft::setKind);
        binder.forField(number).asRequired("Give the number of the period").bind(Draft::getNumber, Draft::setNumber);
        binder.forField(start).withConverter(PlanningText::fromPicker, PlanningText::toPicker).bind(Draft::getStart, Draft::setStart);
        binder.forField(end).withConverter(PlanningText::fromPicker, PlanningText::toPicker).bind(Draft::getEnd, Draft::setEnd);
        binder.readBean(new Draft());
        add(kind, number, start, end);
    }

    /** The period as the form states it, or nothing (each field at fault then says why). */
    Optional<PeriodService.PeriodInput> read() {
        Draft d = new Draft();
        return binder.writeBeanIfValid(d)
                ? Optional.of(new PeriodService.PeriodInput(d.kind, d.number, d.start, d.end, null, null, null, null))
                : Optional.empty();
    }

    void showFindings(List<Finding> findings) {
        findingFields.show(findings);
    }

    /** The form's bean: a new period is an STP. */
    static final class Draft {
        private PeriodKind kind = PeriodKind.STP;
        private Integer number;
        private Instant start;
        private Instant end;

        PeriodKind getKind() { return kind; }
        void setKind(PeriodKind kind) { this.kind = kind; }
        Integer getNumber() { return number; }
        void setNumber(Integer number) { this.number = number; }
        Instant getStart() { return start; }
        void setStart(Instant start) { this.start = start; }
        Instant getEnd() { return end; }
        void setEnd(Instant end) { this.end = end; }
    }
}
