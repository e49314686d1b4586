package org.medoc.ui.products;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.products.campaign.Campaign;
import org.medoc.products.campaign.CampaignService;
import org.medoc.products.campaign.CampaignStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reprocessing campaigns of the Runs tab on the real application and database, without a browser: the Binder
 * form, the list with progress, Cancel and Resume. The campaign spans two centuries of empty catalogue, so that it is
 * still enumerating (a few seconds of catalogue queries per feed) when the buttons are pressed; each test cancels
 * what it started.
 */
@PlanningIntegrationTest
@ViewPackages(classes = ProductsView.class)
class CampaignsPanelTests extends SpringBrowserlessTest {

    @Autowired CampaignService campaigns;
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void cancelWhatWasStarted() {
        for (long id : started) {
            if (campaigns.campaign(id).status().active()) {
                campaigns.cancel(id);
            }
        }
    }

    private CampaignsPanel runsTab() {
        navigate(ProductsView.class);
        $(TabSheet.class).single().setSelectedTab($(Tab.class).id("tab-runs"));
        roundTrip();
        return $(CampaignsPanel.class).single();
    }

    /** The button of the first row's action column (the grid renders it per row, outside the component tree). */
    private Button action(CampaignsPanel panel, String id) {
        Component cell = test(panel.grid).getCellComponent(0, 8);
        return cell.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.getId().orElse("").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + id + " in the first row"));
    }

    @Test
    @WithMockUser(username = "archivist", roles = "ARCHIVIST")
    void anArchivistStartsACampaignFromTheFormAndCancelsAndResumesItFromTheList() {
        CampaignsPanel panel = runsTab();
        test(panel.type).selectItem("dem");
        assertThat(panel.version.getValue()).as("the current version is proposed").isEqualTo("1.0");
        test(panel.from).setValue(LocalDate.of(1900, 1, 1));
        test(panel.to).setValue(LocalDate.of(2099, 12, 31));
        test(panel.start).click();

        Campaign campaign = campaigns.campaigns(0, 1).items().getFirst();
        started.add(campaign.id());
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Campaign " + campaign.id() + " started: dem 1.0");
        assertThat(campaign.requestedBy()).isEqualTo("archivist");
        assertThat(campaign.from()).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(campaign.to()).as("the whole last day, to the microsecond PostgreSQL keeps")
                .isEqualTo(Instant.parse("2099-12-31T23:59:59.999999Z"));
        assertThat(test(panel.grid).getRow(0).id()).isEqualTo(campaign.id());
        assertThat(test(panel.grid).getCellText(0, 3)).isIn("enumerating", "running");

        action(panel, "campaign-cancel-" + campaign.id()).click();
        assertThat(campaigns.campaign(campaign.id()).status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(test(panel.grid).getCellText(0, 3)).isEqualTo("cancelled");

        action(panel, "campaign-resume-" + campaign.id()).click();
        assertThat(campaigns.campaign(campaign.id()).status()).isEqualTo(CampaignStatus.ENUMERATING);
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Campaign " + campaign.id() + " resumed");
    }

    @Test
    @WithMockUser(username = "archivist", roles = "ARCHIVIST")
    void aLastDayBeforeTheFirstIsAFieldErrorAndStartsNothing() {
        CampaignsPanel panel = runsTab();
        long before = campaigns.campaigns(0, 1).total();
        test(panel.type).selectItem("dem");
        test(panel.from).setValue(LocalDate.of(2024, 3, 2));
        test(panel.to).setValue(LocalDate.of(2024, 3, 1));

        assertThat(panel.start()).isEmpty();
        assertThat(panel.to.isInvalid()).isTrue();
        assertThat(panel.to.getErrorMessage()).isEqualTo("The last day is before the first");
        assertThat(campaigns.campaigns(0, 1).total()).isEqualTo(before);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void otherStaffSeeTheCampaignsWithoutTheFormOrButtons() {
        CampaignsPanel panel = runsTab();

        assertThat(panel.start.isAttached()).isFalse();
        assertThat($(Button.class).withId("campaign-start").exists()).isFalse();
        assertThat(panel.count.getText()).matches("No campaigns yet\\.|\\d+ campaigns.*");
    }
}
