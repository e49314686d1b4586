package org.medoc.archive.ingest;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingest decisions in the audit trail: a quarantined file with its reason; a second look at the same bytes adds nothing. */
@SpringBootTest(classes = ArchiveTestApplication.class)
class IngestAuditTests {

    @Autowired IngestService ingest;
    @Autowired AuditTrail audit;

    @Test
    @WithMockUser(username = "curator", roles = "ARCHIVIST")
    void aQuarantinedFileIsRecordedOnceWithItsReasonAndTheArchivist() throws Exception {
        byte[] garbage = new byte[4096];
        new Random().nextBytes(garbage);
        Path file = Files.write(Files.createTempDirectory("medoc-audit-ingest-").resolve("garbage.fits"), garbage);

        IngestOutcome first = ingest.ingestFile(file, "garbage.fits", "test");
        IngestOutcome again = ingest.ingestFile(file, "garbage.fits", "test");

        assertThat(first.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(again.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        List<AuditEvent> events = audit.search(new AuditQuery(null, null, null, "ingest.", "file", first.sha256(), null, 10)).events();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("ingest.quarantined");
            assertThat(event.actor()).isEqualTo("curator");
            assertThat(event.detail()).isEqualTo(first.reason());
            assertThat(event.after()).contains("\"file\": \"garbage.fits\"").contains("\"sizeBytes\": 4096");
        });
    }
}
