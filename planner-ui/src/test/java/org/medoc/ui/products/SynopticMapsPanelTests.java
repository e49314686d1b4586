package org.medoc.ui.products;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.RunStatus;
import org.medoc.products.synoptic.SynopticChannel;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synoptic service page for a visitor: the demo's synthetic Sun (AIA and EUVI 304 Å up to today 00:00) gives
 * today's nowcast map, listed in the per-channel table and shown with its age map beside it.
 */
@PlanningIntegrationTest
@ViewPackages(classes = ProductsView.class)
class SynopticMapsPanelTests extends SpringBrowserlessTest {

    @Autowired ProductChain chain;

    @Test
    @SuppressWarnings("unchecked")
    void theSynopticPageListsTodaysNowcastPerChannelAndShowsTheMapBesideItsAgeMap() {
        // demo mode sizes the chain for a first start (DemoProductDefaults)
        assertThat(chain.recipe("synoptic").parameters()).containsEntry("grid", "720x360 CAR, 0.5 deg")
                .containsEntry("windowDays", 3.0);
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        // the demo's scan may be making it already; either way it is catalogued after this
        assertThat(chain.runRange("synoptic", today, today, outcome -> { })).singleElement()
                .satisfies(outcome -> assertThat(outcome.status()).as(outcome.error()).isIn(RunStatus.SUCCEEDED, RunStatus.SKIPPED));

        navigate(ProductsView.class);
        TabSheet tabs = $(TabSheet.class).single();
        tabs.setSelectedTab($(Tab.class).id("tab-service-synoptic"));
        roundTrip();

        Grid<SynopticMapsPanel.ChannelMap> grid = $(Grid.class).id("synoptic-latest-grid");
        List<SynopticMapsPanel.ChannelMap> rows = grid.getGenericDataView().getItems().toList();
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.channel()).isEqualTo(SynopticChannel.AIA_304);
            assertThat(row.kind()).isEqualTo("nowcast");
            assertThat(row.referenceTime()).isEqualTo(today);
            assertThat(row.dataUrl()).endsWith(".fits");
            assertThat(row.previewUrl()).endsWith("_radiance.png");
        });

        SynopticMapsPanel panel = (SynopticMapsPanel) $(VerticalLayout.class).id("synoptic-maps");
        panel.show();
        // the first row's channel and day are chosen at first: its map and age map side by side
        assertThat($(Span.class).id("synoptic-caption").getText()).contains(rows.getFirst().channel().title());
        assertThat($(VerticalLayout.class).id("synoptic-result").getChildren().toList()).hasSize(3);
        assertThat($(Image.class).all()).extracting(Image::getSrc)
                .anySatisfy(src -> assertThat(src).endsWith("_age.png"));
    }
}
