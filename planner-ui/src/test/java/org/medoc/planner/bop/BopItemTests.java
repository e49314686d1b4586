package org.medoc.planner.bop;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The item a planner adds to a draft BOP version, and where a block is proposed in an STP. */
class BopItemTests {

    private final List<BopItem> items = List.of(new BopItem(1, 0, BopItemType.STUDY, 5L, 1, null, null),
            new BopItem(4, 60, BopItemType.WAIT, null, null, null, 30.0));

    @Test
    void aStudyItemTakesTheNextSequenceNumberAndKeepsOnlyItsStudyAndRasters() {
        BopItem item = BopItem.next(items, 120, BopItemType.STUDY, 7L, 2, "LEFT OVER", 15.0);
        assertThat(item).isEqualTo(new BopItem(5, 120, BopItemType.STUDY, 7L, 2, null, null));
    }

    @Test
    void anyOtherItemKeepsOnlyItsCommandAndDurationAndABlankCommandIsNone() {
        assertThat(BopItem.next(items, 90, BopItemType.WAIT, 7L, 2, "  ", 45.0))
                .isEqualTo(new BopItem(5, 90, BopItemType.WAIT, null, null, null, 45.0));
        assertThat(BopItem.next(List.of(), 0, BopItemType.WAIT, null, null, " MARK ", null).commandMnemonic()).isEqualTo("MARK");
        assertThat(BopItem.next(List.of(), 0, BopItemType.WAIT, null, null, null, null).seq()).isEqualTo(1);
    }

    @Test
    void aBlockIsProposedAnHourAfterTheStpStart() {
        assertThat(BopExpansion.defaultBlockStart(Instant.parse("2026-12-14T00:00:00Z"))).isEqualTo(Instant.parse("2026-12-14T01:00:00Z"));
    }
}
