package org.medoc.products.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How far a campaign is: item counts by state, {@code done} (made + skipped), {@code remaining} (pending, queued or
 * running), and while it runs the rate (items finished per minute, over the last {@link #RATE_WINDOW} since the
 * last start or resume) and the ETA at that rate. While the campaign still enumerates, {@code total} grows.
 */
public record CampaignProgress(long total, long pending, long queued, long running, long made, long skipped, long failed,
                               long cancelled, long done, long remaining, Double ratePerMinute, Long etaSeconds) {

    /** The rate is measured over at most this much recent work, so that it follows the nodes at work now. */
    public static final Duration RATE_WINDOW = Duration.ofMinutes(10);

    /**
     * @param counts           items by state
     * @param finishedRecently items finished (made by a run, skipped by a run or failed) since {@code since}
     * @param since            the start of the rate's window: the later of the last start or resume and now − window
     * @param active           whether the campaign is running (no rate or ETA otherwise)
     */
    static CampaignProgress of(Map<ItemStatus, Long> counts, long finishedRecently, Instant since, Instant now, boolean active) {
        long pending = counts.getOrDefault(ItemStatus.PENDING, 0L);
        long queued = counts.getOrDefault(ItemStatus.QUEUED, 0L);
        long running = counts.getOrDefault(ItemStatus.RUNNING, 0L);
        long made = counts.getOrDefault(ItemStatus.MADE, 0L);
        long skipped = counts.getOrDefault(ItemStatus.SKIPPED, 0L);
        long failed = counts.getOrDefault(ItemStatus.FAILED, 0L);
        long cancelled = counts.getOrDefault(ItemStatus.CANCELLED, 0L);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long remaining = pending + queued + running;
        Double rate = null;
        Long eta = null;
        double minutes = Duration.between(since, now).toMillis() / 60_000.0;
        if (active && finishedRecently > 0 && minutes > 0) {
            rate = Math.round(finishedRecently / minutes * 10) / 10.0;
            eta = Math.round(remaining / (finishedRecently / minutes) * 60);
        }
        return new CampaignProgress(total, pending, queued, running, made, skipped, failed, cancelled, made + skipped,
                remaining, rate, eta);
    }

    /** The ETA in words for people (the command's progress lines, the Runs view): "1h10m", "4m05s", "12s"; empty for none. */
    public String etaText() {
        if (etaSeconds == null) {
            return "";
        }
        Duration eta = Duration.ofSeconds(etaSeconds);
        return eta.toHours() > 0 ? eta.toHours() + "h" + String.format("%02dm", eta.toMinutesPart())
                : eta.toMinutes() > 0 ? eta.toMinutes() + "m" + String.format("%02ds", eta.toSecondsPart())
                : eta.toSeconds() + "s";
    }
}
