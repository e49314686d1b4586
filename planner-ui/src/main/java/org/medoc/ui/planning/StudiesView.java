package org.medoc.ui.planning;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.medoc.planner.instrument.DetectorBand;
import org.medoc.planner.instrument.InstrumentConfiguration;
import org.medoc.planner.instrument.InstrumentConfigurationService;
import org.medoc.planner.study.ReadMode;
import org.medoc.planner.study.SpectralWindow;
import org.medoc.planner.study.StudyCategory;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyNaming;
import org.medoc.planner.study.StudyParameters;
import org.medoc.planner.study.StudyPurpose;
import org.medoc.planner.study.StudyService;
import org.medoc.planner.study.StudyType;
import org.medoc.planner.study.WindowKind;
import org.medoc.planner.study.YFieldOfView;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningConflictException;
import org.medoc.planner.validation.PlanningRejectedException;
import org.medoc.planner.validation.Severity;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study generator: MISO's studies table (ID, Name, Type, Creation date, slit, XFOV start/width/stop, YFOV, ...)
 * and an editor whose duration, volume and rate are recomputed on every change, with each rule finding shown next to
 * the field at fault. Planners save, approve and clone; everybody else reads.
 */
@Route("planning/studies")
@PageTitle("Study Generator · medoc")
@PermitAll
public class StudiesView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final StudyService studies;
    private final InstrumentConfigurationService configurations;
    private final boolean planner;
    private final String user;

    private final Grid<StudyDetail> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final TextField variant = new TextField("Mode variant");
    private final ComboBox<StudyCategory> category = new ComboBox<>("Type");
    private final ComboBox<StudyType> type = new ComboBox<>("Acquisition");
    private final ComboBox<Double> slit = new ComboBox<>("Slit [arcsec]");
    private final IntegerField positions = new IntegerField("Raster positions");
    private final NumberField step = new NumberField("Step [arcsec]");
    private final NumberField exposure = new NumberField("Exposure [s]");
    private final IntegerField exposuresPerPosition = new IntegerField("Exposures per position");
    private final IntegerField rasters = new IntegerField("Rasters");
    private final ComboBox<YFieldOfView> yField = new ComboBox<>("Y field of view");
    private final ComboBox<InstrumentConfigurationService.SpectralLine> line = new ComboBox<>("Spectral line");
    private final IntegerField windowWidth = new IntegerField("Window width [px]");
    private final ComboBox<WindowKind> windowKind = new ComboBox<>("Window kind");
    private final Grid<SpectralWindow> windowGrid = new Grid<>();
    private final Span estimate = new Span();
    private final Div findings = new Div();
    private final Span editing = new Span();
    private final List<SpectralWindow> windows = new ArrayList<>();
    private final Map<String, Component> fieldsByName = new LinkedHashMap<>();
    private StudyDetail current;

    public StudiesView(StudyService studies, InstrumentConfigurationService configurations, AuthenticationContext authentication) {
        this.studies = studies;
        this.configurations = configurations;
        this.planner = authentication.hasRole("PLANNER");
        this.user = authentication.getPrincipalName().orElse("unknown");
        setId("studies-view");
        setSizeFull();

        grid.setId("studies-grid");
        grid.addColumn(d -> d.study().id()).setHeader("ID").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(d -> d.study().name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(d -> d.study().parameters().category().label()).setHeader("Type").setAutoWidth(true);
        grid.addColumn(d -> DAY.format(d.study().createdAt())).setHeader("Creation date").setAutoWidth(true);
        grid.addColumn(d -> number(d.study().parameters().slitWidthArcsec())).setHeader("Slit").setAutoWidth(true);
        grid.addColumn(d -> number(d.study().parameters().xFovStartArcsec())).setHeader("XFOV start").setAutoWidth(true);
        grid.addColumn(d -> number(d.study().parameters().rasterWidthArcsec())).setHeader("XFOV width").setAutoWidth(true);
        grid.addColumn(d -> number(d.study().parameters().xFovStopArcsec())).setHeader("XFOV stop").setAutoWidth(true);
        grid.addColumn(d -> yLabel(d.study().parameters())).setHeader("YFOV").setAutoWidth(true);
        grid.addColumn(d -> String.format(Locale.ROOT, "%.0f s", d.estimate().durationSeconds())).setHeader("Duration").setAutoWidth(true);
        grid.addColumn(d -> String.format(Locale.ROOT, "%.1f kbit", d.estimate().compressedVolumeBits() / 1000.0)).setHeader("Volume").setAutoWidth(true);
        grid.addColumn(d -> d.study().status() + " v" + d.study().revision()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(d -> d.study().misoId() == null ? "" : d.study().misoId().toString()).setHeader("MISOSTUD").setAutoWidth(true);
        grid.setHeight("320px");
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                load(event.getValue());
            }
        });

        category.setItems(StudyCategory.values());
        category.setItemLabelGenerator(StudyCategory::label);
        type.setItems(StudyType.values());
        type.setItemLabelGenerator(StudyType::fitsValue);
        InstrumentConfiguration configuration = configurations.load();
        slit.setItems(configuration.slits().stream().map(s -> s.widthArcsec()).toList());
        slit.setItemLabelGenerator(StudiesView::number);
        yField.setItems(YFieldOfView.values());
        line.setItems(configurations.lines());
        line.setItemLabelGenerator(InstrumentConfigurationService.SpectralLine::label);
        windowKind.setItems(WindowKind.PROFILE, WindowKind.INTENSITY);
        windowKind.setValue(WindowKind.PROFILE);
        windowWidth.setValue(32);
        setIds();

        Button addWindow = new Button("Add window", click -> addWindow());
        addWindow.setId("study-add-window");
        windowGrid.setId("study-windows");
        windowGrid.addColumn(SpectralWindow::name).setHeader("Window");
        windowGrid.addColumn(SpectralWindow::detector).setHeader("Detector");
        windowGrid.addColumn(w -> w.lambdaPxStart() + "-" + w.lambdaPxEnd()).setHeader("Pixels");
        windowGrid.addColumn(w -> w.kind().name()).setHeader("Kind");
        windowGrid.addComponentColumn(w -> new Button("Remove", click -> {
            windows.remove(w);
            refreshWindows();
        })).setHeader("");
        windowGrid.setHeight("180px");

        Button newStudy = new Button("New study", click -> clear());
        newStudy.setId("study-new");
        Button save = new Button("Save", click -> save());
        save.setId("study-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button approve = new Button("Approve", click -> approve());
        approve.setId("study-approve");
        Button cloneButton = new Button("Clone", click -> cloneCurrent());
        cloneButton.setId("study-clone");
        save.setEnabled(planner);
        approve.setEnabled(planner);
        cloneButton.setEnabled(planner);
        newStudy.setEnabled(planner);

        estimate.setId("study-estimate");
        findings.setId("study-findings");
        editing.setId("study-editing");
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(name, variant, category, type, slit, positions, step, exposure,
                exposuresPerPosition, rasters, yField)) {
            field.addValueChangeListener(event -> recompute());
        }
        HorizontalLayout row1 = new HorizontalLayout(variant, name, category, type);
        HorizontalLayout row2 = new HorizontalLayout(slit, positions, step, exposure, exposuresPerPosition, rasters, yField);
        HorizontalLayout row3 = new HorizontalLayout(line, windowWidth, windowKind, addWindow);
        row3.setAlignItems(Alignment.BASELINE);
        name.setWidth("28em");
        add(new H2("Study Generator"), grid, new H3("Study"), editing, row1, row2, row3, windowGrid, estimate, findings,
                new HorizontalLayout(newStudy, save, approve, cloneButton));
        refreshGrid();
        clear();
    }

    private void setIds() {
        name.setId("study-name");
        variant.setId("study-variant");
        category.setId("study-category");
        type.setId("study-type");
        slit.setId("study-slit");
        positions.setId("study-positions");
        step.setId("study-step");
        exposure.setId("study-exposure");
        exposuresPerPosition.setId("study-exposures-per-position");
        rasters.setId("study-rasters");
        yField.setId("study-yfov");
        line.setId("study-line");
        windowWidth.setId("study-window-width");
        windowKind.setId("study-window-kind");
        fieldsByName.put("name", name);
        fieldsByName.put("obsTypeCode", name);
        fieldsByName.put("slitWidthArcsec", slit);
        fieldsByName.put("positions", positions);
        fieldsByName.put("stepArcsec", step);
        fieldsByName.put("exposureSeconds", exposure);
        fieldsByName.put("exposuresPerPosition", exposuresPerPosition);
        fieldsByName.put("defaultRasters", rasters);
        fieldsByName.put("yStartPx", yField);
    }

    private void clear() {
        current = null;
        editing.setText("New study (unsaved)");
        windows.clear();
        name.clear();
        variant.clear();
        category.setValue(StudyCategory.SYNOPTIC);
        type.setValue(StudyType.RASTER);
        slit.setValue(4.0);
        positions.setValue(2);
        step.setValue(4.0);
        exposure.setValue(60.0);
        exposuresPerPosition.setValue(1);
        rasters.setValue(1);
        yField.setValue(YFieldOfView.FULL_FIELD);
        refreshWindows();
    }

    private void load(StudyDetail detail) {
        current = detail;
        StudyParameters p = detail.study().parameters();
        editing.setText("Study " + detail.study().id() + ", revision " + detail.study().revision() + ", " + detail.study().status()
                + (detail.study().status().editable() ? "" : " (saving creates a new revision)"));
        windows.clear();
        windows.addAll(p.windows());
        name.setValue(p.name());
        category.setValue(p.category());
        type.setValue(p.studyType());
        slit.setValue(p.slitWidthArcsec());
        positions.setValue(p.positions());
        step.setValue(p.stepArcsec());
        exposure.setValue(p.exposureSeconds());
        exposuresPerPosition.setValue(p.exposuresPerPosition());
        rasters.setValue(p.defaultRasters());
        yField.setValue(p.yFieldOfView());
        refreshWindows();
    }

    private void addWindow() {
        InstrumentConfigurationService.SpectralLine chosen = line.getValue();
        if (chosen == null) {
            Notification.show("Choose a spectral line first");
            return;
        }
        InstrumentConfiguration configuration = configurations.load();
        DetectorBand band = configuration.detector(chosen.detector()).orElseThrow();
        int width = windowWidth.getValue() == null ? 32 : windowWidth.getValue();
        int start = Math.max(band.indexFrom(), Math.min(band.indexTo() - width + 1, band.indexOf(chosen.wavelengthNm()) - width / 2));
        int[] rows = rows(configuration);
        windows.add(new SpectralWindow(chosen.label(), windowKind.getValue() == null ? WindowKind.PROFILE : windowKind.getValue(),
                band.code(), chosen.id(), start, start + width - 1, rows[0], rows[1], 1, 1, 2, 26, null));
        refreshWindows();
    }

    private void refreshWindows() {
        windowGrid.setItems(new ArrayList<>(windows));
        recompute();
    }

    private int[] rows(InstrumentConfiguration configuration) {
        if (yField.getValue() == YFieldOfView.FULL_DETECTOR) {
            return new int[] {1, 1024};
        }
        int start = (int) configuration.parameter(InstrumentConfiguration.FULL_FIELD_START);
        return new int[] {start, start + (int) configuration.parameter(InstrumentConfiguration.FULL_FIELD_HEIGHT) - 1};
    }

    private StudyParameters parameters() {
        InstrumentConfiguration configuration = configurations.load();
        int[] rows = current != null && yField.getValue() == YFieldOfView.CUSTOM
                ? new int[] {current.study().parameters().yStartPx(), current.study().parameters().yEndPx()} : rows(configuration);
        List<SpectralWindow> fitted = windows.stream().map(w -> new SpectralWindow(w.name(), w.kind(), w.detector(), w.lineId(),
                w.lambdaPxStart(), w.lambdaPxEnd(), Math.max(w.yStartPx(), rows[0]), Math.min(w.yEndPx(), rows[1]), w.binY(), w.binLambda(),
                w.compressionType(), w.compressionParam(), w.misoWindowId())).toList();
        StudyCategory studyCategory = category.getValue() == null ? StudyCategory.OTHER : category.getValue();
        boolean calibration = studyCategory == StudyCategory.DARK || studyCategory == StudyCategory.FULL_SPECTRUM;
        StudyParameters p = new StudyParameters(name.getValue() == null ? "" : name.getValue().trim(),
                current == null ? null : current.study().parameters().obsTypeCode(), studyCategory,
                type.getValue() == null ? StudyType.RASTER : type.getValue(), calibration ? StudyPurpose.CALIBRATION : StudyPurpose.SCIENCE,
                null, slit.getValue() == null ? 0 : slit.getValue(), value(positions, 1), step.getValue() == null ? 0 : step.getValue(), 0,
                yField.getValue() == null ? YFieldOfView.FULL_FIELD : yField.getValue(), rows[0], rows[1] - rows[0] + 1,
                exposure.getValue() == null ? 0 : exposure.getValue(), value(exposuresPerPosition, 1), value(rasters, 1),
                ReadMode.DESTRUCTIVE, false, 0, false, false, null, null, null, user, fitted);
        if (p.name().isBlank()) {
            p = p.withName(StudyNaming.propose(p, variant.getValue()));
        }
        return p;
    }

    private void recompute() {
        if (category == null || windowGrid == null) {
            return;
        }
        StudyParameters p = parameters();
        StudyService.StudyPreview preview = studies.preview(p, current == null ? null : current.study().lineageId());
        name.setPlaceholder(preview.proposedName());
        estimate.setText(String.format(Locale.ROOT, "Duration %.0f s (%.2f h) · raw %.1f kbit · telemetry %.1f kbit · rate %.2f kbit/s",
                preview.estimate().durationSeconds(), preview.estimate().durationSeconds() / 3600, preview.estimate().rawVolumeBits() / 1000.0,
                preview.estimate().compressedVolumeBits() / 1000.0, preview.estimate().telemetryRateBitsPerSecond() / 1000));
        showFindings(preview.findings());
    }

    private void showFindings(List<Finding> list) {
        findings.removeAll();
        fieldsByName.values().forEach(component -> {
            if (component instanceof com.vaadin.flow.component.HasValidation validation) {
                validation.setInvalid(false);
                validation.setErrorMessage(null);
            }
        });
        for (Finding finding : list) {
            if (finding.severity() == Severity.INFO && !finding.rule().equals("S15")) {
                continue;
            }
            Span item = new Span(finding.rule() + " " + finding.severity() + (finding.field() == null ? "" : " [" + finding.field() + "]")
                    + ": " + finding.message());
            item.addClassName("finding-" + finding.severity().name().toLowerCase(Locale.ROOT));
            item.getElement().setAttribute("data-rule", finding.rule());
            item.getStyle().set("display", "block").set("color", switch (finding.severity()) {
                case ERROR -> "var(--lumo-error-text-color)";
                case WARNING -> "#a65c00";
                case INFO -> "var(--lumo-secondary-text-color)";
            });
            findings.add(item);
            Component field = finding.field() == null ? null : fieldsByName.get(finding.field());
            if (field instanceof com.vaadin.flow.component.HasValidation validation && finding.severity() != Severity.INFO) {
                validation.setInvalid(true);
                validation.setErrorMessage(finding.rule() + ": " + finding.message());
            }
        }
    }

    private void save() {
        try {
            StudyDetail saved = current == null ? studies.create(parameters(), user)
                    : studies.update(current.study().id(), current.study().lockVersion(), parameters(), user);
            Notification.show("Saved " + saved.study().name() + " (revision " + saved.study().revision() + ")");
            refreshGrid();
            load(saved);
        } catch (PlanningConflictException e) {
            error(e.getMessage());
        } catch (PlanningRejectedException e) {
            error(e.getMessage());
            showFindings(e.findings());
        }
    }

    private void approve() {
        if (current == null) {
            error("Save the study before approving it");
            return;
        }
        try {
            StudyDetail approved = studies.approve(current.study().id(), current.study().lockVersion(), user);
            Notification.show("Approved " + approved.study().name() + ", MISOSTUD " + approved.study().misoId());
            refreshGrid();
            load(approved);
        } catch (PlanningConflictException e) {
            error(e.getMessage());
        } catch (PlanningRejectedException e) {
            error(e.getMessage());
            showFindings(e.findings());
        }
    }

    private void cloneCurrent() {
        if (current == null) {
            return;
        }
        StudyDetail copy = studies.cloneStudy(current.study().id(), user);
        Notification.show("Cloned as " + copy.study().name());
        refreshGrid();
        load(copy);
    }

    private void refreshGrid() {
        grid.setItems(studies.list(null, null));
    }

    private static void error(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static int value(IntegerField field, int fallback) {
        return field.getValue() == null ? fallback : field.getValue();
    }

    static String yLabel(StudyParameters p) {
        return switch (p.yFieldOfView()) {
            case FULL_DETECTOR -> "Full Detector, " + p.yHeightPx();
            case FULL_FIELD -> "Full Field, " + p.yHeightPx();
            case CUSTOM -> "rows " + p.yStartPx() + "-" + p.yEndPx();
        };
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
