package org.medoc.ops.golf.log;

import java.time.Instant;

/** Search criteria for the log; null fields do not filter. {@code text} matches case-insensitively anywhere. */
public record LogFilter(Instant from, Instant to, LogCategory category, DataImpact dataImpact, String author, String text,
                        Boolean publicOnly) {

    public static final LogFilter ALL = new LogFilter(null, null, null, null, null, null, null);
}
