package org.medoc.audit;

import java.util.List;

/**
 * One page of a search, newest first; {@code nextCursor} is the value to pass as {@link AuditQuery#beforeId()} for
 * the next page, null on the last page. Keyset paging: a page stays correct while new events are being recorded.
 */
public record AuditPage(List<AuditEvent> events, Long nextCursor) {
}
