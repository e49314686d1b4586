package org.medoc.ui.planning;

import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.instrument.DetectorBand;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;


/**
 * The SPICE instrument configuration the estimator and rules use: limits and overheads (administrators edit them,
 * under optimistic locking), detectors, slits and the spectral line list (read-only).
 */
@Route("planning/instrument")
@PageTitle("Instrument configuration · medoc")
@PermitAll
public class InstrumentView extends VerticalLayout {

    private final InstrumentConfigurationService configurations;
    private final Grid<InstrumentConfigurationService.Parameter> parameters = new Grid<>();

    public InstrumentView(InstrumentConfigurationService configurations, AuthenticationContext authentication) {
        this.configurations = configurations;
        boolean admin = authentication.hasRole("ADMIN");
        setId("instrument-view");
        parameters.setId("instrument-parameters");
        parameters.addColumn(InstrumentConfigurationService.Parameter::name).setHeader("Parameter").setAutoWidth(true);
        parameters.addColumn(p -> Formats.plain(p.value())).setHeader("Value").setAutoWidth(true);
        parameters.addColumn(p -> p.unit() == null ? "" : p.unit()).setHeader("Unit").setAutoWidth(true);
        parameters.addColumn(p -> p.description() == null ? "" : p.description()).setHeader("Description").setFlexGrow(1);
        parameters.setHeight("320px");
        NumberField value = new NumberField("New value");
        value.setId("instrument-value");
        parameters.asSingleSelect().addValueChangeListener(e -> value.setValue(e.getValue() == null ? null : e.getValue().value()));
        Button save = new Button("Save selected", click -> parameters.getSelectedItems().stream().findFirst().ifPresent(p -> {
            if (value.getValue() == null) {
                Notices.error("Give the new value");
                return;
            }
            if (Notices.attempt(() -> configurations.updateParameter(p.name(), value.getValue(), p.lockVersion()), this::reload)) {
                Notices.success(p.name() + " = " + value.getValue());
                reload();
            }
        }));
        save.setId("instrument-save");
        HorizontalLayout edit = new HorizontalLayout(value, save);
        edit.setAlignItems(Alignment.BASELINE);
        edit.setVisible(admin);

        InstrumentConfiguration configuration = configurations.load();
        Grid<DetectorBand> detectors = new Grid<>();
        detectors.addColumn(DetectorBand::code).setHeader("Detector").setAutoWidth(true);
        detectors.addColumn(DetectorBand::name).setHeader("Name").setAutoWidth(true);
        detectors.addColumn(d -> d.rowsPx() + " × " + d.columnsPx()).setHeader("Pixels").setAutoWidth(true);
        detectors.addColumn(d -> Formats.decimals(d.bandMinNm(), 2) + "–" + Formats.decimals(d.bandMaxNm(), 2) + " nm").setHeader("Band").setAutoWidth(true);
        detectors.setItems(configuration.detectors());
        detectors.setAllRowsVisible(true);
        Grid<org.medoc.planner.instrument.SlitSpec> slits = new Grid<>();
        slits.addColumn(s -> s.widthArcsec() + "″").setHeader("Slit width").setAutoWidth(true);
        slits.addColumn(s -> s.slitId() == null ? "" : s.slitId().toString()).setHeader("Slit ID").setAutoWidth(true);
        slits.addColumn(s -> s.lengthArcsec() + "″").setHeader("Length").setAutoWidth(true);
        slits.addColumn(s -> s.narrow() ? "narrow" : "wide").setHeader("Kind").setAutoWidth(true);
        slits.setItems(configuration.slits());
        slits.setAllRowsVisible(true);
        Grid<InstrumentConfigurationService.SpectralLine> lines = new Grid<>();
        lines.setId("instrument-lines");
        lines.addColumn(InstrumentConfigurationService.SpectralLine::label).setHeader("Line").setAutoWidth(true);
        lines.addColumn(InstrumentConfigurationService.SpectralLine::detector).setHeader("Detector").setAutoWidth(true);
        lines.addColumn(InstrumentConfigurationService.SpectralLine::diffractionOrder).setHeader("Order").setAutoWidth(true);
        lines.addColumn(l -> l.source() == null ? "" : l.source()).setHeader("Source").setAutoWidth(true);
        lines.setItems(configurations.lines());
        lines.setHeight("260px");

        add(new H2("Instrument configuration"), new Span(admin ? "You may change the limits and overheads."
                : "Read-only: administrators change the limits and overheads."), parameters, edit,
                new H3("Detectors"), detectors, new H3("Slits"), slits, new H3("Spectral lines"), lines);
        reload();
    }

    private void reload() {
        parameters.setItems(configurations.parameters());
    }
}
