package org.medoc.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.medoc.db.jooq.audit.tables.records.EventRecord;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.medoc.db.jooq.audit.Tables.EVENT;

/**
 * The application's append-only audit trail: every state-changing action (ingest outcomes, access changes, product
 * runs, release transitions, approvals and decisions, logins) is recorded with who, when, what, on which object and
 * its values before and after, and can be searched and exported by administrators.
 *
 * <p>{@link #record} writes in the caller's transaction: an action that rolls back leaves no record, and a recorded
 * action cannot commit without its record. The database refuses any UPDATE, DELETE or TRUNCATE of the trail
 * (migration V016), so neither this service nor anyone else can rewrite history.
 */
@Service
public class AuditTrail {

    /** The actor of scheduled and background work, which runs without a logged-in user. */
    public static final String SYSTEM = "system";
    /** The actor of a caller who has not logged in (a refused login, a public request). */
    public static final String ANONYMOUS = "anonymous";
    /** The CSV export's columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("id", "at", "actor", "action", "object_type", "object_id",
            "before", "after", "detail", "client_address");

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
    private static final int MAX_DETAIL = 4000;

    private final DSLContext dsl;
    private final ObjectMapper json;

    public AuditTrail(DSLContext dsl, ObjectMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /**
     * Records an action of the current user (from the security context; {@link #SYSTEM} when there is none, as in
     * scheduled work; {@link #ANONYMOUS} for a caller who has not logged in).
     *
     * @param action     a dotted verb, lower case: {@code <area>.<what happened>}, e.g. {@code release.published}
     * @param objectType the kind of object acted on ({@code release}, {@code observation}...), or null
     * @param objectId   its identifier, or null
     * @param before     its relevant values before the action (serialised to JSON; a map or record), or null
     * @param after      its relevant values after the action, or null
     * @param detail     the reason given or the outcome, free text, or null
     */
    @Transactional
    public void record(String action, String objectType, String objectId, Object before, Object after, String detail) {
        recordAs(currentActor(), action, objectType, objectId, before, after, detail);
    }

    /**
     * As {@link #record}, for a named actor: where the actor is known but not (or not yet) in the security context,
     * e.g. the user name of a login attempt.
     */
    @Transactional
    public void recordAs(String actor, String action, String objectType, String objectId, Object before, Object after,
                         String detail) {
        checkAction(action);
        dsl.insertInto(EVENT)
                .set(EVENT.ACTOR, actorOrSystem(actor))
                .set(EVENT.ACTION, action)
                .set(EVENT.OBJECT_TYPE, objectType)
                .set(EVENT.OBJECT_ID, objectId)
                .set(EVENT.BEFORE, jsonb(before))
                .set(EVENT.AFTER, jsonb(after))
                .set(EVENT.DETAIL, bounded(detail))
                .set(EVENT.CLIENT_ADDRESS, clientAddress())
                .execute();
    }

    /** One action of {@link #recordAll}: the arguments of {@link #record} but the actor. */
    public record Entry(String action, String objectType, String objectId, Object before, Object after, String detail) {}

    /**
     * As {@link #record} for each entry, in the caller's transaction, the SQL sent once for all of them (a JDBC batch):
     * an ingest batch records one event per catalogued file without one statement per row. The actions are checked
     * before anything is written, so an invalid one records none.
     */
    @Transactional
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (Entry e : entries) {
            checkAction(e.action());
        }
        String actor = actorOrSystem(currentActor());
        String client = clientAddress();
        var batch = dsl.batch(dsl.insertInto(EVENT, EVENT.ACTOR, EVENT.ACTION, EVENT.OBJECT_TYPE, EVENT.OBJECT_ID,
                        EVENT.BEFORE, EVENT.AFTER, EVENT.DETAIL, EVENT.CLIENT_ADDRESS)
                .values((String) null, null, null, null, null, null, null, null));
        for (Entry e : entries) {
            batch = batch.bind(actor, e.action(), e.objectType(), e.objectId(),
                    jsonb(e.before()), jsonb(e.after()), bounded(e.detail()), client);
        }
        batch.execute();
    }

    private static void checkAction(String action) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action '" + action + "' must be a lower-case dotted verb such as "
                    + "release.published");
        }
    }

    private static String actorOrSystem(String actor) {
        return actor == null || actor.isBlank() ? SYSTEM : actor;
    }

    private static String bounded(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
    }

    /** One page of the events that match the query, newest first. */
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query) {
        List<AuditEvent> events = dsl.selectFrom(EVENT).where(conditions(query))
                .orderBy(EVENT.ID.desc())
                .limit(query.limit() + 1)
                .fetch(AuditTrail::event);
        if (events.size() <= query.limit()) {
            return new AuditPage(events, null);
        }
        List<AuditEvent> page = new ArrayList<>(events.subList(0, query.limit()));
        return new AuditPage(page, page.getLast().id());
    }

    /**
     * Writes every event that matches the query's filters (its limit does not apply) as CSV with a header line
     * ({@link #CSV_COLUMNS}), newest first, streaming from the database: memory stays constant however long the trail.
     * Returns the number of events written.
     */
    @Transactional(readOnly = true)
    public long exportCsv(AuditQuery query, Writer out) {
        long count = 0;
        try (Cursor<EventRecord> rows = dsl.selectFrom(EVENT).where(conditions(query)).orderBy(EVENT.ID.desc())
                .fetchSize(500).fetchLazy()) {
            out.write(String.join(",", CSV_COLUMNS) + "\r\n");
            for (EventRecord row : rows) {
                AuditEvent event = event(row);
                List<String> cells = List.of(Long.toString(event.id()), event.at().toString(), event.actor(), event.action(),
                        nullToEmpty(event.objectType()), nullToEmpty(event.objectId()), nullToEmpty(event.before()),
                        nullToEmpty(event.after()), nullToEmpty(event.detail()), nullToEmpty(event.clientAddress()));
                out.write(String.join(",", cells.stream().map(AuditTrail::csvCell).toList()) + "\r\n");
                count++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the audit export could not be written: " + e.getMessage(), e);
        }
        return count;
    }

    /** The actor of an action taken now in this thread. */
    public static String currentActor() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            return SYSTEM;
        }
        return who instanceof AnonymousAuthenticationToken || !who.isAuthenticated() ? ANONYMOUS : who.getName();
    }

    private static List<Condition> conditions(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.from() != null) {
            conditions.add(EVENT.AT.ge(query.from().atOffset(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            conditions.add(EVENT.AT.lt(query.to().atOffset(ZoneOffset.UTC)));
        }
        if (query.actor() != null) {
            conditions.add(EVENT.ACTOR.eq(query.actor()));
        }
        if (query.actionPrefix() != null) {
            // LIKE with the prefix's own wildcards escaped, so that the text_pattern_ops index serves it
            String escaped = query.actionPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_");
            conditions.add(EVENT.ACTION.like(escaped + "%", '!'));
        }
        if (query.objectType() != null) {
            conditions.add(EVENT.OBJECT_TYPE.eq(query.objectType()));
        }
        if (query.objectId() != null) {
            conditions.add(EVENT.OBJECT_ID.eq(query.objectId()));
        }
        if (query.beforeId() != null) {
            conditions.add(EVENT.ID.lt(query.beforeId()));
        }
        return conditions.isEmpty() ? List.of(DSL.noCondition()) : conditions;
    }

    private static AuditEvent event(EventRecord r) {
        return new AuditEvent(r.getId(), r.getAt().toInstant(), r.getActor(), r.getAction(), r.getObjectType(),
                r.getObjectId(), r.getBefore() == null ? null : r.getBefore().data(),
                r.getAfter() == null ? null : r.getAfter().data(), r.getDetail(), r.getClientAddress());
    }

    private JSONB jsonb(Object value) {
        return value == null ? null : JSONB.valueOf(json.writeValueAsString(value));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading formula character is neutralised. */
    static String csvCell(String value) {
        String cell = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
