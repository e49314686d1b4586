package org.medoc.ui.planning;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.planner.study.StoredStudy;
import org.medoc.planner.study.Studies;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.StudyStatus;
import org.medoc.planner.timeline.TimelineEntry;
import org.medoc.planner.validation.Finding;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's entry form without a browser: what it reads, what it refuses, where the rule findings go. */
// routes of this package only: scanning the whole class path costs half a minute
@ViewPackages(classes = TimelineEntryFormTests.class)
class TimelineEntryFormTests extends BrowserlessTest {

    private static final Instant START = Instant.parse("2026-12-15T06:00:00Z");

    private final StudyDetail synoptic = approved(41, Studies.synoptic());
    private final StudyDetail sitAndStare = approved(42, Studies.sitAndStare(10, 5));
    private TimelineEntryForm form;

    private static StudyDetail approved(long id, org.medoc.planner.study.StudyParameters parameters) {
        return new StudyDetail(new StoredStudy(id, id, 1, null, null, StudyStatus.APPROVED, parameters, 0, START, "planner", START,
                "planner", START, "planner"), null, List.of());
    }

    private static TimelineEntry run(long studyId, Instant start, int rasters) {
        return new TimelineEntry(7, 1, studyId, "run", null, start, start.plusSeconds(600), rasters, 600, 1000, null, null, null, null,
                null, null, null, null, false, false, false, 0, false, "PLANNED", 0, start);
    }

    @BeforeEach
    void openForm() {
        form = new TimelineEntryForm(List.of(synoptic, sitAndStare));
        UI.getCurrent().add(form);
    }

    @Test
    void aStudyAndAStartAreReadWithOneRasterByDefault() {
        test(form.study).selectItem(sitAndStare.study().name());
        test(form.start).setValue("2026-12-15T06:00:00Z");

        assertThat(form.read()).hasValueSatisfying(entry -> {
            assertThat(entry.studyId()).isEqualTo(42);
            assertThat(entry.getStart()).isEqualTo(START);
            assertThat(entry.getRasters()).isEqualTo(1);
        });
    }

    @Test
    void anUnreadableStartIsAnErrorOnTheStartFieldAndNothingIsRead() {
        test(form.study).selectItem(synoptic.study().name());
        test(form.start).setValue("15/12/2026 06:00");

        assertThat(form.read()).isEmpty();
        assertThat(form.start.isInvalid()).isTrue();
        assertThat(form.start.getErrorMessage()).startsWith("start must be an ISO-8601 UTC date-time").endsWith("was '15/12/2026 06:00'");
    }

    @Test
    void withoutAStudyNothingIsReadAndTheStudyFieldSaysWhy() {
        test(form.start).setValue("2026-12-15T06:00:00Z");

        assertThat(form.read()).isEmpty();
        assertThat(form.study.isInvalid()).isTrue();
        assertThat(form.study.getErrorMessage()).isEqualTo("Choose an approved study");
    }

    @Test
    void aRunFillsTheFormWithItsStudyStartAndRasters() {
        form.fill(run(41, START.plusSeconds(3600), 3));

        assertThat(form.study.getValue()).isEqualTo(synoptic);
        assertThat(form.start.getValue()).isEqualTo("2026-12-15T07:00:00Z");
        assertThat(form.rasters.getValue()).isEqualTo(3);
    }

    @Test
    void anOverlapFindingIsShownOnTheStartFieldUntilTheStartIsChanged() {
        form.fill(run(41, START, 1));
        form.showFindings(List.of(Finding.error("T1", "startUtc", "overlaps SCI_SYNOPTIC (entry 6)"), Finding.warning("T6", "pointingKind", "x")));

        assertThat(form.start.isInvalid()).isTrue();
        assertThat(form.start.getErrorMessage()).isEqualTo("T1: overlaps SCI_SYNOPTIC (entry 6)");

        test(form.start).setValue("2026-12-15T09:00:00Z");
        assertThat(form.start.isInvalid()).isFalse();
    }
}
