package org.medoc.ui.archive;

import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.catalogue.ObservationQuery;
import org.medoc.archive.catalogue.ObservationSort;
import org.medoc.archive.catalogue.ObservationSummary;
import org.medoc.archive.catalogue.SearchResult;
import org.medoc.archive.download.BulkDownload;
import org.medoc.archive.registry.Registry;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public archive: search the catalogue by time (UTC), mission, instrument, detector, wavelength and level;
 * page and sort the matches; open one to see its preview, normalised values and full header, and download it.
 * Ticked rows download together as one tar (with a SHA256SUMS file), streamed by {@link BulkDownload}.
 * Anonymous visitors may use all of it.
 */
@Route("archive")
@RouteAlias("")
@PageTitle("Archive · medoc")
@AnonymousAllowed
public class ArchiveView extends VerticalLayout {

    /** Grid column keys, which are also the sort names {@link ObservationSort#parse} understands. */
    private static final Map<String, ObservationSort.Field> SORTABLE = Map.of(
            "dateObs", ObservationSort.Field.DATE_OBS,
            "wavelength", ObservationSort.Field.WAVELENGTH,
            "instrument", ObservationSort.Field.INSTRUMENT,
            "size", ObservationSort.Field.SIZE);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final CatalogueService catalogue;
    private final Registry registry;
    private final BulkDownload bulkDownload;
    private final int maxBulkFiles;

    private final DateTimePicker from = utcPicker("From (UTC)", "search-from");
    private final DateTimePicker to = utcPicker("To (UTC)", "search-to");
    private final ComboBox<Registry.Mission> mission = new ComboBox<>("Mission");
    private final ComboBox<Registry.Instrument> instrument = new ComboBox<>("Instrument");
    private final ComboBox<Registry.Detector> detector = new ComboBox<>("Detector");
    private final NumberField wavelength = new NumberField("Wavelength");
    private final TextField level = new TextField("Level");
    private final Button search = new Button("Search", VaadinIcon.SEARCH.create());
    private final Button clear = new Button("Clear");
    private final Span resultCount = new Span();
    private final Grid<ObservationSummary> grid = new Grid<>();
    private final ObservationDetailPanel detail;
    private final Anchor downloadSelected;

    /** Ids of the ticked rows, copied on every selection change: the download request reads them outside the UI lock. */
    private volatile List<Long> selectedIds = List.of();

    /** The criteria of the last successful search; paging and sorting are applied per grid request. */
    private ObservationQuery criteria = ObservationQuery.all(1);
    /** Its number of matches, counted once by the search: sorting and scrolling do not change it. */
    private long total;

    public ArchiveView(CatalogueService catalogue, Registry registry, BulkDownload bulkDownload,
                       @Value("${medoc.download.max-files:10000}") int maxBulkFiles) {
        this.catalogue = catalogue;
        this.registry = registry;
        this.bulkDownload = bulkDownload;
        this.maxBulkFiles = maxBulkFiles;
        this.downloadSelected = new Anchor((DownloadHandler) this::writeSelectedAsTar, "Download selected (tar)");
        this.detail = new ObservationDetailPanel(catalogue);
        setId("archive-view");
        setSizeFull();
        setPadding(true);

        configureCriteria();
        configureGrid();

        HorizontalLayout form = new HorizontalLayout(from, to, mission, instrument, detector, wavelength, level, search, clear);
        form.setId("search-form");
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        resultCount.setId("results-count");
        downloadSelected.setId("bulk-download");
        downloadSelected.setEnabled(false);
        HorizontalLayout resultBar = new HorizontalLayout(resultCount, downloadSelected);
        resultBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout results = new HorizontalLayout(grid, detail);
        results.setSizeFull();
        results.addClassName("medoc-results");
        results.setFlexGrow(1, grid);
        results.setSpacing(false);

        add(new H2("Archive"), form, resultBar, results);
        setFlexGrow(1, results);
        runSearch();
    }

    private void configureCriteria() {
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

        search.setId("search-button");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClickListener(click -> runSearch());

        clear.setId("search-clear");
        clear.addClickListener(click -> {
            from.clear();
            to.clear();
            mission.clear();
            instrument.clear();
            detector.clear();
            wavelength.clear();
            level.clear();
            runSearch();
        });
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

    private void configureGrid() {
        grid.setId("results-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(false);
        grid.setSizeFull();
        grid.addColumn(o -> Formats.dateTime(o.dateObs())).setHeader("Date (UTC)").setKey("dateObs")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ObservationSummary::mission).setHeader("Mission").setKey("mission").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ObservationSummary::instrument).setHeader("Instrument").setKey("instrument")
                .setSortable(true).setWidth("8.5em").setFlexGrow(0);
        grid.addColumn(ObservationSummary::detector).setHeader("Detector").setKey("detector").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> Formats.number(o.wavelength())).setHeader("Wavelength (Å)").setKey("wavelength")
                .setSortable(true).setWidth("10em").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ObservationSummary::level).setHeader("Level").setKey("level").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> Formats.number(o.exposure())).setHeader("Exposure (s)").setKey("exposure")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ObservationSummary::filename).setHeader("File name").setKey("filename").setFlexGrow(1)
                .setWidth("14em").setTooltipGenerator(ObservationSummary::filename);
        grid.addColumn(o -> Formats.bytes(o.size())).setHeader("Size").setKey("size")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("dateObs"), SortDirection.DESCENDING)));
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit(), query.getSortOrders()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, total));
        // ticking selects for the bulk download; clicking a row opens its detail
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addItemClickListener(click -> detail.show(click.getItem().id()));
        grid.asMultiSelect().addValueChangeListener(change -> {
            selectedIds = change.getValue().stream().map(ObservationSummary::id).sorted().toList();
            int count = selectedIds.size();
            downloadSelected.setEnabled(count > 0 && count <= maxBulkFiles);
            downloadSelected.setText(count == 0 ? "Download selected (tar)"
                    : count > maxBulkFiles ? "Too many selected: at most " + maxBulkFiles + " files per download"
                    : "Download " + count + " selected (tar)");
        });
    }

    /**
     * One grid request as catalogue pages. The grid asks for (offset, limit) windows that are usually whole pages;
     * when one straddles two pages of {@code limit} rows, both are fetched and cut to the window.
     */
    private List<ObservationSummary> fetch(int offset, int limit, List<QuerySortOrder> sortOrders) {
        ObservationSort sort = sortOrders.stream().findFirst()
                .filter(order -> SORTABLE.containsKey(order.getSorted()))
                .map(order -> new ObservationSort(SORTABLE.get(order.getSorted()), order.getDirection() == SortDirection.ASCENDING))
                .orElse(ObservationSort.DEFAULT);
        int size = Math.min(Math.max(limit, 1), ObservationQuery.MAX_PAGE_SIZE);
        ObservationQuery sized = new ObservationQuery(criteria.from(), criteria.to(), criteria.mission(), criteria.instrument(),
                criteria.detector(), criteria.wavelengthAngstrom(), criteria.wavelengthMinAngstrom(),
                criteria.wavelengthMaxAngstrom(), criteria.level(), criteria.keywords(), sort, 0, size, null);
        List<ObservationSummary> rows = new ArrayList<>();
        int page = offset / size;
        int skip = offset - page * size;
        while (rows.size() < skip + limit) {
            List<ObservationSummary> items = catalogue.page(sized.withPage(page));
            rows.addAll(items);
            if (items.size() < size) {
                break;
            }
            page++;
        }
        return rows.subList(Math.min(skip, rows.size()), Math.min(skip + limit, rows.size()));
    }

    private void runSearch() {
        List<HasValidation> fields = List.of(from, to, wavelength, level, mission, instrument, detector);
        fields.forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        ObservationQuery query;
        SearchResult first;
        try {
            if (wavelength.isInvalid() || (wavelength.getValue() == null && !wavelength.isEmpty())) {
                throw new InvalidQueryException("wavelength", "wavelength must be a number of ångström");
            }
            query = new ObservationQuery(utc(from), utc(to),
                    mission.getValue() == null ? null : mission.getValue().code(),
                    instrument.getValue() == null ? null : instrument.getValue().code(),
                    detector.getValue() == null ? null : detector.getValue().qualifiedName(),
                    wavelength.getValue(), null, null, blankToNull(level.getValue()), List.of(), null, 0, 1, null);
            first = catalogue.search(query);
        } catch (InvalidQueryException invalid) {
            showError(invalid);
            return;
        }
        criteria = query;
        total = first.total();
        grid.deselectAll();
        resultCount.setText(first.total() == 1 ? "1 observation" : Formats.count(first.total()) + " observations");
        grid.getDataProvider().refreshAll();
    }

    /** Streams the ticked files as one tar; BulkDownload aborts the stream if a stored file fails its checksum. */
    private void writeSelectedAsTar(DownloadEvent event) throws IOException {
        List<CatalogueService.StoredFile> files = catalogue.storedFiles(selectedIds);
        event.setFileName("medoc-" + STAMP.format(Instant.now()) + BulkDownload.Format.TAR.extension);
        event.setContentType(BulkDownload.Format.TAR.mediaType);
        try (OutputStream out = event.getOutputStream()) {
            bulkDownload.write(files, BulkDownload.Format.TAR, out);
        }
    }

    /** Puts the message next to the field the parameter names, or in a notification when no field matches. */
    private void showError(InvalidQueryException invalid) {
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

    private static Instant utc(DateTimePicker picker) {
        LocalDateTime value = picker.getValue();
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
