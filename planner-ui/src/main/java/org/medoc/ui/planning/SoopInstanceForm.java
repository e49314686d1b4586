package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.validation.Finding;
import org.medoc.ui.base.TextConverters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A SOOP instance to record: which SOOP, its start and end (UTC) and notes, bound by a {@link Binder}. The service's
 * M1 findings (a start before the end) go on the start or end.
 */
class SoopInstanceForm extends HorizontalLayout {

    final ComboBox<PeriodService.Soop> soop = new ComboBox<>("SOOP");
    final DateTimePicker start = new DateTimePicker("Start (UTC)");
    final DateTimePicker end = new DateTimePicker("End (UTC)");
    final TextField notes = new TextField("Notes");

    private final Binder<Draft> binder = new Binder<>();
    private final FindingFields findingFields = new FindingFields().put("start", start).put("end", end);

    SoopInstanceForm() {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        soop.setId("mission-instance-soop");
        soop.setItemLabelGenerator(PeriodService.Soop::name);
        start.setId("mission-instance-start");
        end.setId("mission-instance-end");
        notes.setId("mission-instance-notes");
        binder.forField(soop).asRequired("Choose the SOOP").bind(Draft::getSoop, Draft::setSoop);
        binder.forField(start).withConverter(PlanningText::fromPicker, PlanningText::toPicker).bind(Draft::getStart, Draft::setStart);
        binder.forField(end).withConverter(PlanningText::fromPicker, PlanningText::toPicker).bind(Draft::getEnd, Draft::setEnd);
        binder.forField(notes).withConverter(TextConverters.blankAsNull()).bind(Draft::getNotes, Draft::setNotes);
        binder.readBean(new Draft());
        add(soop, start, end, notes);
    }

    /** Offers these SOOPs, keeping the one chosen if it is still among them. */
    void setSoops(List<PeriodService.Soop> soops, PeriodService.Soop chosen) {
        soop.setItems(soops);
        soop.setValue(chosen == null ? null : soops.stream().filter(s -> s.id() == chosen.id()).findFirst().orElse(null));
    }

    /** The instance as the form states it, or nothing (each field at fault then says why). */
    Optional<Draft> read() {
        Draft d = new Draft();
        return binder.writeBeanIfValid(d) ? Optional.of(d) : Optional.empty();
    }

    void showFindings(List<Finding> findings) {
        findingFields.show(findings);
    }

    /** The form's bean. */
    static final class Draft {
        private PeriodService.Soop soop;
        private Instant start;
        private Instant end;
        private String notes;

        PeriodService.Soop getSoop() { return soop; }
        void setSoop(PeriodService.Soop soop) { this.soop = soop; }
        Instant getStart() { return start; }
        void setStart(Instant start) { this.start = start; }
        Instant getEnd() { return end; }
        void setEnd(Instant end) { this.end = end; }
        String getNotes() { return notes; }
        void setNotes(String notes) { this.notes = notes; }
    }
}
