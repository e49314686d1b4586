package org.medoc.archive.access;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.access.Visibility.Access;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.demo.DemoObservations;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An archivist changes an observation's access level; the visibility rule does the rest. */
@SpringBootTest(classes = ArchiveTestApplication.class)
class AccessServiceTests {

    @Autowired IngestService ingest;
    @Autowired CatalogueService catalogue;
    @Autowired AccessService access;

    private long demoEitObservation(Instant start, long seed) throws IOException {
        return ingest.ingest(new DemoObservations(64, seed).write(Files.createTempDirectory("medoc-access-"), start, 0), "test")
                .outcomes().stream().filter(o -> o.fileName().startsWith("efz")).findFirst().orElseThrow().observationId();
    }

    @Test
    void anEmbargoedObservationDisappearsForAnonymousVisitorsAndComesBackWhenLifted() throws IOException {
        long id = demoEitObservation(Instant.parse("2030-07-01T00:00:00Z"), 41);
        assertThat(catalogue.summary(id)).isPresent();

        assertThat(access.setAccess(id, Access.EMBARGOED, "published too early")).isEqualTo(Access.PUBLIC);
        assertThat(catalogue.summary(id)).isEmpty();

        assertThat(access.setAccess(id, Access.PUBLIC, "embargo lifted")).isEqualTo(Access.EMBARGOED);
        assertThat(catalogue.summary(id)).isPresent();
    }

    @Test
    void anUnknownObservationIsRefused() {
        assertThatThrownBy(() -> access.setAccess(Long.MAX_VALUE, Access.RESTRICTED, "no such file"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no observation " + Long.MAX_VALUE);
    }

    @Test
    void aChangeWithoutAReasonIsRefusedAndChangesNothing() throws IOException {
        long id = demoEitObservation(Instant.parse("2030-07-02T00:00:00Z"), 42);

        assertThatThrownBy(() -> access.setAccess(id, Access.RESTRICTED, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("say why");
        assertThat(catalogue.summary(id)).isPresent();
    }
}
