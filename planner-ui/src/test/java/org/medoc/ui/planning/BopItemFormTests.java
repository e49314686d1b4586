package org.medoc.ui.planning;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.planner.bop.BopItem;
import org.medoc.planner.bop.BopItemType;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.Studies;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyStatus;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The BOP item form without a browser: what a study run and a pause are made of, and what it refuses. */
// routes of this package only: scanning the whole class path costs half a minute
@ViewPackages(classes = BopItemFormTests.class)
class BopItemFormTests extends BrowserlessTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T00:00:00Z");
    private final StudyDetail synoptic = new StudyDetail(new StoredStudy(41, 41, 1, null, null, StudyStatus.APPROVED, Studies.synoptic(), 0,
            CREATED, "planner", CREATED, "planner", CREATED, "planner"), null, List.of());
    private final List<BopItem> existing = List.of(new BopItem(1, 0, BopItemType.STUDY, 41L, 1, null, null));
    private BopItemForm form;

    @BeforeEach
    void openForm() {
        form = new BopItemForm(List.of(synoptic));
        UI.getCurrent().add(form);
    }

    @Test
    void aStudyRunIsTheNextItemWithItsStudyAndRasters() {
        test(form.offset).setValue(600.0);
        test(form.study).selectItem(synoptic.study().name());
        test(form.rasters).setValue(2);

        assertThat(form.next(existing)).contains(new BopItem(2, 600, BopItemType.STUDY, 41L, 2, null, null));
    }

    @Test
    void aPauseHasADurationAndNoStudyFieldsToFill() {
        test(form.type).selectItem("WAIT");
        assertThat(form.study.isEnabled()).isFalse();
        assertThat(form.duration.isEnabled()).isTrue();
        form.offset.setValue(60.0);
        form.duration.setValue(30.0);

        assertThat(form.next(existing)).contains(new BopItem(2, 60, BopItemType.WAIT, null, null, null, 30.0));
    }

    @Test
    void aStudyRunWithoutAStudyOrOffsetIsNotAddedAndTheFieldsSayWhy() {
        assertThat(form.next(existing)).isEmpty();
        assertThat(form.offset.getErrorMessage()).isEqualTo("Give the item's offset from the block start");
        assertThat(form.study.isInvalid()).isTrue();
        assertThat(form.study.getErrorMessage()).isEqualTo("Choose the study to run");
    }
}
