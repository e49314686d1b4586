package org.medoc.ui.archive;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.registry.Registry;
import org.medoc.ui.base.Notices;
import org.medoc.ui.base.TextConverters;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The archive's search criteria, bound to a {@link Criteria} by a {@link Binder}: a UTC interval, mission, instrument
 * and detector (each list narrowed by the choice before it), wavelength and level. A query the catalogue refuses puts
 * its message on the field its parameter names.
 */
class ArchiveSearchForm extends HorizontalLayout {

    final DateTimePicker from = utcPicker("From (UTC)", "search-from");
    final DateTimePicker to = utcPicker("To (UTC)", "search-to");
    final ComboBox<Registry.Mission> mission = new ComboBox<>("Mission");
    final ComboBox<Registry.Instrument> instrument = new ComboBox<>("Instrument");
    final ComboBox<Registry.Detector> detector = new ComboBox<>("Detector");
    final NumberField wavelength = new NumberField("Wavelength");
    final TextField level = new TextField("Level");
    final Button search = new Button("Search", VaadinIcon.SEARCH.create());
    final Button clear = new Button("Clear");

    private final Registry registry;
    private final Binder<Criteria> binder = new Binder<>();

    ArchiveSearchForm(Registry registry, Runnable onSearch) {
        this.registry = registry;
        setId("search-form");
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.BASELINE);

        mission.setId("search-mission");
        mission.setItems(registry.missions());
        mission.setItemLabelGenerator(Registry.Mission::code);
        mission.setRenderer(new ComponentRenderer<>(m -> new Span(m.code() + " — " + m.name())));
        mission.setClearButtonVisible(true);
        mission.addValueChangeListener(change -> refreshInstruments());

        instrument.setId("search-instrument");
        instrument.setItemLabelGenerator(Registry.Instrument::code);
        instrument.setRenderer(new ComponentRenderer<>(i -> new Span(i.code() + " — " + i.name() + " (" + i.missionCode() + ")")));
        instrument.setClearButtonVisible(true);
        instrument.addValueChangeListener(change -> refreshDetectors());
        refreshInstruments();

        detector.setId("search-detector");
        detector.setItemLabelGenerator(Registry.Detector::qualifiedName);
        detector.setClearButtonVisible(true);
        refreshDetectors();

        wavelength.setId("search-wavelength");
        wavelength.setSuffixComponent(new Span("Å"));
        wavelength.setMin(0);
        wavelength.setClearButtonVisible(true);
        wavelength.setWidth("9em");
        wavelength.setHelperText("± 0.5 Å");

        level.setId("search-level");
        level.setPlaceholder("1, 1.5, L2…");
        level.setWidth("8em");
        level.setClearButtonVisible(true);

        binder.forField(from).bind(Criteria::getFrom, Criteria::setFrom);
        binder.forField(to).bind(Criteria::getTo, Criteria::setTo);
        binder.forField(mission).bind(Criteria::getMission, Criteria::setMission);
        binder.forField(instrument).bind(Criteria::getInstrument, Criteria::setInstrument);
        binder.forField(detector).bind(Criteria::getDetector, Criteria::setDetector);
        binder.forField(wavelength).withValidator(value -> value != null || wavelength.isEmpty(), "wavelength must be a number of ångström")
                .bind(Criteria::getWavelength, Criteria::setWavelength);
        binder.forField(level).withConverter(TextConverters.blankAsNull()).bind(Criteria::getLevel, Criteria::setLevel);
        binder.readBean(new Criteria());

        search.setId("search-button");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClickListener(click -> onSearch.run());
        clear.setId("search-clear");
        clear.addClickListener(click -> {
            binder.readBean(new Criteria());
            onSearch.run();
        });
        add(from, to, mission, instrument, detector, wavelength, level, search, clear);
    }

    /** The first page of the criteria's matches, or nothing when a field cannot be read or the criteria are refused. */
    Optional<ObservationQuery> query() {
        Criteria criteria = new Criteria();
        if (!binder.writeBeanIfValid(criteria)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObservationQuery(utc(criteria.getFrom()), utc(criteria.getTo()),
                    criteria.getMission() == null ? null : criteria.getMission().code(),
                    criteria.getInstrument() == null ? null : criteria.getInstrument().code(),
                    criteria.getDetector() == null ? null : criteria.getDetector().qualifiedName(),
                    criteria.getWavelength(), null, null, criteria.getLevel(), List.of(), null, 0, 1, null));
        } catch (InvalidQueryException refused) {
            showError(refused);
            return Optional.empty();
        }
    }

    /** Puts the message next to the field the parameter names, or in a notification when no field matches. */
    void showError(InvalidQueryException invalid) {
        HasValidation field = switch (invalid.parameter().toLowerCase(Locale.ROOT)) {
            case "from", "start" -> from;
            case "to", "end" -> to;
            case "wavelength", "wavelengthmin", "wavelengthmax" -> wavelength;
            case "level" -> level;
            case "mission" -> mission;
            case "instrument" -> instrument;
            case "detector" -> detector;
            default -> null;
        };
        if (field == null) {
            Notices.error(invalid.getMessage());
            return;
        }
        field.setErrorMessage(invalid.getMessage());
        field.setInvalid(true);
    }

    private void refreshInstruments() {
        Registry.Mission selected = mission.getValue();
        instrument.setItems(registry.instruments().stream()
                .filter(i -> selected == null || i.missionCode().equals(selected.code())).toList());
    }

    private void refreshDetectors() {
        Registry.Instrument selected = instrument.getValue();
        Registry.Mission selectedMission = mission.getValue();
        detector.setItems(registry.detectors().stream()
                .filter(d -> selected == null || d.instrumentCode().equals(selected.code()) && d.missionCode().equals(selected.missionCode()))
                .filter(d -> selectedMission == null || d.missionCode().equals(selectedMission.code()))
                .toList());
    }

    private static DateTimePicker utcPicker(String label, String id) {
        DateTimePicker picker = new DateTimePicker(label);
        picker.setId(id);
        // ISO dates and a 24-hour clock, whatever the browser's language: times in the archive are UTC
        picker.setLocale(Locale.UK);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        picker.setDatePickerI18n(i18n);
        picker.setDatePlaceholder("yyyy-mm-dd");
        picker.setTimePlaceholder("hh:mm");
        return picker;
    }

    private static java.time.Instant utc(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** The form's bean: the criteria as the fields hold them, none set for a new search. */
    static final class Criteria {
        private LocalDateTime from;
        private LocalDateTime to;
        private Registry.Mission mission;
        private Registry.Instrument instrument;
        private Registry.Detector detector;
        private Double wavelength;
        private String level;

        LocalDateTime getFrom() { return from; }
        void setFrom(LocalDateTime from) { this.from = from; }
        LocalDateTime getTo() { return to; }
        void setTo(LocalDateTime to) { this.to = to; }
        Registry.Mission getMission() { return mission; }
        void setMission(Registry.Mission mission) { this.mission = mission; }
        Registry.Instrument getInstrument() { return instrument; }
        void setInstrument(Registry.Instrument instrument) { this.instrument = instrument; }
        Registry.Detector getDetector() { return detector; }
        void setDetector(Registry.Detector detector) { this.detector = detector; }
        Double getWavelength() { return wavelength; }
        void setWavelength(Double wavelength) { this.wavelength = wavelength; }
        String getLevel() { return level; }
        void setLevel(String level) { this.level = level; }
    }
}
