package org.medoc.ui.products;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.medoc.archive.api.TimeParameters;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.products.campaign.CampaignService;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSearchResult;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.ChainException;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.RunStatus;
import org.medoc.products.chain.RunSummary;
import org.medoc.products.currents.CurrentMapsRecipe;
import org.medoc.products.synoptic.SynopticMapsRecipe;
import org.medoc.ui.base.Formats;
import org.medoc.ui.base.Notices;

import java.time.LocalDate;
import java.util.List;

/**
 * Products: one service page per installed product chain (what the product is, its inputs and cadence, how to read
 * the previews, where the algorithm is documented, its latest thumbnails), all drawn from the recipes' descriptions
 * ({@link ServicePage}); the products by date with thumbnails and downloads, for any type the chains make or the
 * catalogue holds; and for staff the Runs of the product chains with a Retry button for archivists and
 * administrators, below the reprocessing campaigns ({@link CampaignsPanel}). Anonymous visitors see everything but the runs.
 */
@Route("products")
@PageTitle("Products · medoc")
@AnonymousAllowed
public class ProductsView extends VerticalLayout {

    private static final int LATEST = 48;
    /** Thumbnails on a service page: enough to see what the product looks like, the rest is in the date search. */
    private static final int LATEST_ON_SERVICE_PAGE = 4;

    private final ProductCatalogue catalogue;
    private final ProductChain chain;
    private final CampaignService campaigns;
    private final boolean mayRetry;

    private final ComboBox<String> type = new ComboBox<>("Product");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Span mapCount = new Span();
    private final Grid<ProductSummary> maps = new Grid<>();
    private final ComboBox<RunStatus> runStatus = new ComboBox<>("Status");
    private final Span runCount = new Span();
    private final Grid<RunSummary> runs = new Grid<>();

    public ProductsView(ProductCatalogue catalogue, ProductChain chain, CampaignService campaigns,
                        AuthenticationContext authentication) {
        this.catalogue = catalogue;
        this.chain = chain;
        this.campaigns = campaigns;
        this.mayRetry = authentication.hasAnyRole("ARCHIVIST", "ADMIN");
        setId("products-view");
        setSizeFull();

        List<ServicePage> pages = chain.productTypes().stream().map(ServicePage::of).toList();
        List<String> types = ServicePage.searchableTypes(chain.productTypes(), catalogue.types());
        type.setItems(types);
        if (!types.isEmpty()) {
            type.setValue(types.getFirst());
        }
        type.setId("product-type");
        // choosing another product shows its maps at once
        type.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                searchMaps();
            }
        });

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        for (ServicePage page : pages) {
            tabs.add(page.tabLabel(), servicePage(page)).setId(page.tabId());
        }
        tabs.add("Products by date", mapsPanel()).setId("tab-maps");
        if (authentication.isAuthenticated()) {
            tabs.add("Runs", runsPanel()).setId("tab-runs");
        }
        add(new H2("Products"), tabs);
        searchMaps();
        if (authentication.isAuthenticated()) {
            refreshRuns();
        }
    }

    /** One chain's service page, laid out from its recipe's description. */
    private Component servicePage(ServicePage service) {
        VerticalLayout page = new VerticalLayout();
        page.setId(service.pageId());
        page.setPadding(false);
        page.add(new H3(service.heading()));
        service.paragraphs().forEach(text -> page.add(new Paragraph(text)));
        page.add(new Paragraph(service.inputRule()), new Paragraph(service.cadence()));
        if (!service.legend().isEmpty()) {
            page.add(new Paragraph("Preview images (the first is the thumbnail):"),
                    new UnorderedList(service.legend().stream().map(ListItem::new).toArray(ListItem[]::new)));
        }
        if (!service.reading().isEmpty()) {
            page.add(new Paragraph(service.reading()));
        }
        page.add(new Paragraph(ServicePage.PROVENANCE));
        // current maps are many per reference time (one per HARP): a table with their labels says more than thumbnails
        page.add(service.type().equals(CurrentMapsRecipe.TYPE) ? new CurrentMapsPanel(catalogue) : latestThumbnails(service.type()));
        if (SynopticMapsRecipe.TYPE.equals(service.type())) {
            page.add(new SynopticMapsPanel(catalogue)); // MEDOC's per-channel table and day query
        }
        if (service.documentationHref() != null) {
            Anchor algorithm = new Anchor(service.documentationHref(), "The algorithm, its formulas and references");
            algorithm.setId(service.documentationId());
            page.add(algorithm);
        }
        page.add(new Paragraph(service.apiExample()));
        return page;
    }

    /** The type's latest products as thumbnails with their reference times. */
    private Component latestThumbnails(String productType) {
        List<ProductSummary> latest = catalogue.search(new ProductQuery(productType, null, null, null, 0, LATEST_ON_SERVICE_PAGE)).items();
        if (latest.isEmpty()) {
            return new Paragraph("No " + productType + " products yet.");
        }
        HorizontalLayout strip = new HorizontalLayout();
        strip.setId(productType + "-latest");
        for (ProductSummary product : latest) {
            VerticalLayout tile = new VerticalLayout(thumbnail(product, "128px"), new Span(Formats.dateTime(product.referenceTime())));
            tile.setPadding(false);
            tile.setSpacing(false);
            strip.add(tile);
        }
        return strip;
    }

    private Component mapsPanel() {
        from.setId("products-from");
        to.setId("products-to");
        Button search = new Button("Search", VaadinIcon.SEARCH.create(), click -> searchMaps());
        search.setId("products-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button latest = new Button("Latest", click -> {
            from.clear();
            to.clear();
            searchMaps();
        });
        HorizontalLayout form = new HorizontalLayout(type, from, to, search, latest);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        maps.setId("products-grid");
        maps.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        maps.addColumn(new ComponentRenderer<>(p -> thumbnail(p, "64px"))).setHeader("Preview").setAutoWidth(true).setFlexGrow(0);
        maps.addColumn(p -> Formats.dateTime(p.referenceTime())).setHeader("Reference time (UTC)").setAutoWidth(true);
        maps.addColumn(ProductSummary::type).setHeader("Type").setAutoWidth(true);
        maps.addColumn(ProductSummary::version).setHeader("Version").setAutoWidth(true);
        maps.addColumn(p -> p.inputs().size() + (p.missingInputs().isEmpty() ? "" : " (missing " + String.join(", ", p.missingInputs()) + ")"))
                .setHeader("Inputs").setAutoWidth(true);
        maps.addColumn(p -> String.join(", ", p.flags())).setHeader("Flags").setAutoWidth(true);
        maps.addColumn(p -> Formats.bytes(p.size())).setHeader("Size").setAutoWidth(true);
        maps.addColumn(new ComponentRenderer<>(p -> {
            Anchor download = new Anchor(p.fileUrl(), "FITS");
            download.getElement().setAttribute("download", true);
            Anchor detail = new Anchor("/api/v1/products/" + p.id(), "Provenance", AnchorTarget.BLANK);
            return new HorizontalLayout(download, detail);
        })).setHeader("Download").setAutoWidth(true);
        maps.setSizeFull();
        mapCount.setId("products-count");

        VerticalLayout panel = new VerticalLayout(form, mapCount, maps);
        panel.setPadding(false);
        panel.setHeight("70vh");
        return panel;
    }

    private static Component thumbnail(ProductSummary product, String height) {
        if (product.previewUrl() == null) {
            return new Span("—");
        }
        Image image = new Image(product.previewUrl(), "Preview of " + product.type() + " " + Formats.dateTime(product.referenceTime()));
        image.setHeight(height);
        return image;
    }

    void searchMaps() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        try {
            ProductSearchResult result = catalogue.search(new ProductQuery(type.getValue(), TimeParameters.startOfDay(start),
                    TimeParameters.endOfDay(end), null, 0, LATEST));
            maps.setItems(result.items());
            mapCount.setText(result.total() == 0
                    ? "No " + (type.getValue() == null ? "" : type.getValue() + " ") + "products" + (start == null && end == null ? " yet." : " in this interval.")
                    : result.total() > result.items().size()
                    ? result.total() + " products; the " + result.items().size() + " latest shown (narrow the dates or use the API for all)"
                    : result.total() + " products");
        } catch (InvalidQueryException e) {
            Notices.error(e.getMessage());
        }
    }

    private Component runsPanel() {
        runStatus.setItems(RunStatus.values());
        runStatus.setClearButtonVisible(true);
        runStatus.setId("runs-status");
        runStatus.addValueChangeListener(change -> refreshRuns());
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refreshRuns());
        HorizontalLayout filters = new HorizontalLayout(runStatus, refresh);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        runs.setId("runs-grid");
        runs.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        runs.addColumn(r -> Formats.dateTime(r.startedAt())).setHeader("Started (UTC)").setAutoWidth(true);
        runs.addColumn(r -> r.type() + " " + r.version()).setHeader("Product").setAutoWidth(true);
        runs.addColumn(r -> Formats.dateTime(r.referenceTime())).setHeader("Reference time").setAutoWidth(true);
        runs.addColumn(RunSummary::status).setHeader("Status").setAutoWidth(true);
        runs.addColumn(RunSummary::attempt).setHeader("Attempt").setAutoWidth(true);
        runs.addColumn(RunSummary::trigger).setHeader("Trigger").setAutoWidth(true);
        runs.addColumn(r -> Formats.elapsed(r.durationMs())).setHeader("Duration").setAutoWidth(true);
        runs.addColumn(RunSummary::node).setHeader("Node").setAutoWidth(true);
        runs.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Error").setFlexGrow(1)
                .setTooltipGenerator(r -> r.error() == null ? "" : r.error());
        if (mayRetry) {
            runs.addColumn(new ComponentRenderer<>(run -> {
                if (run.status() != RunStatus.FAILED) {
                    return new Span();
                }
                Button retry = new Button("Retry", click -> retry(run));
                retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
                retry.setId("retry-" + run.id());
                return retry;
            })).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        runs.setWidthFull();
        VerticalLayout panel = new VerticalLayout(new CampaignsPanel(campaigns, chain.productTypes(), mayRetry),
                new H3("Runs"), filters, runCount, runs);
        panel.setPadding(false);
        runs.setHeight("60vh");
        return panel;
    }

    void refreshRuns() {
        ProductChain.RunPage page = chain.runs(null, runStatus.getValue(), 0, 200);
        runs.setItems(page.items());
        runCount.setText(page.total() == 0 ? "No runs yet."
                : page.total() + " runs" + (page.total() > page.items().size() ? "; the 200 latest shown" : ""));
    }

    private void retry(RunSummary run) {
        try {
            String instance = chain.retry(run.id());
            Notices.success("Scheduled again: " + instance);
        } catch (ChainException | ProductChain.RunNotFoundException e) {
            Notices.error(e.getMessage());
        }
        refreshRuns();
    }
}
