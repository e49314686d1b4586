package org.medoc.audit;

import java.time.Instant;

/**
 * A search of the audit trail; every filter is optional (null: no filter).
 *
 * @param from         events at or after this instant
 * @param to           events before this instant
 * @param actor        exactly this user name (or {@code system}, {@code anonymous})
 * @param actionPrefix actions starting with this text: {@code release.} finds every release transition
 * @param objectType   exactly this kind of object ({@code release}, {@code observation}, {@code icn}...)
 * @param objectId     exactly this object's identifier (with or without {@code objectType})
 * @param beforeId     the cursor: only events older than this id (the {@link AuditPage#nextCursor()} of the previous page)
 * @param limit        at most this many events (1 to {@link #MAX_LIMIT})
 */
public record AuditQuery(Instant from, Instant to, String actor, String actionPrefix, String objectType, String objectId,
                         Long beforeId, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        actor = blankToNull(actor);
        actionPrefix = blankToNull(actionPrefix);
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditQueryException("from", "from (" + from + ") must be before to (" + to + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditQueryException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Everything, newest first, one default page. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    /** The same filters, the page after the one that ended at {@code cursor}. */
    public AuditQuery after(Long cursor) {
        return new AuditQuery(from, to, actor, actionPrefix, objectType, objectId, cursor, limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A filter that cannot be applied, naming the parameter at fault. */
    public static class InvalidAuditQueryException extends IllegalArgumentException {
        private final String parameter;

        public InvalidAuditQueryException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }
}
