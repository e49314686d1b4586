package org.medoc.release.release;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.medoc.release.ReleaseFixtures;
import org.medoc.release.ReleaseTestApplication;
import org.medoc.release.model.Release;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.release.ReleaseFixtures.asManager;

/** A release's whole life in the audit trail: created, frozen, published, withdrawn, each with its states. */
@SpringBootTest(classes = ReleaseTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleaseAuditTests {

    @Autowired ReleaseService releases;
    @Autowired ReleaseFixtures fixtures;
    @Autowired AuditTrail audit;

    @BeforeEach
    void archiveHoldsTheDemoFiles() throws Exception {
        fixtures.ingestDemoData();
    }

    @Test
    void everyTransitionOfAReleaseIsRecordedWithTheManagerAndTheStatesBeforeAndAfter() {
        String collection = ReleaseFixtures.newCollection();
        Release published = fixtures.published(collection, "1.0");
        asManager(() -> releases.withdraw(collection, "1.0", published.lockVersion(), "calibration error found"));

        List<AuditEvent> events = audit.search(new AuditQuery(null, null, null, "release.", "release", collection + "/1.0",
                null, AuditQuery.MAX_LIMIT)).events().reversed();

        assertThat(events).extracting(AuditEvent::action)
                .containsSubsequence("release.created", "release.frozen", "release.published", "release.withdrawn");
        assertThat(events).extracting(AuditEvent::actor).containsOnly("manager");
        AuditEvent withdrawn = events.getLast();
        assertThat(withdrawn.before()).isEqualTo("{\"state\": \"PUBLISHED\"}");
        assertThat(withdrawn.after()).isEqualTo("{\"state\": \"WITHDRAWN\"}");
        assertThat(withdrawn.detail()).isEqualTo("calibration error found");
        AuditEvent frozen = events.stream().filter(e -> e.action().equals("release.frozen")).findFirst().orElseThrow();
        assertThat(frozen.before()).isEqualTo("{\"state\": \"DRAFT\"}");
        assertThat(frozen.detail()).contains("each re-verified against its SHA-256");
    }
}
