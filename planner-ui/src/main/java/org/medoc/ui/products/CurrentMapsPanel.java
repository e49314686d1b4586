package org.medoc.ui.products;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.currents.CurrentMapsRecipe;
import org.medoc.ui.base.Formats;

import java.util.List;
import java.util.Map;

/**
 * The current maps service page's "latest maps" table, as on MEDOC's page: a data-type filter (near-real-time or
 * definitive SHARPs, whose HARP numbers differ) and the latest maps with their observation date, data type, version,
 * HARP and NOAA numbers, preview and download, from the product attributes the currents recipe records.
 */
class CurrentMapsPanel extends VerticalLayout {

    static final String ALL = "nrt and sci";
    static final int LATEST = 20;

    private final ProductCatalogue catalogue;
    private final ComboBox<String> dataType = new ComboBox<>("Data type");
    private final Grid<ProductSummary> latest = new Grid<>();

    CurrentMapsPanel(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
        setId("currents-latest-panel");
        setPadding(false);
        dataType.setId("currents-data-type");
        dataType.setItems(ALL, "nrt", "sci");
        dataType.setValue(ALL);
        dataType.setHelperText("nrt: near-real-time SHARPs (about 3 h); sci: definitive SHARPs (about 5 weeks)");
        dataType.addValueChangeListener(change -> refresh());

        latest.setId("currents-latest");
        latest.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        latest.addColumn(p -> Formats.dateTime(p.referenceTime())).setHeader("Obs. date (UTC)").setKey("date").setAutoWidth(true);
        latest.addColumn(p -> p.attribute("dataType")).setHeader("Data type").setKey("dataType").setAutoWidth(true);
        latest.addColumn(ProductSummary::version).setHeader("Version").setKey("version").setAutoWidth(true);
        latest.addColumn(p -> p.attribute("harp")).setHeader("HARP").setKey("harp").setAutoWidth(true);
        latest.addColumn(p -> String.join(", ", p.attributes().getOrDefault("noaa", List.of()))).setHeader("NOAA")
                .setKey("noaa").setAutoWidth(true);
        latest.addColumn(new ComponentRenderer<>(CurrentMapsPanel::preview)).setHeader("Preview").setKey("preview")
                .setAutoWidth(true).setFlexGrow(0);
        latest.addColumn(new ComponentRenderer<>(p -> {
            Anchor download = new Anchor(p.fileUrl(), "FITS");
            download.getElement().setAttribute("download", true);
            return download;
        })).setHeader("Download").setKey("download").setAutoWidth(true);
        latest.setAllRowsVisible(true);

        add(new H4("Latest maps"), dataType, latest);
        refresh();
    }

    /** The latest maps of the chosen data type, newest first. */
    void refresh() {
        String chosen = dataType.getValue();
        Map<String, String> attributes = chosen == null || chosen.equals(ALL) ? Map.of() : Map.of("dataType", chosen);
        latest.setItems(catalogue.search(new ProductQuery(CurrentMapsRecipe.TYPE, null, null, null, attributes, 0, LATEST))
                .items());
    }

    private static com.vaadin.flow.component.Component preview(ProductSummary product) {
        if (product.previewUrl() == null) {
            return new Span("—");
        }
        Image image = new Image(product.previewUrl(), "Jz map of HARP " + product.attribute("harp") + " at "
                + Formats.dateTime(product.referenceTime()));
        image.setHeight("64px");
        return image;
    }
}
