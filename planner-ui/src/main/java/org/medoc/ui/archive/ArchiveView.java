package org.medoc.ui.archive;

import org.medoc.ui.base.Formats;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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


    private final CatalogueService catalogue;
    private final BulkDownload bulkDownload;
    private final int maxBulkFiles;

    final ArchiveSearchForm form;
    final Span resultCount = new Span();
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
        this.bulkDownload = bulkDownload;
        this.maxBulkFiles = maxBulkFiles;
        this.downloadSelected = new Anchor((DownloadHandler) this::writeSelectedAsTar, "Download selected (tar)");
        this.detail = new ObservationDetailPanel(catalogue);
        setId("archive-view");
        setSizeFull();
        setPadding(true);

        this.form = new ArchiveSearchForm(registry, this::runSearch);
        configureGrid();

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
        Optional<ObservationQuery> asked = form.query();
        if (asked.isEmpty()) {
            return;
        }
        ObservationQuery query = asked.get();
        SearchResult first;
        try {
            first = catalogue.search(query);
        } catch (InvalidQueryException invalid) {
            form.showError(invalid);
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
        event.setFileName(BulkDownload.Format.TAR.fileName("medoc-", Instant.now()));
        event.setContentType(BulkDownload.Format.TAR.mediaType);
        try (OutputStream out = event.getOutputStream()) {
            bulkDownload.write(files, BulkDownload.Format.TAR, out);
        }
    }
}
