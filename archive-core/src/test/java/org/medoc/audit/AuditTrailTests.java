package org.medoc.audit;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medoc.db.jooq.audit.Tables.EVENT;

/** The audit trail on real PostgreSQL: append-only in the database, written in the caller's transaction, searchable. */
@SpringBootTest(classes = ArchiveTestApplication.class)
class AuditTrailTests {

    @Autowired AuditTrail audit;
    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate transaction;

    /** An object id no other test uses, so that each test finds only its own events. */
    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private List<AuditEvent> eventsOf(String objectId) {
        return audit.search(new AuditQuery(null, null, null, null, null, objectId, null, AuditQuery.MAX_LIMIT)).events();
    }

    @Test
    void theDatabaseRefusesToUpdateARecordedEvent() {
        String id = unique();
        audit.record("test.recorded", "thing", id, null, Map.of("state", "A"), null);

        assertThatThrownBy(() -> dsl.update(EVENT).set(EVENT.ACTOR, "someone-else").where(EVENT.OBJECT_ID.eq(id)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only").hasMessageContaining("UPDATE");
        assertThat(eventsOf(id)).singleElement().satisfies(event -> assertThat(event.actor()).isEqualTo(AuditTrail.SYSTEM));
    }

    @Test
    void theDatabaseRefusesToDeleteOrTruncateTheTrail() {
        String id = unique();
        audit.record("test.recorded", "thing", id, null, null, "kept");

        assertThatThrownBy(() -> dsl.deleteFrom(EVENT).where(EVENT.OBJECT_ID.eq(id)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only").hasMessageContaining("DELETE");
        assertThatThrownBy(() -> dsl.truncate(EVENT).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only").hasMessageContaining("TRUNCATE");
        assertThat(eventsOf(id)).singleElement().satisfies(event -> assertThat(event.detail()).isEqualTo("kept"));
    }

    @Test
    @WithMockUser(username = "batcher")
    void recordAllWritesOneEventPerEntryAsTheCurrentUserInTheCallersTransaction() {
        String first = unique();
        String second = unique();
        transaction.executeWithoutResult(status -> audit.recordAll(List.of(
                new AuditTrail.Entry("test.batched", "thing", first, null, Map.of("n", 1), "one"),
                new AuditTrail.Entry("test.batched", "thing", second, Map.of("n", 1), null, null))));

        assertThat(eventsOf(first)).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("batcher");
            assertThat(event.action()).isEqualTo("test.batched");
            assertThat(event.after()).contains("\"n\": 1");
            assertThat(event.detail()).isEqualTo("one");
        });
        assertThat(eventsOf(second)).singleElement().satisfies(event -> {
            assertThat(event.before()).contains("\"n\": 1");
            assertThat(event.after()).isNull();
        });
    }

    @Test
    void recordAllWithOneInvalidActionRecordsNone() {
        String id = unique();
        assertThatThrownBy(() -> audit.recordAll(List.of(new AuditTrail.Entry("test.fine", "thing", id, null, null, null),
                new AuditTrail.Entry("Not An Action", "thing", id, null, null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not An Action");
        assertThat(eventsOf(id)).isEmpty();
    }

    @Test
    void anActionThatRollsBackLeavesNoRecord() {
        String id = unique();
        transaction.executeWithoutResult(status -> {
            audit.record("test.rolled-back", "thing", id, null, null, null);
            assertThat(eventsOf(id)).as("visible inside the transaction").hasSize(1);
            status.setRollbackOnly();
        });
        assertThat(eventsOf(id)).isEmpty();
    }

    @Test
    void anActionThatCommitsKeepsItsRecordWrittenInTheSameTransaction() {
        String id = unique();
        long transactionId = transaction.execute(status -> {
            audit.record("test.committed", "thing", id, Map.of("n", 1), Map.of("n", 2), "done");
            return Long.parseLong(String.valueOf(dsl.fetchValue("select txid_current()::text")));
        });
        AuditEvent event = eventsOf(id).getFirst();
        assertThat(event.before()).isEqualTo("{\"n\": 1}");
        assertThat(event.after()).isEqualTo("{\"n\": 2}");
        // the row was inserted by the caller's transaction, not by one of its own
        long writer = Long.parseLong(String.valueOf(dsl.fetchValue("select xmin::text from audit.event where id = " + event.id())));
        assertThat(writer).isEqualTo(transactionId % (1L << 32));
    }

    @Test
    @WithMockUser(username = "curator", roles = "ARCHIVIST")
    void theActorIsTheLoggedInUser() {
        String id = unique();
        audit.record("test.by-user", "thing", id, null, null, null);
        assertThat(eventsOf(id).getFirst().actor()).isEqualTo("curator");
    }

    @Test
    void anActionThatIsNotADottedVerbIsRefused() {
        assertThatThrownBy(() -> audit.record("Publish release", "thing", unique(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dotted verb");
    }

    @Test
    void searchFiltersByActionPrefixAndPagesWithACursorNewestFirst() {
        String id = unique();
        for (int i = 0; i < 5; i++) {
            audit.record("test.paging.step" + i, "thing", id, null, null, null);
        }
        audit.record("other.paging", "thing", id, null, null, null);
        AuditQuery query = new AuditQuery(null, null, null, "test.paging.", null, id, null, 2);

        List<String> actions = new ArrayList<>();
        AuditPage page = audit.search(query);
        actions.addAll(page.events().stream().map(AuditEvent::action).toList());
        while (page.nextCursor() != null) {
            page = audit.search(query.after(page.nextCursor()));
            actions.addAll(page.events().stream().map(AuditEvent::action).toList());
        }
        assertThat(actions).containsExactly("test.paging.step4", "test.paging.step3", "test.paging.step2",
                "test.paging.step1", "test.paging.step0");
    }

    @Test
    void anActionPrefixIsTakenLiterallyNotAsAPattern() {
        String id = unique();
        audit.record("test.under_score", "thing", id, null, null, null);
        audit.record("test.underxscore", "thing", id, null, null, null);
        assertThat(audit.search(new AuditQuery(null, null, null, "test.under_", null, id, null, 10)).events())
                .extracting(AuditEvent::action).containsExactly("test.under_score");
    }

    @Test
    void searchFiltersByTimeRangeAndActor() {
        String id = unique();
        audit.recordAs("alice", "test.timed", "thing", id, null, null, null);
        Instant after = Instant.now().plusSeconds(3600);
        assertThat(audit.search(new AuditQuery(after, null, null, null, null, id, null, 10)).events()).isEmpty();
        assertThat(audit.search(new AuditQuery(Instant.now().minusSeconds(3600), after, "alice", null, "thing", id, null, 10))
                .events()).singleElement().satisfies(event -> assertThat(event.action()).isEqualTo("test.timed"));
        assertThat(audit.search(new AuditQuery(null, null, "bob", null, null, id, null, 10)).events()).isEmpty();
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedNamingTheParameter() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> new AuditQuery(now, now.minusSeconds(1), null, null, null, null, null, 10))
                .isInstanceOfSatisfying(AuditQuery.InvalidAuditQueryException.class,
                        e -> assertThat(e.parameter()).isEqualTo("from"));
    }

    @Test
    void theCsvExportHasAHeaderAndQuotesCellsWithCommasQuotesAndLineBreaks() {
        String id = unique();
        audit.recordAs("alice", "test.exported", "thing", id, null, Map.of("note", "a \"quoted\" value"),
                "first line, with a comma\nsecond line");
        audit.recordAs("alice", "test.exported", "thing", id, null, null, "=HYPERLINK(\"x\")");
        StringWriter csv = new StringWriter();

        long written = audit.exportCsv(new AuditQuery(null, null, null, null, null, id, null, 1), csv);

        assertThat(written).as("the export ignores the page limit").isEqualTo(2);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,actor,action,object_type,object_id,before,after,detail,client_address");
        assertThat(lines[1]).contains(",alice,test.exported,thing," + id + ",,").contains(",\"'=HYPERLINK(\"\"x\"\")\",");
        assertThat(lines[2]).contains(",\"{\"\"note\"\": \"\"a \\\"\"quoted\\\"\" value\"\"}\",\"first line, with a comma\nsecond line\",");
    }
}
