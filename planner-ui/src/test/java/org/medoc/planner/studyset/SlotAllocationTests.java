package org.medoc.planner.studyset;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** On-board resources: rules B1 (64 study slots) and B2 (256 window-table entries). */
class SlotAllocationTests {

    @Test
    void nextFreeSlotFillsGapsFirst() {
        assertThat(SlotAllocation.nextFreeSlot(Set.of(0, 1, 3))).isEqualTo(2);
        assertThat(SlotAllocation.nextFreeSlot(Set.copyOf(IntStream.range(0, 64).boxed().toList()))).isEqualTo(-1);
    }

    @Test
    void identicalWindowsShareAWindowTableEntry() {
        SlotAllocation.WindowTable table = SlotAllocation.windowTable(List.of(
                new SlotAllocation.WindowRef(1, 0, "A"), new SlotAllocation.WindowRef(1, 1, "B"),
                new SlotAllocation.WindowRef(2, 0, "A")));
        assertThat(table.entries()).isEqualTo(2);
        assertThat(table.wintabids().get(new SlotAllocation.WindowRef(2, 0, "A"))).isZero();
        assertThat(table.wintabids().get(new SlotAllocation.WindowRef(1, 1, "B"))).isEqualTo(1);
    }

    @Test
    void b1SixtyFiveStudiesOrADuplicateSlotAreErrors() {
        Map<Long, Integer> full = new HashMap<>();
        IntStream.range(0, 64).forEach(i -> full.put((long) i, i));
        assertThat(SlotAllocation.check(full, 10)).isEmpty();
        full.put(99L, 5);
        assertThat(SlotAllocation.check(full, 10)).extracting(f -> f.rule()).containsExactly("B1", "B1");
    }

    @Test
    void b2MoreThan256WindowsIsAnError() {
        assertThat(SlotAllocation.check(Map.of(1L, 0), 256)).isEmpty();
        assertThat(SlotAllocation.check(Map.of(1L, 0), 257)).extracting(f -> f.rule()).containsExactly("B2");
    }
}
