package org.medoc.planner.bop;

import java.util.List;

/**
 * One item of a BOP version: at {@code offsetSeconds} from the block start; a STUDY item names a study and a number
 * of rasters, other items may carry a duration (a WAIT) or a command mnemonic.
 */
public record BopItem(int seq, double offsetSeconds, BopItemType type, Long studyId, Integer rasters,
                      String commandMnemonic, Double durationSeconds) {

    /**
     * The item added after {@code items}: the next sequence number; a STUDY item keeps only its study and rasters,
     * any other item only its command or marker (blank is none) and duration, whatever else the form held.
     */
    public static BopItem next(List<BopItem> items, double offsetSeconds, BopItemType type, Long studyId, Integer rasters,
                               String commandMnemonic, Double durationSeconds) {
        int seq = items.stream().mapToInt(BopItem::seq).max().orElse(0) + 1;
        if (type == BopItemType.STUDY) {
            return new BopItem(seq, offsetSeconds, type, studyId, rasters, null, null);
        }
        String command = commandMnemonic == null || commandMnemonic.isBlank() ? null : commandMnemonic.strip();
        return new BopItem(seq, offsetSeconds, type, null, null, command, durationSeconds);
    }
}
