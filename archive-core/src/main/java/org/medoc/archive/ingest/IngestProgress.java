package org.medoc.archive.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * How far an ingest run is: files and bytes finished (catalogued, skipped, quarantined or failed) out of the total,
 * the counts by outcome, and the time spent, from which the rate and the estimated time left follow.
 */
public record IngestProgress(int filesDone, int filesTotal, long bytesDone, long bytesTotal, int ingested,
                             int skipped, int quarantined, int failed, Duration elapsed) {

    public double megabytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytesDone / 1e6 / seconds;
    }

    public double filesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : filesDone / seconds;
    }

    /** Time left at the byte rate so far (bytes, not files: a directory mixes small and large files), or null. */
    public Duration eta() {
        if (bytesDone >= bytesTotal) {
            return Duration.ZERO;
        }
        if (bytesDone == 0) {
            return null;
        }
        double perByte = elapsed.toNanos() / (double) bytesDone;
        return Duration.ofNanos((long) (perByte * (bytesTotal - bytesDone)));
    }

    public boolean finished() {
        return filesDone >= filesTotal;
    }

    /** One line for a terminal or a status label: {@code 120/360 files, 1.5/4.5 GB, 130.2 MB/s, 10.4 files/s, ETA 0:23}. */
    public String line() {
        Duration eta = eta();
        return String.format(Locale.ROOT, "%d/%d files, %s/%s, %.1f MB/s, %.1f files/s, ETA %s (ingested %d, skipped %d,"
                        + " quarantined %d%s)", filesDone, filesTotal, size(bytesDone), size(bytesTotal),
                megabytesPerSecond(), filesPerSecond(), eta == null ? "?" : clock(eta), ingested, skipped, quarantined,
                failed == 0 ? "" : ", failed " + failed);
    }

    static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
