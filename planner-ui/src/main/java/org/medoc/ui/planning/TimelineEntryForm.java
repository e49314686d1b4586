package org.medoc.ui.planning;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.medoc.archive.api.TimeParameters;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.timeline.TimelineEntry;
import org.medoc.planner.validation.Finding;
import org.medoc.ui.base.TextConverters;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run to place or the new state of the run selected: an approved study, its start (UTC, ISO 8601) and its rasters,
 * bound to an {@link Entry} by a {@link Binder}. The timeline rules' findings on the start ({@code startUtc}: T1
 * overlaps, T2 period bounds, T3 constraint windows...) are shown on the start field.
 */
class TimelineEntryForm extends HorizontalLayout {

    static final String START_EXAMPLE = "2026-12-15T06:00:00Z";

    final ComboBox<StudyDetail> study = new ComboBox<>("Study");
    final TextField start = new TextField("Start (UTC)");
    final IntegerField rasters = new IntegerField("Rasters");

    private final Binder<Entry> binder = new Binder<>();
    private final FindingFields findingFields = new FindingFields();

    TimelineEntryForm(List<StudyDetail> approvedStudies) {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        study.setId("timeline-study");
        study.setItems(approvedStudies);
        study.setItemLabelGenerator(s -> s.study().name());
        study.setWidth("28em");
        start.setId("timeline-start");
        start.setPlaceholder(START_EXAMPLE);
        rasters.setId("timeline-rasters");

        binder.forField(study).asRequired("Choose an approved study").bind(Entry::getStudy, Entry::setStudy);
        binder.forField(start).asRequired("Give the start in UTC, e.g. " + START_EXAMPLE)
                .withConverter(TextConverters.parsed(text -> TimeParameters.start("start", text),
                        instant -> instant == null ? "" : instant.toString()))
                .bind(Entry::getStart, Entry::setStart);
        binder.forField(rasters).asRequired("Give the number of rasters").withValidator(n -> n >= 1, "At least one raster")
                .bind(Entry::getRasters, Entry::setRasters);
        findingFields.put("startUtc", start);
        binder.readBean(new Entry());
        add(study, start, rasters);
    }

    /** Fills the form from a run of the timeline: its study (if still among the approved ones), start and rasters. */
    void fill(TimelineEntry run) {
        Entry entry = new Entry();
        entry.setStudy(study.getListDataView().getItems().filter(s -> s.study().id() == run.studyId()).findFirst().orElse(null));
        entry.setStart(run.start());
        entry.setRasters(run.rasters());
        binder.readBean(entry);
    }

    /** The entry as the form states it, or nothing (each field at fault then says why). */
    Optional<Entry> read() {
        Entry entry = new Entry();
        return binder.writeBeanIfValid(entry) ? Optional.of(entry) : Optional.empty();
    }

    /** Shows a run's rule findings on the fields at fault (the start). */
    void showFindings(List<Finding> findings) {
        findingFields.show(findings);
    }

    /** The form's bean: a new run has one raster and no study or start yet. */
    static final class Entry {
        private StudyDetail study;
        private Instant start;
        private Integer rasters = 1;

        long studyId() { return study.study().id(); }
        StudyDetail getStudy() { return study; }
        void setStudy(StudyDetail study) { this.study = study; }
        Instant getStart() { return start; }
        void setStart(Instant start) { this.start = start; }
        Integer getRasters() { return rasters; }
        void setRasters(Integer rasters) { this.rasters = rasters; }
    }
}
