package org.medoc.planner.bop;

import org.medoc.planner.validation.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Expansion of a BOP (our working definition, PLANNING.md §9.1: a versioned reusable block of timeline items at
 * relative offsets) and its own rules: P2, offsets &ge; 0 and study items that do not overlap each other.
 * Expansion keeps the offsets exactly: item <i>i</i> starts at block start + offset<sub>i</sub>.
 */
public final class BopExpansion {

    /** Where a block is proposed in an STP: an hour in, clear of the runs that close the previous STP. */
    public static final Duration DEFAULT_START_AFTER_STP_START = Duration.ofHours(1);

    private BopExpansion() {
    }

    /** The block start proposed for an STP that starts at {@code stpStart}. */
    public static Instant defaultBlockStart(Instant stpStart) {
        return stpStart.plus(DEFAULT_START_AFTER_STP_START);
    }

    /** A study run the expansion places on the timeline. */
    public record ExpandedRun(int seq, long studyId, int rasters, Instant start, Instant end) {
    }

    /**
     * @param studyDuration seconds one run of a study lasts with a number of rasters (the study estimator's duration)
     */
    public static List<ExpandedRun> expand(List<BopItem> items, Instant blockStart, ToDoubleBiFunction<Long, Integer> studyDuration) {
        List<ExpandedRun> runs = new ArrayList<>();
        for (BopItem item : items.stream().sorted(Comparator.comparingInt(BopItem::seq)).toList()) {
            if (item.type() != BopItemType.STUDY) {
                continue;
            }
            int rasters = item.rasters() == null ? 1 : item.rasters();
            Instant start = blockStart.plus(millis(item.offsetSeconds()));
            Instant end = start.plus(millis(studyDuration.applyAsDouble(item.studyId(), rasters)));
            runs.add(new ExpandedRun(item.seq(), item.studyId(), rasters, start, end));
        }
        return runs;
    }

    /** P2: offsets &ge; 0; items with a duration (studies, waits) do not overlap each other. */
    public static List<Finding> check(List<BopItem> items, ToDoubleBiFunction<Long, Integer> studyDuration) {
        List<Finding> findings = new ArrayList<>();
        record Span(int seq, double from, double to) {
        }
        List<Span> spans = new ArrayList<>();
        for (BopItem item : items) {
            if (item.offsetSeconds() < 0) {
                findings.add(Finding.error("P2", "items[" + item.seq() + "].offsetSeconds", "item " + item.seq()
                        + " has a negative offset (" + item.offsetSeconds() + " s)"));
            }
            if (item.type() == BopItemType.STUDY && item.studyId() == null) {
                findings.add(Finding.error("P2", "items[" + item.seq() + "].studyId", "study item " + item.seq() + " names no study"));
                continue;
            }
            double length = item.type() == BopItemType.STUDY
                    ? studyDuration.applyAsDouble(item.studyId(), item.rasters() == null ? 1 : item.rasters())
                    : item.durationSeconds() == null ? 0 : item.durationSeconds();
            if (length > 0) {
                spans.add(new Span(item.seq(), item.offsetSeconds(), item.offsetSeconds() + length));
            }
        }
        spans.sort(Comparator.comparingDouble(Span::from));
        for (int i = 1; i < spans.size(); i++) {
            Span previous = spans.get(i - 1);
            Span current = spans.get(i);
            if (current.from() < previous.to() - 1e-6) {
                findings.add(Finding.error("P2", "items[" + current.seq() + "].offsetSeconds", "item " + current.seq()
                        + " starts at +" + current.from() + " s, before item " + previous.seq() + " ends at +" + previous.to() + " s"));
            }
        }
        return findings;
    }

    /** Length of the block: the latest end of its items. */
    public static double totalSeconds(List<BopItem> items, ToDoubleBiFunction<Long, Integer> studyDuration) {
        double end = 0;
        for (BopItem item : items) {
            double length = item.type() == BopItemType.STUDY && item.studyId() != null
                    ? studyDuration.applyAsDouble(item.studyId(), item.rasters() == null ? 1 : item.rasters())
                    : item.durationSeconds() == null ? 0 : item.durationSeconds();
            end = Math.max(end, item.offsetSeconds() + length);
        }
        return end;
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
