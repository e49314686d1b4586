package org.medoc.ui.products;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.products.chain.ProductChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Products area on the real application and database, without a browser: service pages, date search, runs. */
@PlanningIntegrationTest
@ViewPackages(classes = ProductsView.class)
class ProductsViewTests extends SpringBrowserlessTest {

    @Autowired ProductChain chain;

    @Test
    void theProductsPageShowsOneServiceTabPerInstalledRecipeAndNoRunsToAVisitor() {
        navigate(ProductsView.class);

        assertThat(chain.productTypes()).isNotEmpty();
        for (var type : chain.productTypes()) {
            ServicePage page = ServicePage.of(type);
            assertThat($(Tab.class).id(page.tabId()).getLabel()).isEqualTo(page.tabLabel());
        }
        assertThat($(Tab.class).withId("tab-runs").exists()).isFalse();
    }

    @Test
    void aStartAfterTheEndIsAnErrorNoticeAndTheGridKeepsItsProducts() {
        navigate(ProductsView.class);
        TabSheet tabs = $(TabSheet.class).single();
        tabs.setSelectedTab($(Tab.class).id("tab-maps"));
        roundTrip(); // the tab sheet attaches the selected tab's page on the way to the browser
        String before = $(Span.class).id("products-count").getText();

        test($(DatePicker.class).id("products-from")).setValue(LocalDate.of(2026, 3, 2));
        test($(DatePicker.class).id("products-to")).setValue(LocalDate.of(2026, 3, 1));
        test($(Button.class).id("products-search")).click();

        assertThat(test($(Notification.class).last()).getText()).startsWith("from (2026-03-02T00:00:00Z) is after to");
        assertThat($(Span.class).id("products-count").getText()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "archivist", roles = "ARCHIVIST")
    void anArchivistHasTheRunsTab() {
        navigate(ProductsView.class);

        assertThat($(Tab.class).id("tab-runs").getLabel()).isEqualTo("Runs");
    }
}
