package org.medoc.planner.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What a hand edit of a timeline entry keeps of the stored entry. */
class EntryInputTests {

    private static final Instant START = Instant.parse("2026-12-15T06:00:00Z");

    private static TimelineEntry entry() {
        return new TimelineEntry(5, 1, 42, "SCI_SYNOPTIC", null, START, START.plusSeconds(600), 2, 600, 1_000_000, 12.5, "P7", "DISK",
                9L, "AR 13664", null, null, null, false, true, true, 3, true, "PLANNED", 4, START);
    }

    @Test
    void movingAnEntryKeepsItsPointingTargetSoopApprovalsPriorityAndLock() {
        Instant later = START.plusSeconds(3600);
        EntryInput moved = EntryInput.edited(entry(), 43L, later, 1);

        assertThat(moved.studyId()).isEqualTo(43);
        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.rasters()).isEqualTo(1);
        assertThat(moved.xOffsetArcsec()).isEqualTo(12.5);
        assertThat(moved.pointingId()).isEqualTo("P7");
        assertThat(moved.pointingKind()).isEqualTo("DISK");
        assertThat(moved.soopInstanceId()).isEqualTo(9L);
        assertThat(moved.targetText()).isEqualTo("AR 13664");
        assertThat(moved.spansNextStp()).isTrue();
        assertThat(moved.highRateApproved()).isTrue();
        assertThat(moved.priority()).isEqualTo(3);
        assertThat(moved.locked()).isTrue();
    }

    @Test
    void whatTheEditDoesNotSayIsTakenFromTheEntry() {
        EntryInput unchanged = EntryInput.edited(entry(), null, null, null);

        assertThat(unchanged.studyId()).isEqualTo(42);
        assertThat(unchanged.start()).isEqualTo(START);
        assertThat(unchanged.rasters()).isEqualTo(2);
    }
}
