package org.medoc.ui.products;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.TestData;
import org.medoc.archive.ingest.IngestService;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.products.catalogue.ProductSummary;
import org.medoc.products.chain.ProductChain;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current maps service page for an anonymous visitor: the HARP 377 sample made into a current map by the chain
 * appears in the "latest maps" table with its labels, and the data-type filter narrows it.
 */
@PlanningIntegrationTest
@ViewPackages(classes = ProductsView.class)
class CurrentMapsPanelTests extends SpringBrowserlessTest {

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;

    @BeforeEach
    void harp377HasACurrentMap() throws IOException {
        List<Path> sharp;
        try (Stream<Path> files = Files.list(TestData.fits())) {
            sharp = files.filter(f -> f.getFileName().toString().startsWith("hmi.sharp_cea_720s.377.")).sorted().toList();
        }
        assertThat(sharp).hasSize(9);
        ingest.ingest(sharp, "CurrentMapsPanelTests");
        chain.runRange("currents", Instant.parse("2011-02-15T00:00:00Z"), Instant.parse("2011-02-15T23:59:59Z"), outcome -> { });
    }

    @SuppressWarnings("unchecked")
    private Grid<ProductSummary> latest() {
        return $(Grid.class).id("currents-latest");
    }

    @Test
    void aVisitorSeesTheLatestMapWithItsDateDataTypeVersionHarpNoaaPreviewAndDownload() {
        navigate(ProductsView.class);
        $(TabSheet.class).single().setSelectedTab($(Tab.class).id("tab-service-currents"));
        roundTrip();

        var grid = test(latest());
        assertThat(grid.size()).isGreaterThanOrEqualTo(1);
        assertThat(grid.getHeaderCell(0)).isEqualTo("Obs. date (UTC)");
        ProductSummary row = grid.getRow(0);
        assertThat(row.attribute("harp")).isEqualTo("377");
        assertThat(grid.getCellText(0, grid.getColumnPosition("dataType"))).isEqualTo("sci");
        assertThat(grid.getCellText(0, grid.getColumnPosition("version"))).isEqualTo("1.0");
        assertThat(grid.getCellText(0, grid.getColumnPosition("harp"))).isEqualTo("377");
        assertThat(grid.getCellText(0, grid.getColumnPosition("noaa"))).isEqualTo("11158");
        assertThat(grid.getCellText(0, grid.getColumnPosition("date"))).startsWith("2011-02-15");
        assertThat(grid.getCellComponent(0, "preview").getElement().getAttribute("src")).isEqualTo(row.previewUrl());
        assertThat(grid.getCellComponent(0, "download").getElement().getAttribute("href")).isEqualTo(row.fileUrl());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDataTypeFilterShowsOnlyMapsOfThatSeries() {
        navigate(ProductsView.class);
        $(TabSheet.class).single().setSelectedTab($(Tab.class).id("tab-service-currents"));
        roundTrip();

        ComboBox<String> dataType = $(ComboBox.class).id("currents-data-type");
        test(dataType).selectItem("nrt");
        assertThat(test(latest()).size()).isZero();
        test(dataType).selectItem("sci");
        assertThat(test(latest()).size()).isGreaterThanOrEqualTo(1);
        for (int i = 0; i < test(latest()).size(); i++) {
            assertThat(test(latest()).getRow(i).attribute("dataType")).isEqualTo("sci");
        }
    }
}
