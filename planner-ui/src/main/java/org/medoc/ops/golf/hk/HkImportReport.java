package org.medoc.ops.golf.hk;

import org.medoc.ops.golf.alarm.AlarmSeverity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an import did: samples read from the file and added (fewer when some were already stored; none when the same
 * file was imported before), samples out of limits among the added ones by severity, alarms raised, and the
 * violation episodes found (at most {@link HkImporter#MAX_REPORTED_VIOLATIONS}).
 */
public record HkImportReport(String fileName, String sha256, boolean alreadyImported, long samplesRead, long samplesAdded,
                             Map<AlarmSeverity, Long> outOfLimits, int alarmsRaised, List<Violation> violations,
                             Instant first, Instant last) {

    /** Consecutive added samples of one parameter at one severity. */
    public record Violation(String mnemonic, AlarmSeverity severity, Instant start, Instant end, long samples, double value) {
    }

    public String summary() {
        return fileName + ": " + samplesRead + " samples read, " + samplesAdded + " added"
                + (alreadyImported ? " (file already imported)" : "")
                + ", out of limits " + outOfLimits + ", " + alarmsRaised + " alarm(s) raised";
    }
}
