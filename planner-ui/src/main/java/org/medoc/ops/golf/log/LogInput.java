package org.medoc.ops.golf.log;

import java.time.Instant;

/** What an operator writes in a log entry; links and the public title are optional. */
public record LogInput(Instant time, LogCategory category, String text, DataImpact dataImpact, Instant hkFrom, Instant hkTo,
                       Long alarmId, Long anomalyId, Long constraintWindowId, Boolean publicEntry, String publicTitle) {

    public boolean isPublic() {
        return Boolean.TRUE.equals(publicEntry);
    }

    public static LogInput note(Instant time, LogCategory category, String text, DataImpact impact) {
        return new LogInput(time, category, text, impact, null, null, null, null, null, false, null);
    }
}
