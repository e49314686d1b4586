package org.medoc.ui.release;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.release.release.ReleaseService;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The new-draft dialog without a browser: what it asks for and the draft it starts. */
// routes of this package only: scanning the whole class path costs half a minute
@ViewPackages(classes = NewDraftDialogTests.class)
class NewDraftDialogTests extends BrowserlessTest {

    private final List<ReleaseService.NewDraft> created = new ArrayList<>();
    private NewDraftDialog dialog;

    @BeforeEach
    void openDialog() {
        dialog = new NewDraftDialog(created::add);
        dialog.open();
        roundTrip();
    }

    @Test
    void aDraftIsStartedTitledAfterItsCollection() {
        test(dialog.collection).setValue("journey");
        test(dialog.collectionTitle).setValue("Journey data");
        test(dialog.version).setValue("1.0");
        test(dialog.create).click();

        assertThat(created).singleElement().satisfies(draft -> {
            assertThat(draft.collection()).isEqualTo("journey");
            assertThat(draft.metadata().title()).isEqualTo("Journey data Data Release 1.0");
        });
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void aDraftWithoutAVersionIsNotStarted() {
        test(dialog.collection).setValue("journey");
        test(dialog.create).click();

        assertThat(dialog.version.isInvalid()).isTrue();
        assertThat(dialog.version.getErrorMessage()).isEqualTo("Give the version");
        assertThat(created).isEmpty();
        assertThat(dialog.isOpened()).isTrue();
    }
}
