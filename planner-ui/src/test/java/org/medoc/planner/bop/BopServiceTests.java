package org.medoc.planner.bop;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.period.Period;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.Studies;
import org.medoc.planner.timeline.EntryInput;
import org.medoc.planner.timeline.TimelineService;
import org.medoc.planner.timeline.TimelineView;
import org.medoc.planner.validation.Finding;
import org.medoc.planner.validation.PlanningRejectedException;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BOP versions, instantiation onto a timeline (P1, P3) and detaching by hand edits, on PostgreSQL. */
@PlanningIntegrationTest
class BopServiceTests {

    @Autowired BopService bops;
    @Autowired TimelineService timeline;
    @Autowired PlanningFixtures fixtures;

    private record Setup(StudyDetail dark, StudyDetail stare, BopDetail bop, Period stp) {
    }

    private Setup released() {
        StudyDetail dark = fixtures.approved(Studies.sitAndStare(2, 10));
        StudyDetail stare = fixtures.approved(Studies.sitAndStare(12, 5));
        BopDetail bop = bops.create("CAL-PAIR-" + PlanningFixtures.uniqueVariant(), "Dark and sit-and-stare", null, "planner");
        BopDetail.Version draft = bop.version(1);
        bop = bops.saveItems(draft.id(), draft.lockVersion(), List.of(
                new BopItem(1, 0, BopItemType.STUDY, dark.study().id(), 1, null, null),
                new BopItem(2, 30, BopItemType.WAIT, null, null, null, 30.0),
                new BopItem(3, 120, BopItemType.STUDY, stare.study().id(), 1, null, null)));
        assertThat(bop.version(1).totalSeconds()).isEqualTo(180.0);
        bop = bops.release(bop.version(1).id(), bop.version(1).lockVersion());
        Period stp = fixtures.stpWithStudySet(List.of(dark.study().id(), stare.study().id()));
        return new Setup(dark, stare, bop, stp);
    }

    @Test
    void instantiationPlacesTheItemsAtTheirOffsets() {
        Setup s = released();
        Instant start = s.stp().start().plusSeconds(86_400);
        BopService.Instance instance = bops.instantiate(s.bop().version(1).id(), s.stp().id(), start, "planner");
        assertThat(instance.entries()).hasSize(2);
        assertThat(instance.entries().get(0).entry().start()).isEqualTo(start);
        assertThat(instance.entries().get(1).entry().start()).isEqualTo(start.plusSeconds(120));
        assertThat(instance.entries().get(1).entry().end()).isEqualTo(start.plusSeconds(180));
        assertThat(instance.entries()).allSatisfy(e -> {
            assertThat(e.entry().bopInstanceId()).isEqualTo(instance.id());
            assertThat(e.entry().detached()).isFalse();
        });
        assertThat(instance.entries()).extracting(e -> e.entry().bopItemSeq()).containsExactly(1, 3);
    }

    @Test
    void editingAnExpandedEntryByHandDetachesIt() {
        Setup s = released();
        Instant start = s.stp().start().plusSeconds(86_400);
        BopService.Instance instance = bops.instantiate(s.bop().version(1).id(), s.stp().id(), start, "planner");
        TimelineView.CheckedEntry second = instance.entries().get(1);
        TimelineView.CheckedEntry edited = timeline.update(second.entry().id(), second.entry().lockVersion(),
                EntryInput.of(s.stare().study().id(), start.plusSeconds(600), 1), "planner");
        assertThat(edited.entry().detached()).isTrue();
        assertThat(edited.entry().bopInstanceId()).isEqualTo(instance.id());
        assertThat(timeline.entry(instance.entries().getFirst().entry().id()).detached()).isFalse();
    }

    @Test
    void theInstancesOfABopCountTheirEntriesAndThoseDetachedByHand() {
        Setup s = released();
        Instant start = s.stp().start().plusSeconds(86_400);
        BopService.Instance instance = bops.instantiate(s.bop().version(1).id(), s.stp().id(), start, "planner");
        TimelineView.CheckedEntry second = instance.entries().get(1);
        timeline.update(second.entry().id(), second.entry().lockVersion(), EntryInput.of(s.stare().study().id(), start.plusSeconds(600), 1),
                "planner");
        List<BopService.InstanceSummary> instances = bops.instances(s.bop().id());
        assertThat(instances).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo(instance.id());
            assertThat(i.versionNo()).isEqualTo(1);
            assertThat(i.stpNumber()).isEqualTo(s.stp().number());
            assertThat(i.start()).isEqualTo(start);
            assertThat(i.entries()).isEqualTo(2);
            assertThat(i.detached()).isEqualTo(1);
        });
    }

    @Test
    void aReleasedVersionNeverChangesAndANewVersionCopiesItsItems() {
        Setup s = released();
        BopDetail.Version v1 = s.bop().version(1);
        assertThatThrownBy(() -> bops.saveItems(v1.id(), v1.lockVersion(), List.of()))
                .isInstanceOf(PlanningRejectedException.class).hasMessageContaining("P1");
        BopDetail withV2 = bops.newVersion(s.bop().id());
        assertThat(withV2.version(2).released()).isFalse();
        assertThat(withV2.version(2).items()).isEqualTo(v1.items());
    }

    @Test
    void anInstanceThatWouldOverlapTheTimelineIsNotSaved() {
        Setup s = released();
        Instant start = s.stp().start().plusSeconds(86_400);
        timeline.place(s.stp().id(), EntryInput.of(s.stare().study().id(), start.plusSeconds(100), 1), "planner");
        int before = timeline.timeline(s.stp().id()).entries().size();
        assertThatThrownBy(() -> bops.instantiate(s.bop().version(1).id(), s.stp().id(), start, "planner"))
                .isInstanceOfSatisfying(PlanningRejectedException.class, e ->
                        assertThat(e.findings()).extracting(Finding::rule).contains("T1"));
        assertThat(timeline.timeline(s.stp().id()).entries()).hasSize(before);
    }

    @Test
    void draftVersionsCannotBeInstantiated() {
        StudyDetail dark = fixtures.approved(Studies.sitAndStare(2, 10));
        BopDetail bop = bops.create("DRAFT-" + PlanningFixtures.uniqueVariant(), "Draft block", null, "planner");
        Period stp = fixtures.stpWithStudySet(List.of(dark.study().id()));
        assertThatThrownBy(() -> bops.instantiate(bop.version(1).id(), stp.id(), stp.start(), "planner"))
                .isInstanceOf(PlanningRejectedException.class).hasMessageContaining("release it");
    }
}
