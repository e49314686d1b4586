package org.medoc.ui.golf;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImportReport;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.hk.HkParameter;
import org.medoc.ops.golf.hk.HkPlotService;
import org.medoc.ops.golf.hk.LimitVersion;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.hk.PlotSeries;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * GOLF housekeeping: plots of several parameters on one time axis (min/max bins from the server, limits, alarms;
 * zoom, pan, PNG and CSV export), imports with a progress bar, and the parameter catalogue with its versioned limits.
 */
@Route("golf/hk")
@PageTitle("GOLF housekeeping · medoc")
@RolesAllowed({"GOLF_OPERATOR", "ADMIN"})
public class GolfHkView extends VerticalLayout {

    /** The parameter being edited, bound field by field. */
    static final class ParameterBean {
        String mnemonic = "";
        String description = "";
        HkParameter.Subsystem subsystem;
        String unit = "";
        String polynomial = "";
        Integer lockVersion;
    }

    final GolfHeader header;
    final MultiSelectComboBox<String> plotted = new MultiSelectComboBox<>("Parameters");
    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker to = new DateTimePicker("To (UTC)");
    final Button plot = new Button("Plot");
    final Button earlier = new Button("◀ Earlier");
    final Button later = new Button("Later ▶");
    final Button zoomIn = new Button("Zoom in");
    final Button zoomOut = new Button("Zoom out");
    final Button png = new Button("PNG");
    final Div plotArea = new Div();
    final Div csvLinks = new Div();
    final Span importStatus = new Span();
    final ProgressBar progress = new ProgressBar();
    final Grid<HkParameter> parameters = new Grid<>(HkParameter.class, false);
    final TextField mnemonic = new TextField("Mnemonic");
    final TextField description = new TextField("Description");
    final ComboBox<HkParameter.Subsystem> subsystem = new ComboBox<>("Subsystem", HkParameter.Subsystem.values());
    final TextField unit = new TextField("Unit");
    final TextField polynomial = new TextField("Calibration coefficients c0, c1, …");
    final Button save = new Button("Save parameter");
    final Binder<ParameterBean> binder = new Binder<>();
    final DateTimePicker limitsFrom = new DateTimePicker("In force from (UTC)");
    final NumberField[] bounds = {new NumberField("Watch low"), new NumberField("Watch high"), new NumberField("Warning low"),
            new NumberField("Warning high"), new NumberField("Critical low"), new NumberField("Critical high")};
    final TextField limitsReason = new TextField("Why");
    final Button addLimits = new Button("Add limit version");
    final Grid<LimitVersion> limitHistory = new Grid<>(LimitVersion.class, false);

    private final transient HkCatalogueService catalogue;
    private final transient HkPlotService plots;
    private ParameterBean editing = new ParameterBean();

    public GolfHkView(HkCatalogueService catalogue, HkPlotService plots, HkImporter importer, AlarmService alarms) {
        this.catalogue = catalogue;
        this.plots = plots;
        header = new GolfHeader(alarms);
        plotted.setId("golf-plot-parameters");
        from.setId("golf-plot-from");
        to.setId("golf-plot-to");
        plot.setId("golf-plot");
        plotArea.setId("golf-plot-area");
        png.setId("golf-plot-png");
        csvLinks.setId("golf-plot-csv");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        from.setValue(LocalDateTime.ofInstant(now.minus(Duration.ofDays(7)), ZoneOffset.UTC));
        to.setValue(LocalDateTime.ofInstant(now.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        plot.addClickListener(e -> replot());
        earlier.addClickListener(e -> shift(-0.5));
        later.addClickListener(e -> shift(0.5));
        zoomIn.addClickListener(e -> zoom(0.5));
        zoomOut.addClickListener(e -> zoom(2));
        // the SVG is drawn on a canvas in the browser and saved: no server round trip, no extra library
        png.addClickListener(e -> getElement().executeJs("""
                const svg = document.getElementById('golf-plot-svg'); if (!svg) return;
                const image = new Image(); const canvas = document.createElement('canvas');
                canvas.width = svg.width.baseVal.value; canvas.height = svg.height.baseVal.value;
                image.onload = () => { const c = canvas.getContext('2d'); c.fillStyle = '#fff'; c.fillRect(0, 0, canvas.width, canvas.height);
                  c.drawImage(image, 0, 0); const a = document.createElement('a'); a.download = 'golf-hk.png';
                  a.href = canvas.toDataURL('image/png'); a.click(); };
                image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));"""));

        Upload upload = new Upload(new ImportHandler(importer));
        upload.setId("golf-hk-upload");
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setDropLabel(new Span("Drop HK files here (CSV, or FITS binary table)"));
        importStatus.setId("golf-hk-import-status");
        progress.setIndeterminate(true);
        progress.setVisible(false);

        configureCatalogue();
        add(header, new H2("GOLF housekeeping"),
                new HorizontalLayout(plotted, from, to, plot),
                new HorizontalLayout(earlier, zoomIn, zoomOut, later, png, csvLinks), plotArea,
                new H3("Import"), upload, progress, importStatus,
                new H3("Parameters"), parameters,
                new HorizontalLayout(mnemonic, description, subsystem, unit, polynomial, save),
                new H3("Limits of the selected parameter"), limitHistory,
                new HorizontalLayout(limitsFrom, bounds[0], bounds[1], bounds[2]),
                new HorizontalLayout(bounds[3], bounds[4], bounds[5], limitsReason, addLimits));
        refreshCatalogue();
        replot();
    }

    private void configureCatalogue() {
        parameters.setId("golf-hk-parameters");
        parameters.addThemeVariants(GridVariant.LUMO_COMPACT);
        parameters.addColumn(HkParameter::mnemonic).setHeader("Mnemonic").setAutoWidth(true);
        parameters.addColumn(HkParameter::subsystem).setHeader("Subsystem").setAutoWidth(true);
        parameters.addColumn(HkParameter::unit).setHeader("Unit").setAutoWidth(true);
        parameters.addColumn(p -> p.calibration().describe()).setHeader("Calibration").setAutoWidth(true);
        parameters.addColumn(HkParameter::description).setHeader("Description").setFlexGrow(1);
        parameters.setAllRowsVisible(true);
        parameters.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        mnemonic.setId("golf-hk-mnemonic");
        subsystem.setId("golf-hk-subsystem");
        polynomial.setId("golf-hk-polynomial");
        save.setId("golf-hk-save");
        binder.forField(mnemonic).asRequired("Give the mnemonic")
                .withValidator(m -> m.matches("[A-Z][A-Z0-9_]{0,31}"), "Capitals, digits and underscores, starting with a letter")
                .bind(b -> b.mnemonic, (b, v) -> b.mnemonic = v);
        binder.forField(description).bind(b -> b.description, (b, v) -> b.description = v);
        binder.forField(subsystem).asRequired("Choose the subsystem").bind(b -> b.subsystem, (b, v) -> b.subsystem = v);
        binder.forField(unit).bind(b -> b.unit, (b, v) -> b.unit = v);
        binder.forField(polynomial).withValidator(text -> text.isBlank() || coefficients(text) != null,
                "Numbers separated by commas, c0 first").bind(b -> b.polynomial, (b, v) -> b.polynomial = v);
        binder.setBean(editing);
        save.addClickListener(e -> saveParameter());
        limitsFrom.setId("golf-hk-limits-from");
        limitsReason.setId("golf-hk-limits-reason");
        addLimits.setId("golf-hk-add-limits");
        addLimits.addClickListener(e -> addLimitVersion());
        limitHistory.setId("golf-hk-limit-history");
        limitHistory.addColumn(v -> Formats.dateTime(v.validFrom())).setHeader("From (UTC)").setAutoWidth(true);
        limitHistory.addColumn(v -> range(v.limits().warningLow(), v.limits().warningHigh())).setHeader("Warning").setAutoWidth(true);
        limitHistory.addColumn(v -> range(v.limits().criticalLow(), v.limits().criticalHigh())).setHeader("Critical").setAutoWidth(true);
        limitHistory.addColumn(LimitVersion::changedBy).setHeader("By").setAutoWidth(true);
        limitHistory.addColumn(LimitVersion::reason).setHeader("Why").setFlexGrow(1);
        limitHistory.setAllRowsVisible(true);
    }

    private static String range(Double low, Double high) {
        return (low == null ? "−∞" : Formats.plain(low)) + " … " + (high == null ? "+∞" : Formats.plain(high));
    }

    static List<Double> coefficients(String text) {
        try {
            return Arrays.stream(text.split(",")).map(String::strip).map(Double::valueOf).toList();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void edit(HkParameter parameter) {
        editing = new ParameterBean();
        if (parameter != null) {
            editing.mnemonic = parameter.mnemonic();
            editing.description = parameter.description();
            editing.subsystem = parameter.subsystem();
            editing.unit = parameter.unit();
            editing.polynomial = parameter.calibration().type() == Calibration.Type.POLYNOMIAL
                    ? String.join(", ", parameter.calibration().coefficients().stream().map(String::valueOf).toList()) : "";
            editing.lockVersion = parameter.lockVersion();
            limitHistory.setItems(catalogue.limits(parameter.mnemonic()).versions());
        } else {
            limitHistory.setItems(List.of());
        }
        mnemonic.setReadOnly(parameter != null);
        binder.setBean(editing);
    }

    void saveParameter() {
        if (!binder.validate().isOk()) {
            return;
        }
        Calibration calibration = editing.polynomial.isBlank() ? Calibration.IDENTITY
                : new Calibration(Calibration.Type.POLYNOMIAL, coefficients(editing.polynomial), List.of());
        HkCatalogueService.ParameterInput input = new HkCatalogueService.ParameterInput(editing.mnemonic, editing.description,
                editing.subsystem, editing.unit, calibration, null);
        if (GolfActions.attempt(() -> {
            if (editing.lockVersion == null) {
                catalogue.create(input);
            } else {
                catalogue.update(editing.mnemonic, editing.lockVersion, input);
            }
        })) {
            Notices.success("Parameter " + editing.mnemonic + " saved");
            refreshCatalogue();
        }
    }

    void addLimitVersion() {
        HkParameter parameter = parameters.asSingleSelect().getValue();
        if (parameter == null) {
            Notices.hint("Select a parameter first");
            return;
        }
        if (limitsFrom.getValue() == null) {
            limitsFrom.setInvalid(true);
            limitsFrom.setErrorMessage("Say from when the limits are in force");
            return;
        }
        Limits limits = new Limits(bounds[0].getValue(), bounds[1].getValue(), bounds[2].getValue(), bounds[3].getValue(),
                bounds[4].getValue(), bounds[5].getValue());
        if (GolfActions.attempt(() -> catalogue.setLimits(parameter.mnemonic(), limitsFrom.getValue().toInstant(ZoneOffset.UTC), limits, GolfActions.user(),
                limitsReason.getValue()))) {
            Notices.success("New limits of " + parameter.mnemonic() + " recorded");
            limitHistory.setItems(catalogue.limits(parameter.mnemonic()).versions());
            replot();
        }
    }

    private void refreshCatalogue() {
        List<HkParameter> all = catalogue.list();
        parameters.setItems(all);
        plotted.setItems(all.stream().map(HkParameter::mnemonic).toList());
        if (plotted.getValue().isEmpty() && !all.isEmpty()) {
            plotted.setValue(all.getFirst().mnemonic());
        }
    }

    private void shift(double fraction) {
        range(fraction, 1);
    }

    private void zoom(double factor) {
        range(0, factor);
    }

    /** Moves the range by {@code shift} of its length and scales it about its centre by {@code factor}, then replots. */
    private void range(double shift, double factor) {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        Instant start = from.getValue().toInstant(ZoneOffset.UTC);
        Instant end = to.getValue().toInstant(ZoneOffset.UTC);
        long length = Duration.between(start, end).toSeconds();
        long centre = start.getEpochSecond() + length / 2 + (long) (shift * length);
        long half = Math.max(60, (long) (length * factor / 2));
        from.setValue(LocalDateTime.ofEpochSecond(centre - half, 0, ZoneOffset.UTC));
        to.setValue(LocalDateTime.ofEpochSecond(centre + half, 0, ZoneOffset.UTC));
        replot();
    }

    void replot() {
        plotArea.removeAll();
        csvLinks.removeAll();
        if (from.getValue() == null || to.getValue() == null || !from.getValue().isBefore(to.getValue())) {
            Notices.hint("Choose a range whose start is before its end");
            return;
        }
        Instant start = from.getValue().toInstant(ZoneOffset.UTC);
        Instant end = to.getValue().toInstant(ZoneOffset.UTC);
        List<PlotSeries> panels = new ArrayList<>();
        for (String name : plotted.getSelectedItems().stream().sorted().toList()) {
            panels.add(plots.series(name, start, end, GolfPlotSvg.bins()));
            Anchor csv = new Anchor("api/v1/ops/golf/hk/" + name + "/samples.csv?from=" + start + "&to=" + end, "CSV " + name);
            csv.setRouterIgnore(true);
            csv.getElement().setAttribute("download", name + ".csv");
            csv.getStyle().set("margin-right", "0.5em");
            csvLinks.add(csv);
        }
        plotArea.add(new Html("<div>" + GolfPlotSvg.render(panels) + "</div>"));
    }



    void showImport(HkImportReport report) {
        progress.setVisible(false);
        importStatus.setText(report.summary());
        header.refresh();
        replot();
    }

    void showRejected(String message) {
        progress.setVisible(false);
        importStatus.setText("Rejected: " + message);
        Notices.error(message);
    }

    /**
     * Streams the upload straight into the import (no temporary file, constant memory) on the upload's own thread,
     * so that the UI stays responsive; progress and the outcome reach the view through {@link UI#access}.
     */
    private final class ImportHandler implements UploadHandler {

        private final transient HkImporter importer;

        ImportHandler(HkImporter importer) {
            this.importer = importer;
        }

        @Override
        public void handleUploadRequest(UploadEvent event) throws java.io.IOException {
            UI ui = event.getUI();
            String user = GolfActions.user();
            String name = event.getFileName();
            ui.access(() -> {
                progress.setVisible(true);
                importStatus.setText("Importing " + name + "…");
            });
            try (InputStream in = event.getInputStream()) {
                HkImportReport report = importer.importStream(in, name, HkImporter.Format.of(name), user,
                        read -> ui.access(() -> importStatus.setText(String.format(Locale.ROOT, "%s: %,d samples read…", name, read))));
                ui.access(() -> showImport(report));
            } catch (GolfRejectedException e) {
                ui.access(() -> showRejected(e.getMessage()));
            }
        }
    }
}
