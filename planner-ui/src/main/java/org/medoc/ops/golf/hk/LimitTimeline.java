package org.medoc.ops.golf.hk;

import org.medoc.ops.golf.alarm.AlarmSeverity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A parameter's limit versions in time order: which limits were in force at a given time. */
public final class LimitTimeline {

    private final List<LimitVersion> versions;
    private final long[] fromMicros;

    public LimitTimeline(List<LimitVersion> versions) {
        this.versions = versions.stream().sorted(Comparator.comparing(LimitVersion::validFrom)).toList();
        this.fromMicros = this.versions.stream().mapToLong(v -> micros(v.validFrom())).toArray();
    }

    /** The limits in force at {@code time}: the latest version that starts at or before it, or none. */
    public Limits at(Instant time) {
        return atMicros(micros(time));
    }

    Limits atMicros(long timeMicros) {
        int low = 0;
        int high = fromMicros.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (fromMicros[middle] <= timeMicros) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found < 0 ? Limits.NONE : versions.get(found).limits();
    }

    public AlarmSeverity judge(Instant time, double value) {
        return at(time).judge(value);
    }

    public List<LimitVersion> versions() {
        return versions;
    }

    static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    }
}
