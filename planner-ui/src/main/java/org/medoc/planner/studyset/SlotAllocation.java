package org.medoc.planner.studyset;

import org.medoc.planner.validation.Finding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On-board resources of a study set (rules B1, B2): 64 study slots ({@code STUDY_ID} 0-63) and 256 window-table
 * entries ({@code WINTABID} 0-255). Windows with identical geometry and read-out settings share one entry (our
 * reading that the table is shared by all studies of the set, PLANNING.md §3.5).
 */
public final class SlotAllocation {

    public static final int STUDY_SLOTS = 64;
    public static final int WINDOW_TABLE_ENTRIES = 256;

    private SlotAllocation() {
    }

    /** A study's window as the allocation sees it. */
    public record WindowRef(long studyId, int position, String signature) {
    }

    /** Which WINTABID each (study, window position) gets, and how many distinct table entries that takes. */
    public record WindowTable(Map<WindowRef, Integer> wintabids, int entries) {
    }

    /** Lowest free slot, keeping the slots already taken. */
    public static int nextFreeSlot(Set<Integer> taken) {
        for (int slot = 0; slot < STUDY_SLOTS; slot++) {
            if (!taken.contains(slot)) {
                return slot;
            }
        }
        return -1;
    }

    /** Assigns WINTABIDs in order of first use, sharing identical windows. */
    public static WindowTable windowTable(List<WindowRef> windows) {
        Map<String, Integer> bySignature = new LinkedHashMap<>();
        Map<WindowRef, Integer> ids = new LinkedHashMap<>();
        for (WindowRef window : windows) {
            int id = bySignature.computeIfAbsent(window.signature(), s -> bySignature.size());
            ids.put(window, id);
        }
        return new WindowTable(ids, bySignature.size());
    }

    /** B1 and B2 on a set's slots and window table. */
    public static List<Finding> check(Map<Long, Integer> slotsByStudy, int windowEntries) {
        List<Finding> findings = new ArrayList<>();
        if (slotsByStudy.size() > STUDY_SLOTS) {
            findings.add(Finding.error("B1", "studies", slotsByStudy.size() + " studies exceed the " + STUDY_SLOTS + " on-board slots"));
        }
        Set<Integer> seen = new HashSet<>();
        for (Map.Entry<Long, Integer> entry : slotsByStudy.entrySet()) {
            int slot = entry.getValue();
            if (slot < 0 || slot >= STUDY_SLOTS) {
                findings.add(Finding.error("B1", "studies", "slot " + slot + " of study " + entry.getKey() + " is outside 0-" + (STUDY_SLOTS - 1)));
            } else if (!seen.add(slot)) {
                findings.add(Finding.error("B1", "studies", "slot " + slot + " is given to more than one study"));
            }
        }
        if (windowEntries > WINDOW_TABLE_ENTRIES) {
            findings.add(Finding.error("B2", "studies", windowEntries + " distinct windows exceed the " + WINDOW_TABLE_ENTRIES
                    + " window-table entries"));
        }
        return findings;
    }
}
