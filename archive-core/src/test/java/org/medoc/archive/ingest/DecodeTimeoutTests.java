package org.medoc.archive.ingest;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ArchiveTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/** A file that keeps the FITS library decoding past the timeout is quarantined and the batch goes on. */
@SpringBootTest(classes = ArchiveTestApplication.class,
        properties = {"medoc.data-dir=target/test-data/timeout-${random.uuid}", "medoc.ingest.decode-timeout=PT0.001S"})
class DecodeTimeoutTests {

    @Autowired IngestService ingest;
    @Autowired DSLContext dsl;

    @Test
    void decodingPastTheTimeoutQuarantinesTheFile() throws Exception {
        // a compressed 769×705 image takes far longer than a millisecond to decode
        var file = ArchiveTestApplication.sampleFits().resolve("aia_171_cutout.fits");
        IngestOutcome outcome = ingest.ingestFile(file, "aia_171_cutout.fits", "test");
        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.QUARANTINED);
        assertThat(outcome.reason()).isEqualTo("unreadable image data in HDU 1: decoding did not finish within 1 ms");
        assertThat(dsl.fetchCount(OBSERVATION)).isZero();
    }
}
