package org.medoc.ui.release;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.release.model.ReleaseState;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/** The release manager on the real application and database, without a browser: a draft, its metadata and notes. */
@PlanningIntegrationTest
@ViewPackages(classes = ReleaseManagerView.class)
class ReleaseManagerViewTests extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "releaser", roles = "RELEASE_MANAGER")
    void aReleaseManagerStartsADraftAndSavesItsMetadata() {
        ReleaseManagerView view = navigate(ReleaseManagerView.class);
        String collection = "bl" + (System.nanoTime() % 100000);
        test($(Button.class).id("new-draft")).click();
        NewDraftDialog dialog = $(NewDraftDialog.class).single();
        test(dialog.collection).setValue(collection);
        test(dialog.version).setValue("1.0");
        test(dialog.create).click();
        roundTrip(); // the tab sheet attaches the selected tab's form on the way to the browser
        assertThat(view.grid.getSelectedItems()).singleElement().satisfies(r -> {
            assertThat(r.collection()).isEqualTo(collection);
            assertThat(r.state()).isEqualTo(ReleaseState.DRAFT);
        });
        assertThat(view.metadata.title.getValue()).isEqualTo(collection + " Data Release 1.0");

        test(view.metadata.creators).setValue("Buchlin, Éric | not-an-orcid");
        test(view.metadata.save).click();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Metadata saved: " + collection + " 1.0");

        roundTrip();
        $(TabSheet.class).id("release-tabs").setSelectedIndex(3);
        roundTrip();
        test($(Button.class).id("validate")).click();
        assertThat(view.metadata.creators.isInvalid()).isTrue();
        assertThat(view.metadata.creators.getErrorMessage()).contains("not-an-orcid");
    }

    @Test
    @WithMockUser(username = "releaser", roles = "RELEASE_MANAGER")
    void anUnreadableCreatorLineIsAFieldErrorAndNothingIsSaved() {
        ReleaseManagerView view = navigate(ReleaseManagerView.class);
        test($(Button.class).id("new-draft")).click();
        NewDraftDialog dialog = $(NewDraftDialog.class).single();
        test(dialog.collection).setValue("bl" + (System.nanoTime() % 100000));
        test(dialog.version).setValue("1.0");
        test(dialog.create).click();
        roundTrip(); // the tab sheet attaches the selected tab's form on the way to the browser
        long lock = view.grid.getSelectedItems().iterator().next().lockVersion();

        test(view.metadata.creators).setValue("| 0000-0002-1825-0097");
        test(view.metadata.save).click();

        assertThat(view.metadata.creators.getErrorMessage()).contains("creator line 1 has no name");
        assertThat(view.grid.getSelectedItems().iterator().next().lockVersion()).isEqualTo(lock);
    }
}
