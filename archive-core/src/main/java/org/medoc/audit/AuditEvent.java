package org.medoc.audit;

import java.time.Instant;

/**
 * One recorded action: who ({@code actor}), when, what ({@code action}, a dotted verb such as {@code release.published}),
 * on which object, its values before and after (JSON text, null when there is none), a free-text detail (the reason
 * given, the outcome) and the caller's network address when the action came over HTTP.
 */
public record AuditEvent(long id, Instant at, String actor, String action, String objectType, String objectId,
                         String before, String after, String detail, String clientAddress) {
}
