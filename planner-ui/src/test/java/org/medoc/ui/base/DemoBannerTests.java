package org.medoc.ui.base;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.ui.archive.ArchiveView;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode says so on every screen. */
@PlanningIntegrationTest
@ViewPackages(classes = {ArchiveView.class, MainLayout.class})
class DemoBannerTests extends SpringBrowserlessTest {

    @Test
    void demoModeShowsTheDemoBannerInTheShell() {
        navigate(ArchiveView.class);
        assertThat($(Span.class).id("demo-banner").getText()).startsWith("Demo mode");
    }
}
