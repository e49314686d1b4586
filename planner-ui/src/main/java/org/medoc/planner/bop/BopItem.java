package org.medoc.planner.bop;

/**
 * One item of a BOP version: at {@code offsetSeconds} from the block start; a STUDY item names a study and a number
 * of rasters, other items may carry a duration (a WAIT) or a command mnemonic.
 */
public record BopItem(int seq, double offsetSeconds, BopItemType type, Long studyId, Integer rasters,
                      String commandMnemonic, Double durationSeconds) {
}
